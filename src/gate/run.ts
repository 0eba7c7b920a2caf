/**
 * The gate's phases, in order, under one deadline (`timeout`):
 *  1. on a pull request, what it needs from GitHub (changed files, the run's start, the exceptions
 *     file at the base commit), so a missing permission stops the run before HSS is asked anything;
 *  2. the project id (IAM), and the scan: started (create-task) or found, then waited for;
 *  3. once it is finished: its files, their risks and the stale-copy check, which the verdict
 *     weighs; then the failed files and the risks' lines, which are reporting;
 *  4. the verdict.
 * Everything that talks to a server comes in through `GateDeps` (deps.ts), so tests run it on a fake clock.
 */
import { InputError, type HssError } from '../errors.ts'
import { clip, prose, words } from '../escape.ts'
import { FINISHED } from '../hss/models.ts'
import type { Config } from '../inputs/config.ts'
import { formatDuration } from '../inputs/parse.ts'
import { NO_EXCEPTIONS } from '../repo/exception-set.ts'
import type { RepoPath } from '../repo/repo-path.ts'
import { readCounts } from './counts.ts'
import { budgetPacer, phase, REQUEST_TIMEOUT_MS, type GateDeps } from './deps.ts'
import type { FailedFiles } from './files/failed-files.ts'
import type { StaleCopies } from './files/stale.ts'
import type { TaskFile } from './files/task-files.ts'
import { isRefusal } from './paging/listing.ts'
import type { Pacer } from './paging/pace.ts'
import { describeFailure, retryTransient, type RetryContext } from './paging/retry.ts'
import { pullRequestContext, type PullRequestContext } from './pull-request.ts'
import type { Report } from './report.ts'
import { fileKind, readScanResults } from './results.ts'
import { assessRisks, type Location, type RiskAssessment } from './risks/findings.ts'
import type { FileKind } from './risks/locate-risks.ts'
import { pairKey, type RiskPaths } from './risks/risk-paths.ts'
import type { Risk, RiskReading } from './risks/risks.ts'
import { changedOnly, selectUploads, uploadFiles, type UploadReport } from './upload/upload.ts'
import { scope as createScope, startTask } from './wait/create.ts'
import { createLocator, describeTarget, targetOf, type Target } from './wait/locate.ts'
import { waitForTask } from './wait/poller.ts'
import { judge, type Verdict } from './verdict.ts'

