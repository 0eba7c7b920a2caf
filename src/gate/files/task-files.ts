/**
 * The files of a finished IaC scan task (ListTaskResources), read closed. Each file counts once, by
 * its `file_id`: a row repeated by paging drift, or a row of another status, never stands in for a
 * file that was not listed. The distinct files must be exactly as many as HSS counted, or the list
 * is unreadable.
 */
import { clip } from '../../escape.ts'
import type { HssClient } from '../../hss/client.ts'
import { fileId, isRecord, text } from '../../hss/fields.ts'
import type { IacScanResource } from '../../hss/models.ts'
import { PAGE_LIMIT, readListing, type ListingOptions, type Unreadable } from '../paging/listing.ts'

/** One file of the task: HSS's id and name, and how its scan went. */
export interface TaskFile {
  id: string
  name: string
  /** `success`, `failed`, `scanning`, or what HSS sent. */
  status: string
  /** `dockerfile`, `k8s_yaml`, or what HSS sent (empty when it sent none). */
  type: string
}

export type TaskFiles = { ok: true; files: TaskFile[] } | (Unreadable & { files: TaskFile[] })

/**
 * The task's files with this scan status (every status when undefined), which HSS counted as
 * `expected`. Unreadable when any row is not a file with an id, or the distinct files are not
 * exactly `expected`.
 */
export async function listTaskFiles(client: HssClient, taskId: string, status: 'success' | 'failed' | undefined, expected: number, options: Omit<ListingOptions, 'maxRows'>): Promise<TaskFiles> {
  const files = new Map<string, TaskFile>()
  let rows = 0
  let repeated = 0
  let foreign = 0
  const body = { task_type: 'iac_scan' as const, ...(status ? { iac_scan_info: { scan_status: status } } : {}) }
  const listing = await readListing(
    (page, timeoutMs) => client.listTaskResources(taskId, body, page, timeoutMs),
    (items: readonly IacScanResource[], page) => {
      if (items.length !== page.rows) return `HSS listed a file row that is not an object`
      for (const row of items) {
        rows++
        if (!isRecord(row)) return `HSS listed a file row that is not an object`
        const id = fileId(row.file_id)
        if (!id) return `HSS listed a file without a usable file_id (${clip(text(row.file_name) ?? 'unnamed', 120)})`
        const rowStatus = text(row.scan_status) ?? status ?? ''
        if (status && rowStatus !== status) {
          foreign++
          continue
        }
        if (files.has(id)) {
          repeated++
          continue
        }
        files.set(id, { id, name: text(row.file_name) ?? '', status: rowStatus, type: text(row.file_type) ?? '' })
        if (files.size > expected) return countMismatch(expected, files.size, status, 'more than')
      }
      return undefined
    },
    { ...options, maxRows: 2 * expected + PAGE_LIMIT }
  )
  const list = [...files.values()]
  if (!listing.ok) return { ...listing, files: list }
  if (files.size !== expected) {
    const odd = [repeated ? `${repeated} repeated` : '', foreign ? `${foreign} of another status` : ''].filter(Boolean).join(', ')
    return { ok: false, why: `${countMismatch(expected, files.size, status, 'but')} (${rows} ${rows === 1 ? 'row' : 'rows'}${odd ? `: ${odd}` : ''})`, files: list }
  }
  return { ok: true, files: list }
}

function countMismatch(expected: number, listed: number, status: string | undefined, joint: 'but' | 'more than'): string {
  const what = status === 'success' ? 'as scanned successfully' : status === 'failed' ? 'as failed' : 'in the task'
  const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`
  return joint === 'but'
    ? `HSS counted ${files(expected)} ${what}, but listed ${listed} distinct ${listed === 1 ? 'file' : 'files'}`
    : `HSS listed ${files(listed)} ${what}, more than the ${expected} it counted`
}
