/**
 * The item counts of a task, read closed: files for an IaC scan, clusters for a cluster scan.
 * A count is a whole number, or a string of digits; anything else (missing, null, negative, a
 * fraction, past 2^53, a word, an object) is unreadable, and named, never read as zero.
 */
import { describeValue, isRecord, wholeNumber } from '../hss/fields.ts'
import type { Task } from '../hss/models.ts'
import type { TaskType } from '../inputs/config.ts'

export interface Counts {
  /** Items in the task: scan_file_num, or scanning + success + failed clusters. */
  scanned: number | undefined
  succeeded: number | undefined
  /** Failed, as HSS reported it. */
  reportedFailed: number | undefined
  /** Clusters HSS still counts as scanning (cluster scans only). */
  scanning: number | undefined
  /** One entry per count that is missing or not a whole number: `iac_scan_info.failed_file_num is "3x"`. */
  unreadable: UnreadableCount[]
}

export interface UnreadableCount {
  field: string
  /** `missing`, `null`, `"3x"`, `-3`, `an object`… */
  got: string
}

const FIELDS = {
  iac_scan: { info: 'iac_scan_info', scanned: 'scan_file_num', succeeded: 'success_file_num', failed: 'failed_file_num' },
  cluster_scan: { info: 'cluster_scan_info', scanning: 'scanning_cluster_num', succeeded: 'success_cluster_num', failed: 'failed_cluster_num' }
} as const

export function readCounts(task: Task | undefined, taskType: TaskType): Counts {
  const unreadable: UnreadableCount[] = []
  const infoName = FIELDS[taskType].info
  const info = isRecord(task?.[infoName]) ? (task?.[infoName] as Record<string, unknown>) : {}
  const read = (field: string): number | undefined => {
    const n = wholeNumber(info[field])
    if (n === undefined) unreadable.push({ field: `${infoName}.${field}`, got: describeValue(info[field]) })
    return n
  }
  if (taskType === 'iac_scan') {
    const f = FIELDS.iac_scan
    return { scanned: read(f.scanned), succeeded: read(f.succeeded), reportedFailed: read(f.failed), scanning: undefined, unreadable }
  }
  const f = FIELDS.cluster_scan
  const scanning = read(f.scanning)
  const succeeded = read(f.succeeded)
  const reportedFailed = read(f.failed)
  const scanned = scanning === undefined || succeeded === undefined || reportedFailed === undefined ? undefined : scanning + succeeded + reportedFailed
  return { scanned, succeeded, reportedFailed, scanning, unreadable }
}

/**
 * The failed count the gate judges: every item HSS counts as scanned but not as succeeded is a
 * failure, `max(failed, scanned − succeeded)` (for a cluster scan, that adds the clusters still
 * scanning). Undefined when a count it needs is unreadable.
 */
export function judgedFailed(counts: Counts): number | undefined {
  const { scanned, succeeded, reportedFailed } = counts
  if (scanned === undefined || succeeded === undefined || reportedFailed === undefined) return undefined
  return Math.max(reportedFailed, scanned - succeeded)
}

/** failed / scanned × 100; 0 when nothing was scanned; undefined when a count is unreadable. */
export function failedPercent(counts: Counts): number | undefined {
  const failed = judgedFailed(counts)
  if (failed === undefined || counts.scanned === undefined) return undefined
  return counts.scanned === 0 ? 0 : (failed / counts.scanned) * 100
}

/**
 * A percentage for people: one decimal, or as many more as it takes for a share above zero not to
 * read 0, and for a share below 100 not to read 100.
 */
export function percentText(percent: number): string {
  if (percent <= 0) return '0'
  if (percent >= 100) return '100'
  for (let digits = 1; digits < 12; digits++) {
    const shown = Number(percent.toFixed(digits))
    if (shown > 0 && shown < 100) return String(shown)
  }
  return String(percent)
}

export function itemWord(taskType: TaskType, count = 2): string {
  const word = taskType === 'iac_scan' ? 'file' : 'cluster'
  return count === 1 ? word : `${word}s`
}
