/** The pull-request comment: the verdict of one leg in a few lines, a hidden marker to find it again, and a link to the run. */
import { createHash } from 'node:crypto'
import { clip, code } from '../escape.ts'
import { mostSevereFindings } from '../gate/risks/findings.ts'
import type { Report } from '../gate/report.ts'
import { RISK_LEVELS } from '../inputs/config.ts'
import { redact } from '../redact.ts'
import { brokenMark, cell, findingStatus, titleOf, where } from './summary.ts'

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536

export interface CommentPlace {
  workflow: string
  job: string
  /** The job's matrix values as JSON (`${{ toJSON(matrix) }}`), or '' outside a matrix. */
  matrix: string
}

/**
 * Names the workflow, the job and its matrix values: one comment per gate and pull request. Never
 * the task: a run that starts a new scan (create-task, or a new name per commit) updates the same
 * comment, rather than pile up stale verdicts.
 */
export function commentMarker(place: CommentPlace): string {
  const clean = (value: string) => value.replace(/--+|[<>"\n\r]/g, '_').slice(0, 200)
  return `<!-- hss-scan-gate workflow="${clean(place.workflow)}" job="${clean(place.job)}" matrix="${clean(matrixKey(place.matrix))}" -->`
}

/** The matrix values in a stable order (`file=dockerfile,os=linux`); long ones end in a hash, so two legs never share a key. */
export function matrixKey(json: string): string {
  let values: unknown
  try {
    values = JSON.parse(json || 'null')
  } catch {
    values = json
  }
  if (values === null || values === undefined || values === '') return ''
  const text =
    typeof values === 'object' && !Array.isArray(values)
      ? Object.entries(values as Record<string, unknown>)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
          .join(',')
      : JSON.stringify(values)
  return text.length <= 160 ? text : `${text.slice(0, 140)}…#${createHash('sha256').update(text).digest('hex').slice(0, 16)}`
}

/** Findings the comment lists; the rest are in the run's summary. */
export const COMMENT_FINDINGS = 10
/** Reasons the comment quotes (one per broken threshold: there are few). */
const COMMENT_REASONS = 8

/**
 * The comment: short, and one per leg. A heading with the verdict and the leg (workflow, job and
 * matrix values), the reasons, at most COMMENT_FINDINGS findings with their places (those that
 * break the gate first), and a link to the run, whose job summary has everything. Under 60 lines
 * however much HSS found.
 */
export function renderComment(report: Report, place: CommentPlace, runUrl: string | undefined, now = new Date()): string {
  const { verdict } = report
  const leg = [place.workflow, place.job].filter(Boolean).map((name) => code(clip(name, 80))).join(' / ')
  const matrix = matrixKey(place.matrix)
  const legText = [leg, matrix ? code(clip(matrix, 120)) : ''].filter(Boolean).join(' · ')
  const parts = [commentMarker(place), `### ${titleOf(report)}${legText ? ` — ${legText}` : ''}`]
  const reasons = [...verdict.reasons, ...(verdict.note ? [verdict.note] : [])]
  if (reasons.length) {
    parts.push('', ...reasons.slice(0, COMMENT_REASONS).map((reason, i) => `${i ? '>\n' : ''}> ${reason.markdown}`))
    if (reasons.length > COMMENT_REASONS) parts.push('>', `> …and ${reasons.length - COMMENT_REASONS} more in the run's summary.`)
  }
  const risks = report.risks
  if (risks && risks.reading.incomplete === undefined) {
    const shown = mostSevereFindings(risks.findings.filter((f) => !f.excepted))
    const counts = RISK_LEVELS.map((level) => `${level} **${risks.counts[level]}**`).join(' · ')
    const others = [risks.excepted ? `${risks.excepted} excepted` : '', risks.preExisting ? `${risks.preExisting} pre-existing` : ''].filter(Boolean).join(', ')
    parts.push('', `IaC risks that count: ${counts}${risks.counts.unknown ? ` · of a level HSS does not document **${risks.counts.unknown}**` : ''}${others ? ` (and ${others})` : ''}.`)
    if (shown.length) {
      parts.push('', '| Level | Risk | Where | Status |', '|---|---|---|---|')
      parts.push(...shown.slice(0, COMMENT_FINDINGS).map((f) => `| ${cell(f.risk.risk_level)} | ${cell(f.risk.risk_name)} | ${where(f, report.source)} | ${findingStatus(f, risks.level, brokenMark(report))} |`))
      if (shown.length > COMMENT_FINDINGS) parts.push('', `…and ${shown.length - COMMENT_FINDINGS} more in the run's summary.`)
    }
  }
  const stale = report.stale?.checks.filter((check) => check.stale).length ?? 0
  if (stale) parts.push('', `${report.stale?.mode === 'fail' ? brokenMark(report) : '⚠️'} ${stale} ${stale === 1 ? 'copy' : 'copies'} HSS scanned ${stale === 1 ? 'is' : 'are'} older than this run (listed in the run's summary).`)
  const updated = now.toISOString().replace(/\.\d{3}Z$/, 'Z')
  parts.push('', runUrl ? `[The run's full summary](${runUrl}) · updated ${updated}` : `The run's job summary has the full report · updated ${updated}`)
  return redact(parts.join('\n') + '\n').slice(0, COMMENT_LIMIT - 1)
}
