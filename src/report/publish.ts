/**
 * Reports a run's ending to the runner: the pull-request comment, the SARIF log, the outputs, the
 * annotations and the job summary, and then the verdict, which alone decides the exit code. Each
 * reporter is guarded: whatever one of them meets (an unwritable file, a GitHub API that hangs),
 * the others still run.
 */
import * as core from '../toolkit.ts'
import { CancelledError, HssError, InputError, RunContextError, UnreachableError } from '../errors.ts'
import { UploadError } from '../gate/upload/upload.ts'
import { AmbiguousCreation } from '../gate/wait/create.ts'
import type { Target } from '../gate/wait/locate.ts'
import type { Report } from '../gate/report.ts'
import { reasonLines } from '../gate/verdict.ts'
import { resolveInput, type Config, type InputSource } from '../inputs/config.ts'
import { isForkPullRequest } from '../inputs/event.ts'
import { isRecord } from '../hss/fields.ts'
import { GitHubError } from '../repo/github.ts'
import type { Checkout } from '../repo/checkout.ts'
import { writeInside } from '../repo/write-file.ts'
import { annotationsOf } from './annotations.ts'
import { consoleUrl } from './console.ts'
import { readmeUrl, stopSteps } from './next-steps.ts'
import { outputsOf } from './outputs.ts'
import { renderStopSummary, renderSummary, type StopKind } from './summary.ts'

type Env = Readonly<Record<string, string | undefined>>

/** The longest the pull-request comment may hold up the verdict. */
export const COMMENT_TIMEOUT_MS = 30_000

export async function publish(gated: Report, config: Config, checkout: Checkout, cancel: AbortSignal, readme?: string): Promise<void> {
  const url = consoleUrl(config.region, config.endpoint)
  const report: Report = { ...gated, ...(url ? { consoleUrl: url } : {}), ...(readme ? { readme } : {}) }
  const commentUrl = config.commentOnPr ? await comment(report, config, cancel) : ''
  // Written before the verdict fails the step, so that a later `if: always()` upload finds it.
  const sarifFile = config.sarifFile ? await guarded('the SARIF file', () => writeSarif(report, config, checkout)) : undefined
  await guard('the outputs', () => {
    for (const [name, value] of Object.entries(outputsOf(report, { commentUrl, sarifFile: sarifFile ?? '' }))) core.setOutput(name, value)
  })
  await guard('the annotations', () => {
    const locate = (name: string) => {
      const match = checkout.resolve(name)
      return match.kind === 'found' ? match.path : undefined
    }
    for (const annotation of annotationsOf(report, locate)) {
      const log = annotation.level === 'error' ? core.error : core.warning
      log(annotation.message, { title: annotation.title, ...(annotation.file ? { file: annotation.file } : {}), ...(annotation.line ? { line: annotation.line, endLine: annotation.endLine ?? annotation.line } : {}) })
    }
  })
  if (config.summary) await guard('the job summary', () => core.writeSummary(renderSummary(report)))
  applyVerdict(report, config)
}

/** Writes the SARIF log; the path written (relative to the workspace), or undefined (a warning says why). */
async function writeSarif(report: Report, config: Config, checkout: Checkout): Promise<string | undefined> {
  const path = config.sarifFile ?? ''
  const risks = report.risks
  if (!risks) {
    core.warning(`No SARIF file was written: the IaC risks were not read (the task ${report.task ? 'did not finish' : 'was not found'} in time).`)
    return undefined
  }
  if (risks.reading.incomplete !== undefined) {
    // An incomplete log would tell code scanning that the risks it lacks are fixed, and close their alerts.
    core.warning(`No SARIF file was written: not every risk could be read, and an incomplete log would close the code-scanning alerts of the risks it lacks.`)
    return undefined
  }
  const { defaultCategory, sarifOf } = await import('./sarif.ts')
  const category = config.sarifCategory ?? defaultCategory(config.taskType, fileTypeOf(report, config), config.matrix)
  const sarif = sarifOf(risks, { category, ...(checkout.root ? { checkoutRoot: checkout.root } : {}) })
  if (!sarif.written) {
    core.warning(`No SARIF file was written: ${sarif.why}, and a cut log would close the code-scanning alerts of the findings it lacks.`)
    return undefined
  }
  writeInside(checkout.workspace ?? process.cwd(), path, sarif.text)
  const left = [sarif.excepted ? `${sarif.excepted} excepted` : '', sarif.unplaced ? `${sarif.unplaced} with no line` : ''].filter(Boolean).join(' and ')
  core.info(`Wrote ${path}: ${sarif.results} IaC ${sarif.results === 1 ? 'result' : 'results'} for code scanning, category ${category}${left ? `; left out: ${left} (they stay in the summary and the risks output)` : ''}`)
  return path
}

/** The task's file type, for the SARIF category: the one the action started the scan with, else the one HSS says. */
function fileTypeOf(report: Report, config: Config): string | undefined {
  if (config.task.by === 'create' && config.task.spec.taskType === 'iac_scan') return config.task.spec.fileType
  const info = report.task?.iac_scan_info
  const type = isRecord(info) ? info.file_type : undefined
  return type === 'dockerfile' || type === 'k8s_yaml' ? type : undefined
}

