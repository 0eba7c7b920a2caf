/**
 * The gate's judgement: a pure function from what HSS reported to passed, failed or timed-out.
 * It passes only a finished task whose every count is readable and whose every scanned item is
 * accounted for within the thresholds.
 */
import type { HssError } from '../errors.ts'
import { plain, prose, words, type Prose } from '../escape.ts'
import { text } from '../hss/fields.ts'
import { FINISHED, type Task } from '../hss/models.ts'
import { RISK_LEVELS, type RiskScope, type TaskType, type Thresholds } from '../inputs/config.ts'
import { formatDuration, formatUtc } from '../inputs/parse.ts'
import { failedPercent, itemWord, judgedFailed, percentText, readCounts, type Counts } from './counts.ts'
import type { RiskAssessment } from './risks/findings.ts'
import type { Located } from './wait/locate.ts'
import type { StaleCopies } from './files/stale.ts'

export type Result = 'passed' | 'failed' | 'timed-out'

export interface Check {
  /** The input that sets the limit. */
  input: 'max-failed' | 'max-failed-percent' | 'min-scanned' | 'fail-on-risk' | 'stale-copies'
  label: string
  /** `at most` for the failure limits, `at least` for min-scanned. */
  bound: 'at most' | 'at least'
  limit: number
  /** Undefined when a count it needs is unreadable: then the check is not met. */
  actual: number | undefined
  unit: '' | '%'
  met: boolean
}

export interface Verdict {
  result: Result
  /** One per broken threshold or unreadable count, or the time-out; empty when passed. */
  reasons: Prose[]
  checks: Check[]
  counts: Counts
  /** The failed count judged (finished), or as HSS reported it (not finished); undefined when unreadable. */
  failed: number | undefined
  failedPercent: number | undefined
  /** HSS or GitHub refused a call (401, 403): a permission error, which soft-fail never softens. */
  permissionDenied: boolean
  /** Why a pass had nothing to judge (the pull request changes no file upload-files names). */
  note?: Prose
}

export interface JudgeInput {
  /** The last task seen, if any. */
  task: Task | undefined
  taskType: TaskType
  thresholds: Thresholds
  timeoutMs: number
  /** How the task was asked for, for the time-out message. */
  wanted: Prose
  /** Why the last query failed, when the time ran out during failures. */
  lastError?: string
  /** The name search stopped at its page cap. */
  capped?: Located['capped']
  /** create-task: HSS kept refusing to start the scan (429s, 5xx) until the time-out. */
  notStarted?: boolean
  /** upload-files: the time-out came before every file was uploaded (no scan was started). */
  notUploaded?: { uploaded: number; total: number; lastError?: string }
  /** upload-files on a pull request that changes none of the files: passed, with this said. */
  nothingToScan?: Prose
  /** With fail-on-risk (or sarif-file): the IaC risks of the finished task's files, located and judged. */
  risks?: RiskAssessment
  /** On a pull request, with stale-copies fail: the copies of changed files HSS scanned. */
  stale?: StaleCopies
  /**
   * Calls HSS refused (401, 403) while the gate read what it reports (copies, failed files, where
   * risks sit): each is a permission error, which fails the step whatever else was read.
   */
  refusals?: readonly HssError[]
}

