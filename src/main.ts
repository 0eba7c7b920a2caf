/** Wires the pieces together: inputs → config → client → wait → verdict → report. */
import * as core from './toolkit.ts'
import { systemClock, type Clock } from './clock.ts'
import { CancelledError, HssError, InputError } from './errors.ts'
import { listFailedFiles, type FailedFiles } from './gate/failed-files.ts'
import { createLocator, describeTarget, targetOf, type Target } from './gate/locate.ts'
import { waitForTask } from './gate/poller.ts'
import { AmbiguousCreation, scope, startTask } from './gate/create.ts'
import { readCounts } from './gate/counts.ts'
import { slidingWindow } from './gate/pace.ts'
import { readRisks } from './gate/risks.ts'
import { describeFailure, retryTransient, type RetryContext, type RetryOutcome } from './gate/retry.ts'
import { judge, reasonLines } from './gate/verdict.ts'
import { createHssClient } from './hss/client.ts'
import { FINISHED } from './hss/models.ts'
import { createTransport } from './hss/transport.ts'
import { buildConfig, type Config, type InputSource } from './inputs/config.ts'
import { isForkPullRequest } from './inputs/event.ts'
import { formatDuration } from './inputs/parse.ts'
import { registerSecrets } from './inputs/secrets.ts'
import { annotationsOf } from './report/annotations.ts'
import { outputsOf } from './report/outputs.ts'
import type { Report } from './report/report.ts'
import { renderStopSummary, renderSummary } from './report/summary.ts'
import { workspaceFiles } from './report/workspace.ts'
import { consoleUrl } from './report/console.ts'
import { stopSteps } from './report/next-steps.ts'

export interface RunDeps {
  clock: Clock
  random: () => number
  env: Readonly<Record<string, string | undefined>>
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal
}

/** The longest a single request may take. */
const REQUEST_TIMEOUT_MS = 30_000
/** The longest the pull-request comment may hold up the verdict. */
const COMMENT_TIMEOUT_MS = 30_000
/** Time allowed for the failed-file listing, after the verdict is known. */
const FAILED_FILES_BUDGET_MS = 60_000
/** HSS allows one user about 5 calls a minute per API: the risk calls are paced at that many per 5 × poll-interval. */
const RISK_BUDGET_CALLS = 5

/** Without deps (as @github/local-action calls it): the real clock, Math.random, process.env, no cancellation. */
export async function run(deps: RunDeps = { clock: systemClock, random: Math.random, env: process.env, signal: new AbortController().signal }): Promise<void> {
  const startedAt = deps.clock.now()
  const source = { read: (name: string) => core.getInput(name), env: deps.env }
  registerSecrets(source, core.setSecret)

  let config: Config
  try {
    config = buildConfig(source, startedAt)
  } catch (error) {
    await configurationError(error, source, deps.env)
    return
  }

  const target = targetOf(config.task)
  let report: Report
  try {
    report = await gate(config, deps, startedAt, target)
  } catch (error) {
    await stop(config, error, target)
    return
  }
  await publish(report, config, deps.signal, deps.env)
}

