/** The item counts of a task: files for an IaC scan, clusters for a cluster scan. */
import type { TaskType } from '../inputs/config.ts'
import type { Task } from '../hss/models.ts'

export interface Counts {
  scanned: number
  succeeded: number
  failed: number
}

export function countsOf(task: Task | undefined, taskType: TaskType): Counts {
  if (taskType === 'iac_scan') {
    const info = task?.iac_scan_info
    return {
      scanned: count(info?.scan_file_num),
      succeeded: count(info?.success_file_num),
      failed: count(info?.failed_file_num)
    }
  }
  const info = task?.cluster_scan_info
  const scanning = count(info?.scanning_cluster_num)
  const succeeded = count(info?.success_cluster_num)
  const failed = count(info?.failed_cluster_num)
  return { scanned: scanning + succeeded + failed, succeeded, failed }
}

/** failed / scanned × 100, 0 when nothing was scanned. */
export function failedPercent(counts: Counts): number {
  return counts.scanned === 0 ? 0 : (counts.failed / counts.scanned) * 100
}

/** A count HSS sent; anything that is not a non-negative whole number reads as 0. */
function count(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0
}

export function itemWord(taskType: TaskType): string {
  return taskType === 'iac_scan' ? 'files' : 'clusters'
}
