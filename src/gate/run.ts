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
import type { HssClient } from '../hss/client.ts'
import { FINISHED } from '../hss/models.ts'
import type { Config } from '../inputs/config.ts'
import { formatDuration } from '../inputs/parse.ts'
import { NO_EXCEPTIONS } from '../repo/exception-set.ts'
import type { RepoPath } from '../repo/repo-path.ts'
import { readCounts } from './counts.ts'
import { budgetPacer, phase, REQUEST_TIMEOUT_MS, type GateDeps } from './deps.ts'
import { listFailedFiles, type FailedFiles } from './files/failed-files.ts'
import { checkCopies, type StaleCopies } from './files/stale.ts'
import { listTaskFiles, type TaskFile, type TaskFiles } from './files/task-files.ts'
import { isRefusal } from './paging/listing.ts'
import type { Pacer } from './paging/pace.ts'
import { describeFailure, retryTransient, type RetryContext } from './paging/retry.ts'
import { pullRequestContext, type PullRequestContext } from './pull-request.ts'
import type { Report } from './report.ts'
import { assessRisks, type Location, type RiskAssessment } from './risks/findings.ts'
import type { FileKind } from './risks/locate-risks.ts'
import { pairKey, readRiskPaths, type PathRequest } from './risks/risk-paths.ts'
import { emptyReading, mostSevereFirst, readRisks, type Risk, type RiskReading } from './risks/risks.ts'
import { scope as createScope, startTask } from './wait/create.ts'
import { createLocator, describeTarget, targetOf, type Target } from './wait/locate.ts'
import { waitForTask } from './wait/poller.ts'
import { changedOnly, selectUploads, uploadFiles, type UploadReport } from './upload/upload.ts'
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

  let files: TaskFiles | undefined
  let risks: RiskAssessment | undefined
  let stale: StaleCopies | undefined
  let failedFiles: FailedFiles | string | undefined
  // Refusals of the calls that only report: each is a permission error all the same.
  const refusals: HssError[] = []
  if (finished && task && config.taskType === 'iac_scan') {
    // The risks (and the copies) decide the verdict, so they are read before the reporting phases.
    let reading: RiskReading | undefined
    if (readsRisks) {
      reading = await phase(deps, 'Reading the IaC risks HSS found', async () => {
        const expected = counts.succeeded
        const listed = expected === undefined ? undefined : await listTaskFiles(client, task.task_id, 'success', expected, retry)
        files = listed
        if (!listed) return { ...emptyReading(), incomplete: 'HSS sent no readable count of files scanned successfully' }
        if (!listed.ok) return { ...emptyReading(listed.files.length), incomplete: `the scanned files could not be listed: ${listed.why}`, ...(isRefusal(listed.error) ? { refused: true } : {}), ...(listed.outOfTime ? { outOfTime: true } : {}) }
        return readRisks(client, listed.files, { ...retry, pacer: pacer() })
      })
    }
    if (pr.stale) stale = await phase(deps, 'Checking when HSS got its copies of the changed files', () => staleCopies(client, task.task_id, counts.scanned, pr, deps, new Set(uploadedPaths.keys()), retry, pacer()))
    if (counts.reportedFailed) {
      const listed = await listFailedFiles(client, task.task_id, counts.reportedFailed, retry)
      if ('why' in listed) {
        failedFiles = listed.why
        if (isRefusal(listed.error) && listed.error) refusals.push(listed.error)
        else deps.log.warning(`Could not list the failed files: ${listed.why}. The verdict stands on the counts.`)
      } else failedFiles = listed
    }
    const read = reading
    if (read) risks = await phase(deps, 'Putting each risk on its lines', () => locateAndJudge(client, read, files?.files ?? [], config, pr, deps, uploadedPaths, refusals, { ...retry, pacer: pacer() }))
    if (stale?.refused) refusals.push(stale.refused)
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
    ...(pr.exceptions ? { exceptions: pr.exceptions } : {}),
    ...(upload ? { upload } : {}),
    elapsedMs: deps.clock.now() - startedAt,
    queries: outcome.queries
  }
}

