/** A Report with sensible defaults, for the reporter tests. */
import { prose } from '../src/escape.ts'
import { knownLevel, type Risk, type RiskReading } from '../src/gate/risks.ts'
import type { Report } from '../src/report/report.ts'
import { judge } from '../src/gate/verdict.ts'
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
    verdict: judge({ task, taskType, thresholds, timeoutMs: 1_800_000, wanted: prose`with id ${'t-1'}` }),
    failedFiles: undefined,
    elapsedMs: 95_000,
    queries: 7,
    ...overrides
  }
}

/** One risk as readRisks keeps it, with plain defaults. */
export function riskRow(risk_level: string, risk_name: string, extra: Partial<Risk> = {}): Risk {
  return { file_name: 'Dockerfile', file_id: 'f', risk_level, risk_name, rule_id: 'R1', risk_category: 'workload', risk_num: 1, remediation: '', ...extra }
}

/** A complete reading of these risks: counts by level (one per item), all files read. */
export function readingOf(risks: Risk[], extra: Partial<RiskReading> = {}): RiskReading {
  const counts = { high: 0, medium: 0, low: 0, tips: 0 }
  let unknownLevel = 0
  for (const risk of risks) {
    const level = knownLevel(risk.risk_level)
    if (level) counts[level]++
    else unknownLevel++
  }
  return { counts, unknownLevel, total: risks.length, risks, files: { listed: 1, read: 1 }, ...extra }
}
