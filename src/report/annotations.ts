/**
 * Annotations that point at what to fix: the first failed files, and the IaC risks that break the
 * gate, with `file=` when the file is in the workspace, so they land on the pull request's diff.
 * A few, never hundreds: GitHub shows 10 error (and 10 warning) annotations a step, and the verdict
 * itself takes one.
 */
import { clip } from '../escape.ts'
import { atOrAbove, topRisks, knownLevel } from '../gate/risks.ts'
import { RISK_LEVELS } from '../inputs/config.ts'
import type { Report } from './report.ts'
import type { FileLocator } from './workspace.ts'

/** Annotations besides the verdict's own line. */
export const MAX_ANNOTATIONS = 9

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  /** Relative to the workspace, when the file is there. */
  file?: string
}

export function annotationsOf(report: Report, locate: FileLocator = () => undefined): Annotation[] {
  // A passed gate with tolerated failures still points at the files, as warnings.
  const level: Annotation['level'] = report.verdict.result === 'failed' && !report.softFail ? 'error' : 'warning'
  const risky = riskAnnotations(report, level, locate)
  const files = fileAnnotations(report, level, locate)
  // Both kinds get a share when both have something to show.
  const riskShare = Math.min(risky.length, files.length ? Math.ceil(MAX_ANNOTATIONS / 2) : MAX_ANNOTATIONS)
  const fileShare = Math.min(files.length, MAX_ANNOTATIONS - riskShare)
  return [...withMore(files, fileShare, fileTotal(report), 'failed files'), ...withMore(risky, riskShare, riskTotal(report), 'IaC risks at that level or above')]
}

function fileAnnotations(report: Report, level: Annotation['level'], locate: FileLocator): Annotation[] {
  if (typeof report.failedFiles !== 'object') return []
  return report.failedFiles.files.slice(0, MAX_ANNOTATIONS).map((file) => {
    const path = locate(file.file_name)
    return { level, title: `HSS could not scan ${clip(file.file_name, 120)}`, message: clip(file.failed_reason || 'no reason given', 500), ...(path ? { file: path } : {}) }
  })
}

function riskAnnotations(report: Report, level: Annotation['level'], locate: FileLocator): Annotation[] {
  const risks = report.risks
  if (!risks) return []
  const upTo = RISK_LEVELS.indexOf(risks.level)
  const breaking = topRisks(risks.reading).filter((risk) => {
    const known = knownLevel(risk.risk_level)
    return known === undefined || RISK_LEVELS.indexOf(known) <= upTo
  })
  return breaking.slice(0, MAX_ANNOTATIONS).map((risk) => {
    const path = locate(risk.file_name)
    const where = path ? '' : ` in ${clip(risk.file_name, 120)}`
    const remedy = risk.remediation ? `: ${risk.remediation}` : ''
    const rule = risk.rule_id ? ` (rule ${risk.rule_id})` : ''
    return {
      level,
      title: clip(`${risk.risk_level || 'unknown-level'} IaC risk: ${risk.risk_name || 'unnamed'}`, 160),
      message: clip(`${risk.risk_category ? `${risk.risk_category}` : 'IaC risk'}${where}${remedy}${rule}`, 600),
      ...(path ? { file: path } : {})
    }
  })
}

function fileTotal(report: Report): number {
  return typeof report.failedFiles === 'object' ? report.failedFiles.total : 0
}

function riskTotal(report: Report): number {
  return report.risks ? atOrAbove(report.risks.reading, report.risks.level) : 0
}

/** The first `n`, the last of them saying how many more there are. */
function withMore(annotations: Annotation[], n: number, total: number, what: string): Annotation[] {
  const shown = annotations.slice(0, n).map((a) => ({ ...a }))
  const last = shown.at(-1)
  if (last && total > shown.length) last.message += ` (and ${total - shown.length} more ${what}: see the job summary)`
  return shown
}
