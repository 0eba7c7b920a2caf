/**
 * Stale copies. HSS scans the copy of a file it was given, not the checked-out commit. A copy
 * uploaded before this workflow run started cannot hold the pull request's change, so for every
 * scanned file the pull request changes (by the name HSS gives it or the path it maps to), or that
 * the gate cannot place (which counts as changed), the gate reads when HSS got its copy (ListIacFiles
 * `upload_file_time`, under both scan types, within that API's own budget) and compares it with
 * GitHub's `run_started_at` for this run: never with the step's own start (the upload may come in an
 * earlier step), and never with a commit's date (its author sets it). The older time rules when HSS
 * lists a file twice. A file HSS does not list, a time that is not epoch milliseconds or lies more
 * than 5 minutes ahead, and a run whose start cannot be known all count as stale. Files this run
 * uploaded are fresh by construction and are not checked. A refusal is a permission error.
 */
import type { HssError } from '../../errors.ts'
import type { HssClient } from '../../hss/client.ts'
import { epochMs, isRecord } from '../../hss/fields.ts'
import type { IacFile } from '../../hss/models.ts'
import type { Changes } from '../../repo/changes.ts'
import { placeOf, type Checkout } from '../../repo/checkout.ts'
import type { RepoPath } from '../../repo/repo-path.ts'
import { changedFile } from '../scope.ts'
import { isRefusal, PAGE_LIMIT, readListing, type ListingOptions } from '../paging/listing.ts'
import { fileRowOf, SCAN_TYPES, type FileRow } from './summaries.ts'
import type { TaskFile } from './task-files.ts'

export interface CopyCheck {
  file: TaskFile
  /** Its repository path, when it maps to one. */
  path: RepoPath | undefined
  /** When HSS got its copy; undefined when HSS does not list the file or the time is unreadable. */
  uploadedAt: number | undefined
  stale: boolean
  /** For a stale copy: why, in the action's own words (no server text). */
  why?: string
}

export interface StaleCopies {
  mode: 'fail' | 'warn'
  /** GitHub's `run_started_at`; undefined when it cannot be known (every copy checked is then stale). */
  runStartedAt: number | undefined
  checks: CopyCheck[]
  /** HSS refused a call of the check (401, 403): a permission error, which soft-fail never softens. */
  refused?: HssError
}

/** A time further ahead than this is not a time HSS got a copy at. */
export const FUTURE_SLACK_MS = 5 * 60_000

export interface CopyOptions extends Omit<ListingOptions, 'maxRows'> {
  /** The rows the file summaries read already (both scan types, in full), when they have the file's. */
  known?: (fileId: string) => readonly FileRow[] | undefined
}

/** A file of the task whose copy is to be dated, with its repository path when it maps to one. */
export interface CopyToCheck {
  file: TaskFile
  path: RepoPath | undefined
}

/**
 * The task's files whose copies are to be dated: those the pull request changes (or that cannot be
 * placed), but those this run uploaded (`uploaded`, by id), which are fresh by construction.
 */
export function copiesToCheck(files: readonly TaskFile[], changes: Changes | undefined, checkout: Checkout, uploaded: { has(id: string): boolean }): CopyToCheck[] {
  return files.flatMap((file) => {
    if (uploaded.has(file.id)) return []
    const place = placeOf(checkout, file.name)
    const path = 'path' in place ? place.path : undefined
    return changedFile(changes, file.name, path) ? [{ file, path }] : []
  })
}

/** Whether HSS's copy of each file is older than the run. */
export async function checkCopies(client: HssClient, copies: readonly CopyToCheck[], runStartedAt: number | undefined, options: CopyOptions): Promise<{ checks: CopyCheck[]; refused?: HssError }> {
  const checks: CopyCheck[] = []
  for (const { file, path } of copies) {
    const known = options.known?.(file.id)
    const copy = known ? timeOf(known, options.clock.now()) : await copyTime(client, file, options)
    if ('refused' in copy) return { checks, refused: copy.refused }
    checks.push(judgeCopy(file, path, copy, runStartedAt))
  }
  return { checks }
}

type CopyTime = { uploadedAt: number } | { why: string } | { refused: HssError }

/** When HSS got its copy, looked up by its id under both scan types, or why it cannot be told. */
async function copyTime(client: HssClient, file: TaskFile, options: CopyOptions): Promise<CopyTime> {
  const rows: FileRow[] = []
  for (const scanType of SCAN_TYPES) {
    const listing = await readListing(
      (page, timeoutMs) => client.listIacFiles({ fileId: file.id, scanType }, page, timeoutMs),
      (items: readonly IacFile[]) => {
        for (const row of items) if (isRecord(row) && row.file_id === file.id) rows.push(fileRowOf(scanType, row))
        return undefined
      },
      { ...options, limit: 10, maxRows: PAGE_LIMIT }
    )
    if (!listing.ok && isRefusal(listing.error) && listing.error) return { refused: listing.error }
    if (!listing.ok) return { why: listing.outOfTime ? 'its upload time could not be read before the time-out' : 'its upload time could not be read (ListIacFiles failed)' }
  }
  return timeOf(rows, options.clock.now())
}

/** The oldest upload time of a file's rows: the older time rules when HSS lists it twice; an odd time, or none, makes the copy stale. */
function timeOf(rows: readonly FileRow[], now: number): { uploadedAt: number } | { why: string } {
  const times = rows.map((row) => epochMs(row.uploadFileTime))
  if (times.some((at) => at === undefined || at > now + FUTURE_SLACK_MS)) return { why: 'HSS sent an upload time the gate cannot read' }
  if (!times.length) return { why: 'HSS does not list the file it scanned' }
  return { uploadedAt: Math.min(...(times as number[])) }
}

function judgeCopy(file: TaskFile, path: RepoPath | undefined, copy: { uploadedAt: number } | { why: string }, runStartedAt: number | undefined): CopyCheck {
  if ('why' in copy) return { file, path, uploadedAt: undefined, stale: true, why: copy.why }
  const { uploadedAt } = copy
  if (runStartedAt === undefined) return { file, path, uploadedAt, stale: true, why: 'the run\'s start is unknown, so no copy can be known fresh' }
  return uploadedAt < runStartedAt ? { file, path, uploadedAt, stale: true, why: 'uploaded before this workflow run started' } : { file, path, uploadedAt, stale: false }
}