async function gate(config: Config, deps: RunDeps, startedAt: number, target: Target): Promise<Report> {
  const retry = (deadline: number): RetryContext => ({
    clock: deps.clock,
    random: deps.random,
    deadline,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    pollIntervalMs: config.pollIntervalMs,
    log: core.info,
    signal: deps.signal
  })
  const deadline = startedAt + config.timeoutMs
  const transportOptions = {
    auth: config.auth,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    signal: deps.signal,
    now: () => new Date(deps.clock.now()),
    debug: core.debug
  }

  let projectId = config.projectId
  if (!projectId) {
    // Most workflows give the project id (huaweicloud/auth-action exports it): load IAM only when needed.
    const { lookUpProjectId } = await import('./hss/iam.ts')
    const iamSend = createTransport(transportOptions)
    const found = await retryTransient(() => lookUpProjectId(iamSend, config.iamEndpoint ?? '', config.region ?? ''), retry(deadline))
    if (!found.ok) throw found.error
    projectId = found.value
    core.info(`Project id of ${config.region ?? ''}: ${projectId} (looked up in IAM)`)
  }

  const client = createHssClient(createTransport({ ...transportOptions, projectId }), {
    endpoint: config.endpoint,
    projectId,
    enterpriseProjectId: config.enterpriseProjectId
  })

  let ref = config.task
  if (ref.by === 'create') {
    const started = await startTask(client, ref.spec, retry(deadline))
    if (!started.ok) return notStarted(config, target, started.error, deps.clock.now() - startedAt)
    core.info(`Started ${config.taskType} task ${started.taskId} (${scope(ref.spec)})`)
    target.id = started.taskId
    ref = { by: 'id', id: started.taskId }
  }

  const locator = createLocator(client, config.taskType, ref, target)
  core.info(`Waiting up to ${formatDuration(deadline - deps.clock.now())} for ${config.taskType} task ${describeTarget(locator.target).text}`)
  const outcome = await waitForTask({ ...retry(deadline), locator, taskType: config.taskType })
  const finished = outcome.task?.task_status === FINISHED

  // The risks are read before the verdict, which weighs them; HSS's count of scanned files says how many to expect.
  const risks = finished && config.failOnRisk && outcome.task
    ? {
        level: config.failOnRisk,
        reading: await readRisks(client, outcome.task.task_id, {
          ...retry(deadline),
          pacer: slidingWindow(deps.clock, { calls: RISK_BUDGET_CALLS, windowMs: RISK_BUDGET_CALLS * config.pollIntervalMs }),
          expectedFiles: readCounts(outcome.task, config.taskType).succeeded
        })
      }
    : undefined

  const verdict = judge({
    task: outcome.task,
    taskType: config.taskType,
    thresholds: config.thresholds,
    timeoutMs: config.timeoutMs,
    wanted: describeTarget(locator.target),
    ...(outcome.kind === 'timed-out' && outcome.lastError ? { lastError: describeFailure(outcome.lastError) } : {}),
    ...(outcome.kind === 'timed-out' && outcome.capped ? { capped: outcome.capped } : {}),
    ...(risks ? { risks } : {})
  })
  const failedFiles = await failedFilesOf(verdict.counts.reportedFailed, finished, config, () =>
    retryTransient(() => listFailedFiles(client, outcome.task?.task_id ?? ''), retry(deps.clock.now() + FAILED_FILES_BUDGET_MS))
  )
  return {
    taskType: config.taskType,
    thresholds: config.thresholds,
    softFail: config.softFail,
    timeoutMs: config.timeoutMs,
    ref: config.task,
    target: locator.target,
    ...links(config),
    task: outcome.task,
    verdict,
    failedFiles,
    ...(risks ? { risks } : {}),
    elapsedMs: deps.clock.now() - startedAt,
    queries: outcome.queries
  }
}

/** create-task, and HSS refused every try until the time-out: there is no task to judge. */
function notStarted(config: Config, target: Target, error: HssError, elapsedMs: number): Report {
  const verdict = judge({ task: undefined, taskType: config.taskType, thresholds: config.thresholds, timeoutMs: config.timeoutMs, wanted: describeTarget(target), notStarted: true, lastError: describeFailure(error) })
  return { taskType: config.taskType, thresholds: config.thresholds, softFail: config.softFail, timeoutMs: config.timeoutMs, ref: config.task, target, ...links(config), task: undefined, verdict, failedFiles: undefined, elapsedMs, queries: 0 }
}

function links(config: Config): { consoleUrl?: string } {
  const url = consoleUrl(config.region, config.endpoint)
  return url ? { consoleUrl: url } : {}
}

/**
 * A bad input: nothing was sent. The step fails with the message, and the summary says which input,
 * what is wrong and what is allowed (unless summary: false could be read).
 */
async function configurationError(error: unknown, source: InputSource, env: RunDeps['env']): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const credentials = error instanceof InputError && ['access-key-id', 'secret-access-key', 'auth-token'].includes(error.input)
  const fork = credentials && isForkPullRequest(env)
  const shown = fork ? `${message} This run is for a pull request from a fork, and GitHub passes no secrets to it.` : message
  if (!/^false$/i.test(source.read('summary').trim())) {
    await guard('the job summary', () => core.writeSummary(renderStopSummary({ kind: 'configuration error', message: shown, steps: stopSteps(error, fork) })))
  }
  core.setFailed(shown)
}

