/**
 * Annotations that point at what to fix: the first failed files, and the IaC risks that break the
 * gate, with `file=`, `line=` and `endLine=` when the gate knows where they are, so they land on
 * the pull request's diff, most severe first. A few, never hundreds: GitHub shows 10 error (and 10
 * warning) annotations a step, and the verdict itself takes one; the summary lists the rest.
 */
import { clip } from '../escape.ts'
import { breaks, mostSevereFindings, resourceText, type Finding } from '../gate/risks/findings.ts'
import type { Report } from '../gate/report.ts'

/** Where a file HSS names is in the workspace, or undefined. */
export type FileLocator = (name: string) => string | undefined

/** Annotations besides the verdict's own line. */
export const MAX_ANNOTATIONS = 9

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  /** Relative to the workspace, when the file is there. */
  file?: string
  line?: number
  endLine?: number
}

export function annotationsOf(report: Report, locate: FileLocator = () => undefined): Annotation[] {
  // A passed gate with tolerated failures still points at the files, as warnings.
  const level: Annotation['level'] = report.verdict.result === 'failed' && !report.softFail ? 'error' : 'warning'
  const breaking = breakingFindings(report)
  const risky = riskAnnotations(breaking, level)
  const files = fileAnnotations(report, level, locate)
  // Both kinds get a share when both have something to show.
  const riskShare = Math.min(risky.length, files.length ? Math.ceil(MAX_ANNOTATIONS / 2) : MAX_ANNOTATIONS)
  const fileShare = Math.min(files.length, MAX_ANNOTATIONS - riskShare)
  return [...withMore(risky, riskShare, breaking.length, 'IaC risks that break the gate'), ...withMore(files, fileShare, fileTotal(report), 'failed files')]
}

function fileAnnotations(report: Report, level: Annotation['level'], locate: FileLocator): Annotation[] {
  if (typeof report.failedFiles !== 'object') return []
  return report.failedFiles.files.slice(0, MAX_ANNOTATIONS).map((file) => {
    const path = locate(file.file_name)
    return { level, title: `HSS could not scan ${clip(file.file_name, 120)}`, message: clip(file.failed_reason || 'no reason given', 500), ...(path ? { file: path } : {}) }
  })
}

function riskAnnotations(breaking: readonly Finding[], level: Annotation['level']): Annotation[] {
  return breaking.slice(0, MAX_ANNOTATIONS).map((finding) => {
    const { risk } = finding
    const where = finding.path ? '' : ` in ${clip(risk.file_name, 120)}`
    const what = finding.resource ? ` (${resourceText(finding.resource)}${finding.hitPath ? ` at ${finding.hitPath}` : ''})` : ''
    const remedy = risk.remediation ? `: ${risk.remediation}` : ''
    const rule = risk.rule_id ? ` (rule ${risk.rule_id})` : ''
    const note = finding.line === undefined && finding.note ? ` [${finding.note}]` : ''
    return {
      level,
      title: clip(`${risk.risk_level || 'unknown-level'} IaC risk: ${risk.risk_name || 'unnamed'}`, 160),
      message: clip(`${risk.risk_category || 'IaC risk'}${where}${what}${remedy}${rule}${note}`, 600),
      ...(finding.path ? { file: finding.path } : {}),
      ...(finding.path && finding.line !== undefined ? { line: finding.line, endLine: finding.endLine ?? finding.line } : {})
    }
  })
}

/** The findings that break the gate, most severe first. */
function breakingFindings(report: Report): Finding[] {
  const risks = report.risks
  if (!risks) return []
  return mostSevereFindings(risks.findings.filter((finding) => breaks(finding, risks.level)))
}

function fileTotal(report: Report): number {
  return typeof report.failedFiles === 'object' ? report.failedFiles.total : 0
}

/** The first `n`, the last of them saying how many more there are. */
function withMore(annotations: Annotation[], n: number, total: number, what: string): Annotation[] {
  const shown = annotations.slice(0, n).map((a) => ({ ...a }))
  const last = shown.at(-1)
  if (last && total > shown.length) last.message += ` (and ${total - shown.length} more ${what}: see the job summary)`
  return shown
}