export function judge(input: JudgeInput): Verdict {
  const { task, taskType, thresholds } = input
  const counts = readCounts(task, taskType)
  if (input.nothingToScan) return { result: 'passed', reasons: [], checks: [], counts, failed: undefined, failedPercent: undefined, permissionDenied: false, note: input.nothingToScan }

  if (task?.task_status !== FINISHED) {
    const failed = counts.reportedFailed
    const percent = failed === undefined || counts.scanned === undefined ? undefined : counts.scanned === 0 ? 0 : (failed / counts.scanned) * 100
    return { result: 'timed-out', reasons: [timeOutReason(input)], checks: [], counts, failed, failedPercent: percent, permissionDenied: false }
  }

  const items = words(itemWord(taskType))
  const failed = judgedFailed(counts)
  const percent = failedPercent(counts)
  const { scanned } = counts
  const checks: Check[] = [
    { input: 'max-failed', label: `Failed ${items.text}`, bound: 'at most', limit: thresholds.maxFailed, actual: failed, unit: '', met: failed !== undefined && failed <= thresholds.maxFailed }
  ]
  if (thresholds.maxFailedPercent !== undefined) {
    const limit = thresholds.maxFailedPercent
    // Compared unrounded: 10.04 % breaks a 10 % limit even though it shows as 10.0.
    // A share of nothing is 0 (the contract's failed-percent), so it breaks no percentage limit.
    const met = failed !== undefined && scanned !== undefined && (scanned === 0 || failed * 100 <= limit * scanned)
    checks.push({ input: 'max-failed-percent', label: `Failed ${items.text} (percent)`, bound: 'at most', limit, actual: percent, unit: '%', met })
  }
  checks.push({ input: 'min-scanned', label: `Scanned ${items.text}`, bound: 'at least', limit: thresholds.minScanned, actual: scanned, unit: '', met: scanned !== undefined && scanned >= thresholds.minScanned })
  const risks = input.risks
  const level = risks?.level
  if (risks && level) {
    const found = risks.reading.incomplete === undefined ? risks.breaking : undefined
    const where = risks.scope.changes ? scopeWords(risks.scope.mode) : ''
    checks.push({ input: 'fail-on-risk', label: `IaC risks at ${level} or above${where}`, bound: 'at most', limit: 0, actual: found, unit: '', met: found === 0 })
  }
  const stale = input.stale?.mode === 'fail' ? input.stale : undefined
  const staleChecks = stale?.checks.filter((check) => check.stale) ?? []
  if (stale) checks.push({ input: 'stale-copies', label: 'Changed files HSS scanned in an older copy', bound: 'at most', limit: 0, actual: staleChecks.length, unit: '', met: staleChecks.length === 0 })

  const reasons = [
    ...counts.unreadable.map((u) => (u.got === 'missing' ? prose`HSS did not send the count ${u.field}, so the scan cannot be judged` : prose`HSS sent the count ${u.field} as ${u.got}, not a whole number, so the scan cannot be judged`)),
    ...checks.filter((check): check is ThresholdCheck => !check.met && check.actual !== undefined && check.input !== 'stale-copies').map((check) => reasonFor(check, counts, items, risks, taskType)),
    ...(risks && level && risks.reading.incomplete ? [prose`Not all IaC risks could be read (${plain(risks.reading.incomplete)}), and fail-on-risk ${words(level)} never passes on missing data`] : []),
    ...staleReasons(staleChecks, stale?.runStartedAt),
    ...(input.refusals ?? []).map((error) => prose`HSS refused ${error.operation} (${words(refusalText(error))}): the credentials lack a permission this check needs`)
  ]
  const permissionDenied = Boolean((level && risks?.reading.refused) || input.refusals?.length)
  return { result: reasons.length ? 'failed' : 'passed', reasons, checks, counts, failed, failedPercent: percent, permissionDenied }
}

/** ` on lines this pull request changes`, or '' for scope all. */
export function scopeWords(mode: RiskScope): string {
  return mode === 'changed-lines' ? ' on lines this pull request changes' : mode === 'changed-files' ? ' in files this pull request changes' : ''
}

/** At most this many stale copies are named one by one; the rest are counted. */
const STALE_NAMED = 5

/** `HTTP 403 HSS.0013`. */
function refusalText(error: HssError): string {
  return `HTTP ${error.status ?? '?'}${error.errorCode ? ` ${error.errorCode}` : ''}`
}

function staleReasons(stale: readonly StaleCopies['checks'][number][], runStartedAt: number | undefined): Prose[] {
  const named = stale.slice(0, STALE_NAMED).map((check) => {
    const file = check.path ?? check.file.name
    if (check.uploadedAt !== undefined && runStartedAt !== undefined && check.uploadedAt < runStartedAt) {
      return prose`HSS scanned a copy of ${file} uploaded at ${words(formatUtc(check.uploadedAt))}, before this workflow run started at ${words(formatUtc(runStartedAt))}: it cannot hold this pull request's change`
    }
    return prose`HSS's copy of ${file} counts as stale: ${words(check.why ?? 'it cannot be dated')}`
  })
  const more = stale.length > STALE_NAMED ? [prose`…and ${stale.length - STALE_NAMED} more changed ${words(stale.length - STALE_NAMED === 1 ? 'file' : 'files')} HSS scanned in an older copy`] : []
  return [...named, ...more]
}