/** The failed files of a finished IaC scan that has some; a string says why they could not be listed. */
async function failedFilesOf(reported: number | undefined, finished: boolean, config: Config, list: () => Promise<RetryOutcome<FailedFiles>>): Promise<FailedFiles | string | undefined> {
  if (config.taskType !== 'iac_scan' || !finished || !reported) return undefined
  let why: string
  try {
    const listed = await list()
    if (listed.ok) return listed.value
    why = listed.error.message
  } catch (error) {
    if (error instanceof CancelledError) throw error
    why = error instanceof Error ? error.message : String(error)
  }
  core.warning(`Could not list the failed files: ${why}. The verdict stands on the counts.`)
  return why
}

/**
 * Reports the verdict, then applies it. Each reporter is guarded: whatever one of them meets (an
 * unwritable file, a value it cannot render), the others still run, and the verdict alone decides
 * the exit code.
 */
async function publish(report: Report, config: Config, cancel: AbortSignal, env: RunDeps['env']): Promise<void> {
  const commentUrl = config.commentOnPr ? await comment(report, config, cancel) : ''
  await guard('the outputs', () => {
    for (const [name, value] of Object.entries(outputsOf(report, commentUrl))) core.setOutput(name, value)
  })
  await guard('the annotations', () => {
    for (const annotation of annotationsOf(report, workspaceFiles(env.GITHUB_WORKSPACE))) {
      const log = annotation.level === 'error' ? core.error : core.warning
      log(annotation.message, { title: annotation.title, ...(annotation.file ? { file: annotation.file } : {}) })
    }
  })
  if (config.summary) await guard('the job summary', () => core.writeSummary(renderSummary(report)))
  applyVerdict(report, config)
}

function applyVerdict(report: Report, config: Config): void {
  const { verdict } = report
  if (verdict.result === 'passed') {
    core.info(`Gate passed: ${verdict.counts.scanned ?? '?'} scanned, ${verdict.failed ?? '?'} failed`)
    return
  }
  const message = `HSS scan gate ${verdict.result}: ${reasonLines(verdict).join('; ')}`
  if (config.softFail) core.warning(`${message} (soft-fail: not failing the step)`)
  else core.setFailed(message)
}

async function guard(what: string, write: () => unknown): Promise<void> {
  try {
    await write()
  } catch (error) {
    core.warning(`Could not write ${what}: ${error instanceof Error ? error.message : String(error)}. The verdict stands.`)
  }
}

/**
 * The pull-request comment is a courtesy: whatever happens to it (even a GitHub API that never
 * answers), the verdict still applies. Returns the comment's URL, or '' when none was written.
 */
async function comment(report: Report, config: Config, cancel: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(COMMENT_TIMEOUT_MS)
  try {
    const { upsertPullRequestComment } = await import('./report/pr-comment.ts')
    const outcome = await upsertPullRequestComment(config.githubToken, report, AbortSignal.any([cancel, timeout]))
    if (outcome.kind === 'written') {
      core.info(`${outcome.updated ? 'Updated' : 'Wrote'} the pull-request comment: ${outcome.url}`)
      return outcome.url
    }
    if (outcome.kind === 'skipped') core.info(`No pull-request comment: ${outcome.why}`)
    else core.warning(`Could not write the pull-request comment: ${outcome.why}`)
  } catch (error) {
    const why = timeout.aborted ? `GitHub did not answer within ${COMMENT_TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error)
    core.warning(`Could not write the pull-request comment: ${why}`)
  }
  return ''
}

/** Ends a run that got no verdict: cancelled, or an error that no retry can mend. */
async function stop(config: Config, error: unknown, target: Target): Promise<void> {
  const cancelled = error instanceof CancelledError
  const message = error instanceof HssError || error instanceof InputError || error instanceof AmbiguousCreation || cancelled
    ? error.message
    : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`
  await guard('the outputs', () => {
    core.setOutput('task-id', target.id ?? '')
    core.setOutput('task-name', target.name ?? '')
  })
  if (config.summary) {
    const stop = { kind: cancelled ? 'cancelled' : 'error', message, steps: stopSteps(error), target, ...links(config) } as const
    await guard('the job summary', () => core.writeSummary(renderStopSummary(stop)))
  }
  core.setFailed(cancelled ? `HSS scan gate ${message}` : message)
}
