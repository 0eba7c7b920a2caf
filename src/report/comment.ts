/** The pull-request comment: the summary's content, a hidden marker to find it again, under GitHub's limit. */
import { createHash } from 'node:crypto'
import type { Report } from '../gate/report.ts'
import { redact } from '../redact.ts'
import { renderSummary, SUMMARY_FILE_ROWS, SUMMARY_RISK_ROWS } from './summary.ts'

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

export function renderComment(report: Report, marker: string, runUrl: string | undefined): string {
  const link = runUrl ? `\n\n[Workflow run](${runUrl}) · updated ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}` : ''
  // Fewer file and risk rows until it fits; the summary itself is bounded, so this ends quickly.
  for (let rows = SUMMARY_FILE_ROWS; ; rows = Math.floor(rows / 2)) {
    const body = `${marker}\n${renderSummary(report, { fileRows: rows, riskRows: Math.min(rows, SUMMARY_RISK_ROWS) })}${link}`
    if (body.length < COMMENT_LIMIT || rows === 0) return redact(body).slice(0, COMMENT_LIMIT - 1)
  }
}
