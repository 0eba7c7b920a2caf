/**
 * The ListIacFiles rows of a scan's files: HSS's summary of each file (`risky`, `risk_num`,
 * `last_scan_time`) and when it got the copy (`upload_file_time`). A row that proves a file clean
 * for this scan spares its risk read (ListIacFileRisks, one call of 5 a minute per file); the same
 * rows date the copies for the stale-copies check.
 *
 * Both scan types are read (`manual_scan`, `cicd_scan`), each the cheaper way, chosen by its first
 * page: paging the project's list (one call per 200 files it holds) or looking the files up by id
 * (one call per file). Paging stops as soon as every file has its row. A file is clean only when
 * every row it has says so, and both scan types were read for it; a file is never clean because a
 * listing left it out.
 */
import type { HssError } from '../../errors.ts'
import type { HssClient, ScanType } from '../../hss/client.ts'
import { epochMs, fileId as readFileId, isRecord } from '../../hss/fields.ts'
import { isRefusal, PAGE_LIMIT, readListing, type ListingOptions } from '../paging/listing.ts'

export const SCAN_TYPES: readonly ScanType[] = ['manual_scan', 'cicd_scan']

/** One row of ListIacFiles for a file, its fields as HSS sent them. */
export interface FileRow {
  scanType: ScanType
  risky: unknown
  riskNum: unknown
  lastScanTime: unknown
  uploadFileTime: unknown
}

/** A ListIacFiles row as the gate keeps it: the fields as HSS sent them, read closed where they are used. */
export function fileRowOf(scanType: ScanType, row: Record<string, unknown>): FileRow {
  return { scanType, risky: row.risky, riskNum: row.risk_num, lastScanTime: row.last_scan_time, uploadFileTime: row.upload_file_time }
}

export interface FileSummaries {
  /** Rows by file id; a file with none has no row under either type (when it is in `read`). */
  rows: Map<string, FileRow[]>
  /** Files whose rows were read under both scan types in full. */
  read: Set<string>
  /** The calls made. */
  calls: number
  /** A call HSS refused (401, 403). */
  refused?: HssError
  /** Why some files' rows are not all known. */
  why?: string
  outOfTime?: boolean
}

export interface SummaryEvents {
  /** A row of this file says it has risks (or cannot say it has none): read them, without waiting for the rest. */
  risky?(fileId: string): void
  /** A call failed and is tried again: the summaries may come late. */
  trouble?(): void
}

/**
 * Whether the file's rows prove it clean for a scan that started at `taskStart`: a row is there, and
 * every one says `risky: false` and `risk_num: 0` (a boolean and a number, not text) from a scan no
 * earlier than the task's start.
 */
export function provenClean(rows: readonly FileRow[] | undefined, taskStart: number | undefined): boolean {
  if (!rows?.length || taskStart === undefined) return false
  return rows.every((row) => row.risky === false && row.riskNum === 0 && typeof row.lastScanTime === 'number' && (epochMs(row.lastScanTime) ?? -1) >= taskStart)
}

export async function readFileSummaries(client: HssClient, fileIds: readonly string[], options: Omit<ListingOptions, 'maxRows'>, events: SummaryEvents = {}): Promise<FileSummaries> {
  const wanted = new Set(fileIds)
  const out: FileSummaries = { rows: new Map(), read: new Set(), calls: 0 }
  const found = new Map<ScanType, Set<string>>(SCAN_TYPES.map((type) => [type, new Set()]))
  const keep = (type: ScanType, row: unknown) => {
    const id = isRecord(row) ? readFileId(row.file_id) : undefined
    if (!id || !wanted.has(id) || !isRecord(row)) return
    const rows = out.rows.get(id) ?? []
    rows.push(fileRowOf(type, row))
    out.rows.set(id, rows)
    found.get(type)?.add(id)
    if (row.risky !== false || row.risk_num !== 0) events.risky?.(id)
  }
  const counted = <T>(fetch: () => Promise<T>) => {
    out.calls++
    return fetch().catch((error: unknown) => {
      events.trouble?.()
      throw error
    })
  }
  const complete = new Map<ScanType, boolean>()
  for (const type of SCAN_TYPES) {
    let pages: number | undefined
    let lookUp = false
    // The project's list: after its first page, go on only while that is the cheaper way.
    const listing = await readListing(
      (page, timeoutMs) => counted(() => client.listIacFiles({ scanType: type }, page, timeoutMs)),
      (items, page) => {
        for (const row of items) keep(type, row)
        if (pages === undefined) {
          pages = Math.ceil(Math.max(0, (page.total ?? 0) - page.rows) / PAGE_LIMIT)
          lookUp = pages > wanted.size - (found.get(type)?.size ?? 0)
        }
        return undefined
      },
      { ...options, maxRows: Number.MAX_SAFE_INTEGER, enough: () => lookUp || (found.get(type)?.size ?? 0) === wanted.size }
    )
    if (!listing.ok) return failed(out, listing)
    if (!lookUp) {
      complete.set(type, true)
      continue
    }
    // Each file not found yet, by its id.
    for (const id of wanted) {
      if (found.get(type)?.has(id)) continue
      const one = await readListing(
        (page, timeoutMs) => counted(() => client.listIacFiles({ fileId: id, scanType: type }, page, timeoutMs)),
        (items) => {
          for (const row of items) if (isRecord(row) && row.file_id === id) keep(type, row)
          return undefined
        },
        { ...options, limit: 10, maxRows: PAGE_LIMIT }
      )
      if (!one.ok) return failed(out, one)
    }
    complete.set(type, true)
  }
  if (SCAN_TYPES.every((type) => complete.get(type))) for (const id of wanted) out.read.add(id)
  return out
}

function failed(out: FileSummaries, listing: { why: string; error?: HssError; outOfTime?: boolean }): FileSummaries {
  return { ...out, why: listing.why, ...(isRefusal(listing.error) && listing.error ? { refused: listing.error } : {}), ...(listing.outOfTime ? { outOfTime: true } : {}) }
}