function applyVerdict(report: Report, config: Config): void {
  const { verdict } = report
  if (verdict.result === 'passed') {
    core.info(`Gate passed: ${verdict.counts.scanned ?? '?'} scanned, ${verdict.failed ?? '?'} failed`)
    return
  }
  const message = `HSS scan gate ${verdict.result}: ${reasonLines(verdict).join('; ')}`
  // A refused call is a permission error: soft-fail softens thresholds and time-outs, never that.
  if (config.softFail && !verdict.permissionDenied) core.warning(`${message} (soft-fail: not failing the step)`)
  else core.setFailed(verdict.permissionDenied && config.softFail ? `${message} (a permission error, which soft-fail does not soften)` : message)
}

/**
 * A bad input: nothing was sent. The step fails with the message, and the summary says which input,
 * what is wrong and what is allowed (unless summary: false could be read).
 */
export async function configurationError(error: unknown, source: InputSource, env: Env): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const credentials = error instanceof InputError && ['access-key-id', 'secret-access-key', 'auth-token'].includes(error.input)
  const fork = credentials && isForkPullRequest(env)
  const shown = fork ? `${message} This run is for a pull request from a fork, and GitHub passes no secrets to it.` : message
  if (!/^false$/i.test(source.read('summary').trim())) {
    const url = consoleUrl(resolveInput(source, 'region') || undefined, source.read('endpoint').trim())
    const stop = { kind: fork ? 'fork' : 'configuration error', message: shown, steps: stopSteps(error, fork, readmeUrl(env)), ...(url ? { consoleUrl: url } : {}) } as const
    await guard('the job summary', () => core.writeSummary(renderStopSummary(stop)))
  }
  core.setFailed(shown)
}

/** Ends a run that got no verdict: cancelled, or an error that no retry can mend. */
export async function stopRun(config: Config, error: unknown, target: Target, readme?: string): Promise<void> {
  const cancelled = error instanceof CancelledError
  const known = error instanceof HssError || error instanceof InputError || error instanceof AmbiguousCreation || error instanceof UploadError || error instanceof UnreachableError || error instanceof GitHubError || error instanceof RunContextError || cancelled
  const message = known ? error.message : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`
  await guard('the outputs', () => {
    core.setOutput('task-id', target.id ?? '')
    core.setOutput('task-name', target.name ?? '')
    // Files an earlier request uploaded before HSS refused a later one: their copies exist.
    core.setOutput('uploaded-files', JSON.stringify(error instanceof UploadError ? error.uploaded.map((file) => ({ path: file.path, file_id: file.fileId })) : []))
  })
  if (config.summary) {
    const url = consoleUrl(config.region, config.endpoint)
    const stop = { kind: stopKind(error, config), message, steps: stopSteps(error, false, readme), target, ...(url ? { consoleUrl: url } : {}), ...(error instanceof AmbiguousCreation ? { lead: error.lead } : {}) }
    await guard('the job summary', () => core.writeSummary(renderStopSummary(stop)))
  }
  core.setFailed(cancelled ? `HSS scan gate ${message}` : message)
}

function stopKind(error: unknown, config: Config): StopKind {
  if (error instanceof CancelledError) return 'cancelled'
  if (error instanceof UnreachableError) return originOf(config.endpoint) === error.endpoint ? 'hss unreachable' : 'iam unreachable'
  if (error instanceof InputError) return 'configuration error'
  if (error instanceof AmbiguousCreation) return 'ambiguous creation'
  if (error instanceof UploadError) return 'upload refused'
  if (error instanceof GitHubError) return error.refused ? 'github permission' : 'github'
  if (error instanceof HssError) {
    if (error.status === 401) return 'authentication'
    if (error.status === 403 || error.errorCode === 'HSS.0010' || error.errorCode === 'HSS.0013') return 'permission'
    if (error.kind === 'tls') return 'tls'
    if (error.kind === 'redirect') return 'redirect'
    if (error.status === 404) return 'not found'
    if (error.status === 400) return 'bad request'
  }
  return 'error'
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * The pull-request comment is a courtesy: whatever happens to it (even a GitHub API that never
 * answers), the verdict still applies. Returns the comment's URL, or '' when none was written.
 */
async function comment(report: Report, config: Config, cancel: AbortSignal): Promise<string> {
  const timeout = AbortSignal.timeout(COMMENT_TIMEOUT_MS)
  try {
    const { upsertPullRequestComment } = await import('./pr-comment.ts')
    const outcome = await upsertPullRequestComment(config.githubToken, report, config.matrix, AbortSignal.any([cancel, timeout]))
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

async function guard(what: string, write: () => unknown): Promise<void> {
  await guarded(what, write)
}

/** The writer's value, or undefined when it threw (then a warning says so; the verdict stands). */
async function guarded<T>(what: string, write: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await write()
  } catch (error) {
    core.warning(`Could not write ${what}: ${error instanceof Error ? error.message : String(error)}. The verdict stands.`)
    return undefined
  }
}
