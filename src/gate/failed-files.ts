/** The failed files of an IaC scan, from ListTaskResources (scan_status failed), paged and capped. */
import { truncate, oneLine } from '../escape.ts'
import type { HssClient } from '../hss/client.ts'
import { PAGE_LIMIT } from './locate.ts'

export interface FailedFile {
  file_name: string
  file_type?: string
  chart_name?: string
  failed_reason: string
}

export interface FailedFiles {
  /** At most `cap` files, in HSS's order. */
  files: FailedFile[]
  /** How many failed files HSS has in all. */
  total: number
}

/** Enough for a readable summary and a bounded `failed-files` output. */
export const FAILED_FILES_CAP = 100

export async function listFailedFiles(client: HssClient, taskId: string, cap = FAILED_FILES_CAP): Promise<FailedFiles> {
  const files: FailedFile[] = []
  let total = 0
  for (let offset = 0; files.length < cap; offset += PAGE_LIMIT) {
    const limit = Math.max(10, Math.min(PAGE_LIMIT, cap - files.length))
    const page = await client.listTaskResources(
      taskId,
      { task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } },
      { offset, limit }
    )
    const list = page.iac_scan_data_list ?? []
    total = Math.max(page.total_num, offset + list.length)
    for (const resource of list.slice(0, cap - files.length)) {
      files.push({
        file_name: bounded(resource.file_name, 256),
        ...(resource.file_type ? { file_type: bounded(resource.file_type, 32) } : {}),
        ...(resource.chart_name ? { chart_name: bounded(resource.chart_name, 256) } : {}),
        failed_reason: bounded(resource.failed_reason, 500)
      })
    }
    if (list.length < limit || offset + list.length >= page.total_num) break
  }
  return { files, total }
}

function bounded(value: unknown, maxLength: number): string {
  return typeof value === 'string' ? truncate(oneLine(value), maxLength) : ''
}
