/**
 * The failed files of an IaC scan, from ListTaskResources (scan_status failed): the first 100, with
 * HSS's total. This is reporting (the counts decide the verdict), bounded by the run's deadline like
 * every listing; a total that differs from the task's own count of failed files is said.
 */
import type { HssError } from '../../errors.ts'
import { clip } from '../../escape.ts'
import { text } from '../../hss/fields.ts'
import type { HssClient } from '../../hss/client.ts'
import type { IacScanResource } from '../../hss/models.ts'
import { readListing, type ListingOptions } from '../paging/listing.ts'

export interface FailedFile {
  file_name: string
  file_type?: string
  chart_name?: string
  failed_reason: string
}

export interface FailedFiles {
  /** At most `cap` files, in HSS's order. */
  files: FailedFile[]
  /** How many failed files HSS lists in all. */
  total: number
  /** Set when that total is not the task's own count of failed files. */
  counted?: number
}

/** Enough for a readable summary and a bounded `failed-files` output. */
export const FAILED_FILES_CAP = 100

/** Why the failed files could not be listed, and the refusal when HSS refused (a permission error). */
export interface Unlisted {
  why: string
  error?: HssError
}

/** Resolves to the files, or says why they could not be listed. */
export async function listFailedFiles(client: HssClient, taskId: string, counted: number, options: Omit<ListingOptions, 'maxRows'>, cap = FAILED_FILES_CAP): Promise<FailedFiles | Unlisted> {
  const files: FailedFile[] = []
  let total = 0
  const listing = await readListing(
    (page, timeoutMs) => client.listTaskResources(taskId, { task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } }, page, timeoutMs),
    (items: readonly IacScanResource[], page) => {
      total = page.total ?? 0
      for (const resource of items.slice(0, cap - files.length)) {
        const fileType = text(resource.file_type)
        const chart = text(resource.chart_name)
        files.push({
          file_name: clip(text(resource.file_name) ?? '', 256),
          ...(fileType ? { file_type: clip(fileType, 32) } : {}),
          ...(chart ? { chart_name: clip(chart, 256) } : {}),
          failed_reason: clip(text(resource.failed_reason) ?? '', 500)
        })
      }
      return undefined
    },
    { ...options, limit: 100, maxRows: Number.MAX_SAFE_INTEGER, stopAfter: cap }
  )
  if (!listing.ok) return { why: listing.why, ...(listing.error ? { error: listing.error } : {}) }
  return { files, total, ...(total !== counted ? { counted } : {}) }
}