async function staleCopies(client: HssClient, taskId: string, scanned: number | undefined, pr: PullRequestContext, deps: GateDeps, uploaded: ReadonlySet<string>, phase: RetryContext, pacer: Pacer): Promise<StaleCopies | undefined> {
  const stale = pr.stale
  if (!stale) return undefined
  if (scanned === undefined) return { ...stale, checks: [] }
  const listed = await listTaskFiles(client, taskId, undefined, scanned, phase)
  if (!listed.ok && isRefusal(listed.error)) return { ...stale, checks: [], ...(listed.error ? { refused: listed.error } : {}) }
  const copies = await checkCopies(client, listed.files, pr.scope.changes, deps.checkout, stale.runStartedAt, { ...phase, pacer, uploaded })
  const checks = copies.checks
  if (!listed.ok) {
    // The files HSS did not list cannot be checked: the check says so, as a stale copy would.
    deps.log.info(`Could not list the task's files to check their copies: ${listed.why}`)
    checks.push({ file: { id: '', name: 'the task\'s files', status: '', type: '' }, path: undefined, uploadedAt: undefined, stale: true, why: 'the task\'s files could not all be listed, so their copies cannot be checked' })
  }
  for (const check of checks.filter((c) => c.stale)) {
    const line = `Stale copy: HSS scanned ${clip(check.path ?? check.file.name, 200)}: ${check.why ?? ''}`
    if (stale.mode === 'warn') deps.log.warning(line)
    else deps.log.info(line)
  }
  return { ...stale, checks, ...(copies.refused ? { refused: copies.refused } : {}) }
}

/** Puts each risk on its lines (YAML paths from HSS while the deadline allows), then judges them. */
async function locateAndJudge(client: HssClient, reading: RiskReading, files: readonly TaskFile[], config: Config, pr: PullRequestContext, deps: GateDeps, uploaded: ReadonlyMap<string, RepoPath>, refusals: HssError[], phase: RetryContext & { pacer: Pacer }): Promise<RiskAssessment> {
  const kinds = new Map(files.map((file) => [file.id, kindOf(file)]))
  const kind = (risk: Risk): FileKind => kinds.get(risk.file_id) ?? (/\.ya?ml$/i.test(risk.file_name) ? 'k8s_yaml' : 'dockerfile')
  const placed = (risk: Risk) => uploaded.has(risk.file_id) || deps.checkout.resolve(risk.file_name).kind === 'found'
  // The rules of YAML files that are in the checkout, most severe first: those that can break
  // the gate (at or above fail-on-risk, or of an unknown level) come before the rest.
  const yaml = mostSevereFirst(reading.risks.filter((risk) => kind(risk) === 'k8s_yaml' && risk.rule_id && placed(risk)))
  const pairs: PathRequest[] = yaml.map((risk) => ({ fileId: risk.file_id, ruleId: risk.rule_id }))
  if (pairs.length) deps.log.info(`Reading where ${pairs.length} YAML ${pairs.length === 1 ? 'risk sits' : 'risks sit'} (ListIacFileRiskPaths, one call per file and rule)`)
  const located: Awaited<ReturnType<typeof readRiskPaths>> = pairs.length ? await readRiskPaths(client, pairs, phase) : { paths: new Map() }
  if (located.refused) refusals.push(located.refused)
  const paths = located.paths
  // The Dockerfile and YAML parsers load only now, when there are risks to place.
  const { exceptionFor, locateRisk, parsedFiles } = await import('./repo-readers.ts')
  const parsed = parsedFiles(deps.checkout)
  const locations = new Map<Risk, Location[]>()
  for (const risk of reading.risks) {
    // Locating is reporting: past the deadline, the rest stay at file level (and count as changed).
    const late = deps.clock.now() >= phase.deadline
    locations.set(risk, locateRisk(risk, kind(risk), deps.checkout, late ? undefined : parsed, paths.get(pairKey(risk.file_id, risk.rule_id)), uploaded.get(risk.file_id)))
  }
  const exceptions = pr.exceptions ?? NO_EXCEPTIONS
  return assessRisks({ level: config.failOnRisk, reading, locations, exceptionFor: (target) => exceptionFor(exceptions, target), scope: pr.scope })
}

function kindOf(file: TaskFile): FileKind | undefined {
  return file.type === 'dockerfile' || file.type === 'k8s_yaml' ? file.type : undefined
}