function timeOutReason(input: JudgeInput): Prose {
  const within = formatDuration(input.timeoutMs)
  const failing = input.lastError ? prose`; the last query failed: ${input.lastError}` : prose``
  if (input.notUploaded) {
    const { uploaded, total, lastError } = input.notUploaded
    return prose`The files could not all be uploaded to HSS within ${words(within)} (${uploaded} of ${total}), so no scan was started${lastError ? prose`; the last request failed: ${lastError}` : prose``}`
  }
  if (input.notStarted) {
    return prose`No ${input.taskType} task could be started within ${words(within)}: HSS refused every try${input.lastError ? prose`, the last with: ${input.lastError}` : prose``}`
  }
  if (input.task) {
    const counts = readCounts(input.task, input.taskType)
    const done = counts.succeeded !== undefined && counts.reportedFailed !== undefined && counts.scanned !== undefined ? prose`, ${counts.succeeded + counts.reportedFailed}/${counts.scanned} ${words(itemWord(input.taskType))} done` : prose``
    return prose`Task ${input.wanted} did not finish within ${words(within)} (last status: ${text(input.task.task_status) ?? 'none'}${done})${failing}`
  }
  const cap = input.capped
    ? prose`; the name search read the first ${input.capped.read} fuzzy matches of ${input.capped.total ?? 'more'} and stops there: give task-id, or a name that matches fewer tasks`
    : prose``
  return prose`No ${input.taskType} task ${input.wanted} was found within ${words(within)}${cap}${failing}`
}

/** A check with a reason of its own here; stale copies give theirs file by file (staleReasons). */
type ThresholdCheck = Check & { input: Exclude<Check['input'], 'stale-copies'> }

function reasonFor(check: ThresholdCheck, counts: Counts, items: Prose, risks: JudgeInput['risks'], taskType: TaskType): Prose {
  const { scanned = 0, succeeded = 0, reportedFailed = 0 } = counts
  const failed = check.input === 'min-scanned' ? 0 : (judgedFailed(counts) ?? 0)
  switch (check.input) {
    case 'max-failed': {
      const unaccounted = failed > reportedFailed ? prose` (HSS reported ${reportedFailed} failed, but only ${succeeded} of ${scanned} succeeded)` : prose``
      return prose`${failed} ${words(itemWord(taskType, failed))} failed to scan${unaccounted}, more than max-failed ${check.limit}`
    }
    case 'max-failed-percent':
      return prose`${words(percentAbove(check.actual ?? 0, check.limit))}% of ${items} failed (${failed} of ${scanned}), more than max-failed-percent ${check.limit}`
    case 'min-scanned':
      return prose`Only ${scanned} ${words(itemWord(taskType, scanned))} ${words(scanned === 1 ? 'was' : 'were')} scanned, fewer than min-scanned ${check.limit}`
    case 'fail-on-risk':
      return riskReason(check.actual ?? 0, risks)
  }
}

/** `3 IaC risks at high or above (high 2, of unknown level 1): fail-on-risk high allows none` */
function riskReason(found: number, risks: JudgeInput['risks']): Prose {
  const level = risks?.level
  if (!risks || !level) return prose``
  const { counts } = risks
  const upTo = RISK_LEVELS.indexOf(level)
  const parts = [...RISK_LEVELS.slice(0, upTo + 1).filter((l) => counts[l] > 0).map((l) => `${l} ${counts[l]}`), ...(counts.unknown ? [`of a level HSS does not document ${counts.unknown}`] : [])]
  const scoped = risks.scope.changes ? scopeWords(risks.scope.mode) : ''
  return prose`${found} IaC ${words(found === 1 ? 'risk' : 'risks')} at ${words(level)} or above${words(scoped)} (${words(parts.join(', '))}): fail-on-risk ${words(level)} allows none`
}

/**
 * A share that broke a limit, with as many decimals as it takes to show it above the limit:
 * 10.04 % against 10 reads 10.04, not 10.0.
 */
export function percentAbove(percent: number, limit: number): string {
  for (let digits = 1; digits < 12; digits++) {
    const shown = Number(percent.toFixed(digits))
    if (shown > limit) return String(shown)
  }
  return percentText(percent)
}

/** The verdict's reasons as plain text lines (the `reason` output, the failure message). */
export function reasonLines(verdict: Verdict): string[] {
  return verdict.reasons.map((reason) => reason.text)
}

