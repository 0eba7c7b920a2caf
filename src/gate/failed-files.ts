/** The failed files of an IaC scan, from ListTaskResources (scan_status failed), paged and capped. */
import { clip } from '../escape.ts'
import { text } from '../hss/fields.ts'
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
    const page = await client.listTaskResources(taskId, { task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } }, { offset, limit })
    total = Math.max(page.total ?? 0, offset + page.rows)
    for (const resource of page.items.slice(0, cap - files.length)) {
      const fileType = text(resource.file_type)
      const chart = text(resource.chart_name)
      files.push({
        file_name: clip(text(resource.file_name) ?? '', 256),
        ...(fileType ? { file_type: clip(fileType, 32) } : {}),
        ...(chart ? { chart_name: clip(chart, 256) } : {}),
        failed_reason: clip(text(resource.failed_reason) ?? '', 500)
      })
    }
    if (page.rows < limit || (page.total !== undefined && offset + page.rows >= page.total)) break
  }
  return { files, total }
}
