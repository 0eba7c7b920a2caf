/** A Report with sensible defaults, for the reporter tests. */
import { prose } from '../src/escape.ts'
import { assessRisks, type Location, type ScopeRule } from '../src/gate/risks/findings.ts'
import type { Report } from '../src/gate/report.ts'
import { emptyReading, type Risk, type RiskReading } from '../src/gate/risks/risks.ts'
import { judge } from '../src/gate/verdict.ts'
import type { RiskLevel } from '../src/inputs/config.ts'
import { NO_EXCEPTIONS, type ExceptionSet } from '../src/repo/exception-set.ts'
import { exceptionFor, parseExceptions } from '../src/repo/exceptions.ts'
import { rp } from './paths.ts'
import { pathOfName } from '../src/repo/repo-path.ts'
import { iacTask } from '../simulator/tasks.ts'

export function reportOf(overrides: Partial<Report> = {}): Report {
  const task = overrides.task === undefined && 'task' in overrides ? undefined : (overrides.task ?? iacTask('t-1', 'iac-pr-1', { scanned: 12, succeeded: 11, failed: 1 }))
  const thresholds = overrides.thresholds ?? { maxFailed: 0, maxFailedPercent: 10, minScanned: 1 }
  const taskType = overrides.taskType ?? 'iac_scan'
  return {
    taskType,
    thresholds,
    softFail: false,
    timeoutMs: 1_800_000,
    ref: { by: 'id', id: 't-1' },
    target: { id: 't-1', name: undefined },
    task,
    verdict: judge({ task, taskType, thresholds, timeoutMs: 1_800_000, wanted: prose`with id ${'t-1'}`, ...(overrides.risks ? { risks: overrides.risks } : {}) }),
    failedFiles: undefined,
    elapsedMs: 95_000,
    queries: 7,
    ...overrides
  }
}

/** Exceptions as an exceptions file would give them, in force on 2026-11-29. */
export function exceptionsOf(...entries: string[]): ExceptionSet {
  return parseExceptions(`exceptions:\n${entries.map((entry) => `  - ${entry}`).join('\n')}\n`, '2026-11-29')
}

/** One risk as readRisks keeps it, with plain defaults. */
export function riskRow(risk_level: string, risk_name: string, extra: Partial<Risk> = {}): Risk {
  return { file_name: 'Dockerfile', file_id: 'f', risk_level, risk_name, rule_id: 'R1', risk_category: 'workload', risk_num: 1, remediation: '', description: '', build_instruction: '', ...extra }
}

/** A complete reading of these risks: all files read. */
export function readingOf(risks: Risk[], extra: Partial<RiskReading> = {}): RiskReading {
  return { ...emptyReading(1), risks, total: risks.length, files: { listed: 1, read: 1 }, ...extra }
}

/** A place as a test writes it: the path as plain text. */
export type PlainLocation = Omit<Location, 'path'> & { path?: string }

/** Risks judged at `level` (every one changed and not excepted, unless told), each at the place given or at file level. */
export function assessmentOf(level: RiskLevel | undefined, reading: RiskReading, options: { places?: (risk: Risk) => PlainLocation[]; exceptions?: ExceptionSet; scope?: ScopeRule } = {}) {
  const located = (place: PlainLocation): Location => ({ ...place, path: place.path === undefined ? undefined : rp(place.path) })
  const locations = new Map(reading.risks.map((risk): [Risk, Location[]] => [risk, options.places?.(risk).map(located) ?? [{ path: pathOfName(risk.file_name) }]]))
  return assessRisks({ level, reading, locations, exceptionFor: (target) => exceptionFor(options.exceptions ?? NO_EXCEPTIONS, target), scope: options.scope ?? { mode: 'all', changes: undefined } })
}
