/** The pull-request comment: the summary's content, a hidden marker to find it again, under GitHub's limit. */
import type { Report } from './report.ts'
import { redact } from '../redact.ts'
import { renderSummary, SUMMARY_FILE_ROWS } from './summary.ts'

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536

export interface CommentPlace {
  workflow: string
  job: string
  /** The task id, or the name looked for. */
  task: string
}

/** Names the workflow, job and task, so re-runs update their own comment and no other gate's. */
export function commentMarker(place: CommentPlace): string {
  const clean = (value: string) => value.replace(/--+|[<>"\n\r]/g, '_').slice(0, 200)
  return `<!-- hss-scan-gate workflow="${clean(place.workflow)}" job="${clean(place.job)}" task="${clean(place.task)}" -->`
}

export function renderComment(report: Report, marker: string, runUrl: string | undefined): string {
  const link = runUrl ? `\n\n[Workflow run](${runUrl}) · updated ${new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')}` : ''
  // Fewer file rows until it fits; the summary itself is bounded, so this ends quickly.
  for (let rows = SUMMARY_FILE_ROWS; ; rows = Math.floor(rows / 2)) {
    const body = `${marker}\n${renderSummary(report, { fileRows: rows })}${link}`
    if (body.length < COMMENT_LIMIT || rows === 0) return redact(body).slice(0, COMMENT_LIMIT - 1)
  }
}
