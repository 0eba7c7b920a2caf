/**
 * What a finished IaC scan found, read with every API at its own pace, all at once: each API has its
 * own budget of 5 calls a minute, so the run waits for the slowest API's calls, not for their sum.
 *  - the task's files (ListTaskResources): the ones scanned successfully, all of them for the
 *    stale-copies check, and (for the report) the failed ones;
 *  - HSS's summary of each file (ListIacFiles, summaries.ts): a file it proves clean for this scan
 *    is not read, and a file it says is risky is read at once, while the rest still come;
 *  - the risks of the files that need reading (ListIacFileRisks), each file's as soon as it is known;
 *  - where each Kubernetes risk sits (ListIacFileRiskPaths), the gate-breaking ones first, as soon
 *    as their file's risks are read.
 * When the summaries are slow or fail, the risks are read all the same (a clean file's read costs a
 * call, never a verdict). Every listing ends at the deadline. The copies are dated from the same
 * summary rows.
 */
import type { HssError } from '../errors.ts'
import type { HssClient } from '../hss/client.ts'
import { epochMs } from '../hss/fields.ts'
import type { Task } from '../hss/models.ts'
import type { Checkout } from '../repo/checkout.ts'
import type { RepoPath } from '../repo/repo-path.ts'
import type { Counts } from './counts.ts'
import { budgetPacer, type GateLog } from './deps.ts'
import { listFailedFiles, type FailedFiles, type Unlisted } from './files/failed-files.ts'
import { checkCopies, copiesToCheck, type StaleCopies } from './files/stale.ts'
import { provenClean, readFileSummaries, type FileSummaries } from './files/summaries.ts'
import { listTaskFiles, type TaskFile, type TaskFiles } from './files/task-files.ts'
import { isRefusal } from './paging/listing.ts'
import { WorkQueue } from './paging/queue.ts'
import type { RetryContext } from './paging/retry.ts'
import type { PullRequestContext } from './pull-request.ts'
import type { FileKind } from './risks/locate-risks.ts'
import { readPathFeed, type PathRequest, type RiskPaths } from './risks/risk-paths.ts'
import { emptyReading, readRiskFeed, severityRank, type RiskReading } from './risks/risks.ts'

export interface ResultsContext {
  client: HssClient
  task: Task
  counts: Counts
  /** Read the risks (fail-on-risk, or sarif-file). */
  risks: boolean
  pr: PullRequestContext
  checkout: Checkout
  /** The exact path of every file this run uploaded, by the id HSS gave it. */
  uploaded: ReadonlyMap<string, RepoPath>
  retry: RetryContext
  log: GateLog
}

export interface ScanResults {
  /** The files scanned successfully, when the risks are read. */
  files: TaskFiles | undefined
  reading: RiskReading | undefined
  paths: RiskPaths
  stale: StaleCopies | undefined
  failedFiles: FailedFiles | Unlisted | undefined
  /** HSS's summaries, when they were read (for the log and the bench). */
  summaries: FileSummaries | undefined
  /** Refusals of calls whose results only report (or only spare calls): permission errors all the same. */
  refusals: HssError[]
}

export function fileKind(file: Pick<TaskFile, 'type' | 'name'>): FileKind {
  return file.type === 'dockerfile' || file.type === 'k8s_yaml' ? file.type : /\.ya?ml$/i.test(file.name) ? 'k8s_yaml' : 'dockerfile'
}