export async function runGate(config: Config, deps: GateDeps, startedAt: number, target: Target = targetOf(config.task)): Promise<Report> {
  const deadline = startedAt + config.timeoutMs
  const retry: RetryContext = { clock: deps.clock, random: deps.random, deadline, requestTimeoutMs: REQUEST_TIMEOUT_MS, pollIntervalMs: config.pollIntervalMs, log: deps.log.info, signal: deps.signal, ...(deps.reach ? { reach: deps.reach } : {}) }
  const pacer = (): Pacer => budgetPacer(deps.clock, config.pollIntervalMs)
  const readsRisks = config.taskType === 'iac_scan' && (config.failOnRisk !== undefined || config.sarifFile !== undefined)

  const spec = config.task.by === 'create' ? config.task.spec : undefined
  const uploading = spec?.taskType === 'iac_scan' && spec.upload.length ? spec : undefined
  // What needs no request is checked before any: the patterns that match nothing, the files too large.
  const selection = uploading ? await selectUploads(deps.checkout, uploading.upload) : undefined

  const pr = await pullRequestContext(config, deps, readsRisks)
  const base = { taskType: config.taskType, thresholds: config.thresholds, softFail: config.softFail, timeoutMs: config.timeoutMs, ref: config.task, target, ...(deps.source ? { source: deps.source } : {}) }
  const ended = (verdict: Verdict, extra: Partial<Report> = {}): Report => ({ ...base, task: undefined, verdict, failedFiles: undefined, ...extra, elapsedMs: deps.clock.now() - startedAt, queries: 0 })
  const toSend = selection ? changedOnly(selection.files, pr.scope.mode === 'all' ? undefined : pr.scope.changes) : []
  let upload: UploadReport | undefined = selection ? { matched: selection.files.length, unchanged: selection.files.length - toSend.length, skipped: selection.skipped, uploaded: [], requests: 0 } : undefined
  for (const skipped of selection?.skipped ?? []) deps.log.warning(`upload-files: ${skipped.path} is not uploaded: ${skipped.why}.`)
  if (upload && uploading && toSend.length === 0 && uploading.fileIds.length === 0) {
    const note = prose`The pull request changes none of the ${upload.matched} ${words(uploading.fileType)} ${words(upload.matched === 1 ? 'file' : 'files')} upload-files matches, so none can break the gate (fail-on-risk-scope ${words(pr.scope.mode)}): nothing was uploaded or scanned`
    deps.log.info(`${note.text}.`)
    return ended(judge({ task: undefined, taskType: config.taskType, thresholds: config.thresholds, timeoutMs: config.timeoutMs, wanted: describeTarget(target), nothingToScan: note }), { upload })
  }

  let projectId = config.projectId
  if (!projectId) {
    const lookUp = deps.lookUpProjectId
    if (!lookUp) throw new InputError('project-id', undefined, 'is empty and cannot be looked up')
    const found = await retryTransient(lookUp, retry)
    if (!found.ok) throw found.error
    projectId = found.value
    deps.log.info(`Project id of ${config.region ?? ''}: ${projectId} (looked up in IAM)`)
  }
  const client = deps.hss(projectId)

  let ref = config.task
  if (ref.by === 'create') {
    let createSpec = ref.spec
    if (upload && uploading && toSend.length) {
      const sent = await phase(deps, `Uploading ${toSend.length} ${uploading.fileType} ${toSend.length === 1 ? 'file' : 'files'} to HSS (upload-files)`, () => uploadFiles(client, uploading.fileType, toSend, deps.checkout, { ...retry, pacer: pacer() }))
      upload = { ...upload, ...sent }
      if (sent.outOfTime) return ended(judge({ task: undefined, taskType: config.taskType, thresholds: config.thresholds, timeoutMs: config.timeoutMs, wanted: describeTarget(target), notUploaded: sent.outOfTime }), { upload })
      createSpec = { ...uploading, fileIds: [...new Set([...sent.uploaded.map((file) => file.fileId), ...uploading.fileIds])] }
    }
    const started = await startTask(client, createSpec, retry)
    if (!started.ok) return ended(judge({ task: undefined, taskType: config.taskType, thresholds: config.thresholds, timeoutMs: config.timeoutMs, wanted: describeTarget(target), notStarted: true, lastError: describeFailure(started.error) }), upload ? { upload } : {})
    deps.log.info(`Started ${config.taskType} task ${started.taskId} (${createScope(createSpec)})`)
    target.id = started.taskId
    ref = { by: 'id', id: started.taskId }
  }

  const locator = createLocator(client, config.taskType, ref, target, { clock: deps.clock, deadline })
  const outcome = await phase(deps, `Waiting up to ${formatDuration(Math.max(0, deadline - deps.clock.now()))} for ${config.taskType} task ${describeTarget(locator.target).text}`, () =>
    waitForTask({ ...retry, locator, taskType: config.taskType })
  )
  const task = outcome.task
  // The exact path of every file this run uploaded, by the id HSS gave it.
  const uploadedPaths = new Map((upload?.uploaded ?? []).map((file) => [file.fileId, file.path]))
  const finished = task?.task_status === FINISHED
  const counts = readCounts(task, config.taskType)

  let risks: RiskAssessment | undefined
  let stale: StaleCopies | undefined
  let failedFiles: FailedFiles | string | undefined
  // Refusals of the calls that only report: each is a permission error all the same.
  const refusals: HssError[] = []
  if (finished && task && config.taskType === 'iac_scan') {
    const found = await phase(deps, 'Reading what HSS found: the files, their summaries, the risks and where they sit (each API at its own pace, at once)', () =>
      readScanResults({ client, task, counts, risks: readsRisks, pr, checkout: deps.checkout, uploaded: uploadedPaths, retry, log: deps.log })
    )
    refusals.push(...found.refusals)
    stale = found.stale
    for (const check of stale?.checks.filter((c) => c.stale) ?? []) {
      const line = `Stale copy: HSS scanned ${clip(check.path ?? check.file.name, 200)}: ${check.why ?? ''}`
      if (stale?.mode === 'warn') deps.log.warning(line)
      else deps.log.info(line)
    }
    const listed = found.failedFiles
    if (listed && 'why' in listed) {
      failedFiles = listed.why
      if (!isRefusal(listed.error)) deps.log.warning(`Could not list the failed files: ${listed.why}. The verdict stands on the counts.`)
    } else failedFiles = listed
    const reading = found.reading
    if (reading) risks = await phase(deps, 'Putting each risk on its lines', () => locateAndJudge(reading, found.files?.files ?? [], found.paths, config, pr, deps, uploadedPaths, deadline))
  }

  const verdict = judge({
    task,
    taskType: config.taskType,
    thresholds: config.thresholds,
    timeoutMs: config.timeoutMs,
    wanted: describeTarget(locator.target),
    ...(outcome.kind === 'timed-out' && outcome.lastError ? { lastError: describeFailure(outcome.lastError) } : {}),
    ...(outcome.kind === 'timed-out' && outcome.capped ? { capped: outcome.capped } : {}),
    ...(risks ? { risks } : {}),
    ...(stale ? { stale } : {}),
    ...(refusals.length ? { refusals } : {})
  })
  return {
    ...base,
    target: locator.target,
    task,
    verdict,
    failedFiles,
    ...(risks ? { risks } : {}),
    ...(stale ? { stale } : {}),
    ...(pr.exceptions ? { exceptions: pr.exceptions, exceptionsFile: config.exceptionsFile } : {}),
    ...(upload ? { upload } : {}),
    elapsedMs: deps.clock.now() - startedAt,
    queries: outcome.queries
  }
}

/** Puts each risk on its lines (Kubernetes ones where HSS's paths say), then judges them. */
async function locateAndJudge(reading: RiskReading, files: readonly TaskFile[], paths: RiskPaths, config: Config, pr: PullRequestContext, deps: GateDeps, uploaded: ReadonlyMap<string, RepoPath>, deadline: number): Promise<RiskAssessment> {
  const kinds = new Map(files.map((file) => [file.id, fileKind(file)]))
  const kind = (risk: Risk): FileKind => kinds.get(risk.file_id) ?? fileKind({ type: '', name: risk.file_name })
  // The Dockerfile and YAML parsers load only now, when there are risks to place.
  const { exceptionFor, locateRisk, parsedFiles } = await import('./repo-readers.ts')
  const parsed = parsedFiles(deps.checkout)
  const locations = new Map<Risk, Location[]>()
  for (const risk of reading.risks) {
    // Locating is reporting: past the deadline, the rest stay at file level (and count as changed).
    const late = deps.clock.now() >= deadline
    locations.set(risk, locateRisk(risk, kind(risk), deps.checkout, late ? undefined : parsed, paths.get(pairKey(risk.file_id, risk.rule_id)), uploaded.get(risk.file_id)))
  }
  const exceptions = pr.exceptions ?? NO_EXCEPTIONS
  return assessRisks({ level: config.failOnRisk, reading, locations, exceptionFor: (target) => exceptionFor(exceptions, target), scope: pr.scope })
}
