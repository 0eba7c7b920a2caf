/** Everything the reporters need, gathered once by the gate's run. */
import type { TaskRef, TaskType, Thresholds } from '../inputs/config.ts'
import type { ExceptionSet } from '../repo/exception-set.ts'
import type { Task } from '../hss/models.ts'
import type { FailedFiles } from './files/failed-files.ts'
import type { RiskAssessment } from './risks/findings.ts'
import type { Target } from './wait/locate.ts'
import type { StaleCopies } from './files/stale.ts'
import type { UploadReport } from './upload/upload.ts'
import type { Verdict } from './verdict.ts'

/** Where the checked-out files are on GitHub, for links to a finding's line. */
export interface SourceLinks {
  /** `https://github.com/owner/repo`. */
  repoUrl: string
  /** The commit checked out. */
  sha: string
}

export interface Report {
  taskType: TaskType
  thresholds: Thresholds
  softFail: boolean
  timeoutMs: number
  /** How the task was asked for: by id, by name, or started by the action. */
  ref: TaskRef
  /** The id and name looked for (the id once known). */
  target: Target
  /** The HSS console of the task's region, when the region is known. */
  consoleUrl?: string
  /** The last task seen, exactly as HSS returned it. */
  task: Task | undefined
  verdict: Verdict
  /** Listed for an iac_scan with failed files; a string says why listing them failed. */
  failedFiles: FailedFiles | string | undefined
  /** With fail-on-risk or sarif-file, once the task finished: the IaC risks, located and judged. */
  risks?: RiskAssessment
  /** On a pull request with stale-copies fail or warn: the copies checked. */
  stale?: StaleCopies
  /** With upload-files: what was matched, left alone and uploaded. */
  upload?: UploadReport
  /** The exceptions file as read (entries in force, ignored, expiring soon). */
  exceptions?: ExceptionSet
  /** Its path (`exceptions-file`), to name it. */
  exceptionsFile?: string
  /** Links to the checked-out files on GitHub, when the run knows where they are. */
  source?: SourceLinks
  /** The action's README, for links in next steps, when the run knows where it is. */
  readme?: string
  elapsedMs: number
  queries: number
}