export async function readScanResults(ctx: ResultsContext): Promise<ScanResults> {
  const { client, task, counts, retry } = ctx
  const pace = () => budgetPacer(retry.clock, retry.pollIntervalMs)
  const resources = { ...retry, pacer: pace() }
  const refusals: HssError[] = []
  const stale = ctx.pr.stale

  // The failed files only report: they are listed beside everything else.
  const failedFiles = counts.reportedFailed ? listFailedFiles(client, task.task_id, counts.reportedFailed, resources) : Promise.resolve(undefined)
  const [success, all] = await Promise.all([
    ctx.risks && counts.succeeded !== undefined ? listTaskFiles(client, task.task_id, 'success', counts.succeeded, resources) : Promise.resolve(undefined),
    stale && counts.scanned !== undefined ? listTaskFiles(client, task.task_id, undefined, counts.scanned, resources) : Promise.resolve(undefined)
  ])

  // The copies to date: every file of the task the pull request changes (or that cannot be placed), but those this run uploaded.
  const copies = copiesToCheck(all?.files ?? [], ctx.pr.scope.changes, ctx.checkout, ctx.uploaded)
  const readable = success?.ok ? success.files : []
  const taskStart = epochMs(task.start_time)
  // A summary can spare a risk read only against a known start; the copies need their rows all the same.
  const summarized = new Set([...(taskStart === undefined ? [] : readable.map((file) => file.id)), ...copies.map((copy) => copy.file.id)])

  const riskQueue = new WorkQueue<TaskFile>()
  const byId = new Map(readable.map((file) => [file.id, file]))
  const queued = new Set<string>()
  const clean = new Set<string>()
  const read = new Set<string>()
  const queue = (id: string) => {
    const file = byId.get(id)
    if (!file || queued.has(id) || clean.has(id)) return
    queued.add(id)
    riskQueue.push(file)
  }
  const queueTheRest = () => {
    for (const file of readable) queue(file.id)
  }

  // Once every file's risks are read (the summaries came late) and no copy needs dating, the summaries are no longer needed.
  const enough = new AbortController()
  const summariesContext = { ...retry, pacer: pace(), signal: retry.signal ? AbortSignal.any([retry.signal, enough.signal]) : enough.signal }
  const notNeeded = (error: unknown): FileSummaries => {
    if (!enough.signal.aborted || retry.signal?.aborted) throw error
    return { rows: new Map(), read: new Set(), calls: 0, why: 'not needed: every file\'s risks were read' }
  }
  const summaries = summarized.size
    ? readFileSummaries(client, [...summarized], summariesContext, { risky: queue, trouble: queueTheRest }).catch(notNeeded).then((found) => {
        if (found.refused) refusals.push(found.refused)
        else if (found.why && !found.outOfTime) ctx.log.info(`HSS's file summaries could not all be read (${found.why}): every file's risks are read.`)
        for (const file of readable) {
          if (found.read.has(file.id) && provenClean(found.rows.get(file.id), taskStart)) {
            clean.add(file.id)
            riskQueue.remove((queuedFile) => queuedFile.id === file.id)
          } else queue(file.id)
        }
        return found
      }).finally(() => riskQueue.close())
    : Promise.resolve(undefined)
  if (!summarized.size || taskStart === undefined) {
    queueTheRest()
    riskQueue.close()
  }

  const pathQueue = new WorkQueue<PathRequest>((a, b) => (a.rank ?? 9) < (b.rank ?? 9))
  const kinds = new Map(readable.map((file) => [file.id, fileKind(file)]))
  const placed = (fileId: string, name: string) => ctx.uploaded.has(fileId) || ctx.checkout.resolve(name).kind === 'found'
  const reading = ctx.risks
    ? success?.ok
      ? readRiskFeed(
          client,
          {
            queue: riskQueue,
            label: (file) => ctx.uploaded.get(file.id) ?? (file.name || file.id),
            clean: () => [...clean].filter((id) => !read.has(id)).length,
            read: (file, risks) => {
              read.add(file.id)
              if (!copies.length && readable.every((each) => read.has(each.id) || clean.has(each.id))) enough.abort()
              if (kinds.get(file.id) !== 'k8s_yaml' || !placed(file.id, file.name)) return
              for (const risk of risks) if (risk.rule_id) pathQueue.push({ fileId: file.id, ruleId: risk.rule_id, rank: severityRank(risk.risk_level) })
            }
          },
          readable.length,
          { ...retry, pacer: pace() }
        ).finally(() => pathQueue.close())
      : Promise.resolve(unlisted(success, counts)).finally(() => pathQueue.close())
    : Promise.resolve(undefined).finally(() => pathQueue.close())
  const paths = readPathFeed(client, pathQueue, { ...retry, pacer: pace() })

  const [found, risks, where, failed] = await Promise.all([summaries, reading, paths, failedFiles])
  if (where.refused) refusals.push(where.refused)
  if (failed && 'why' in failed && isRefusal(failed.error) && failed.error) refusals.push(failed.error)
  if (risks && !risks.incomplete) risks.files.clean = [...clean].filter((id) => !read.has(id)).length
  if (risks && risks.files.clean) ctx.log.info(`HSS's summaries proved ${risks.files.clean} of ${readable.length} files clean for this scan: their risks were not read.`)

  let copiesChecked: StaleCopies | undefined
  if (stale) {
    if (counts.scanned === undefined || !all) copiesChecked = { ...stale, checks: [] }
    else if (!all.ok && isRefusal(all.error) && all.error) copiesChecked = { ...stale, checks: [], refused: all.error }
    else {
      const known = (id: string) => (found?.read.has(id) ? (found.rows.get(id) ?? []) : undefined)
      const checked = await checkCopies(client, copies, stale.runStartedAt, { ...retry, pacer: pace(), known })
      if (!all.ok) {
        // The files HSS did not list cannot be checked: the check says so, as a stale copy would.
        ctx.log.info(`Could not list the task's files to check their copies: ${all.why}`)
        checked.checks.push({ file: { id: '', name: 'the task\'s files', status: '', type: '' }, path: undefined, uploadedAt: undefined, stale: true, why: 'the task\'s files could not all be listed, so their copies cannot be checked' })
      }
      copiesChecked = { ...stale, checks: checked.checks, ...(checked.refused ? { refused: checked.refused } : {}) }
    }
    if (copiesChecked.refused) refusals.push(copiesChecked.refused)
  }
  return { files: success, reading: risks, paths: where.paths, stale: copiesChecked, failedFiles: failed, summaries: found, refusals }
}

/** The reading when the files scanned successfully could not be listed: unknown risks, and why. */
function unlisted(listed: TaskFiles | undefined, counts: Counts): RiskReading {
  if (!listed) return { ...emptyReading(), incomplete: counts.succeeded === undefined ? 'HSS sent no readable count of files scanned successfully' : 'the scanned files were not listed' }
  if (listed.ok) return emptyReading(listed.files.length)
  return { ...emptyReading(listed.files.length), incomplete: `the scanned files could not be listed: ${listed.why}`, ...(isRefusal(listed.error) ? { refused: true } : {}), ...(listed.outOfTime ? { outOfTime: true } : {}) }
}

