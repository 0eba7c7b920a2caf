/** Annotations for the first few failed files: enough to point at them, never hundreds. */
import { clip } from '../escape.ts'
import type { Report } from './report.ts'

export const MAX_ANNOTATIONS = 10

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
}

export function annotationsOf(report: Report): Annotation[] {
  if (typeof report.failedFiles !== 'object') return []
  // A passed gate with tolerated failures still points at the files, as warnings.
  const level: Annotation['level'] = report.verdict.result === 'failed' && !report.softFail ? 'error' : 'warning'
  const { files, total } = report.failedFiles
  const shown = files.slice(0, MAX_ANNOTATIONS)
  const annotations = shown.map((file) => ({
    level,
    title: `HSS could not scan ${clip(file.file_name, 120)}`,
    message: clip(file.failed_reason || 'no reason given', 500)
  }))
  if (total > shown.length && shown.length > 0) {
    const last = annotations[annotations.length - 1]
    if (last) last.message += ` (and ${total - shown.length} more failed files: see the job summary)`
  }
  return annotations
}
