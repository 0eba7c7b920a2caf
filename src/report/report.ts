/** Everything the reporters need, gathered once by main. */
import type { RiskLevel, TaskRef, TaskType, Thresholds } from '../inputs/config.ts'
import type { FailedFiles } from '../gate/failed-files.ts'
import type { Target } from '../gate/locate.ts'
import type { RiskReading } from '../gate/risks.ts'
import type { Task } from '../hss/models.ts'
import type { Verdict } from '../gate/verdict.ts'

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
  /** With fail-on-risk, once the task finished: the IaC risks read. */
  risks?: { level: RiskLevel; reading: RiskReading }
  elapsedMs: number
  queries: number
}
