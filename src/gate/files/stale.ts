/**
 * Stale copies. HSS scans the copy of a file it was given, not the checked-out commit. A copy
 * uploaded before this workflow run started cannot hold the pull request's change, so for every
 * scanned file the pull request changes (or that the gate cannot map, which counts as changed), the
 * gate reads when HSS got its copy (ListIacFiles `upload_file_time`, within that API's own budget)
 * and compares it with GitHub's `run_started_at` for this run: never with the step's own start (the
 * upload comes in an earlier step), and never with a commit's date (its author sets it). A file HSS
 * does not list, or a time the gate cannot read, counts as stale.
 */
import { clip } from '../../escape.ts'
import type { HssClient } from '../../hss/client.ts'
import { epochMs, isRecord } from '../../hss/fields.ts'
import type { IacFile } from '../../hss/models.ts'
import type { Changes } from '../../repo/changes.ts'
import type { Workspace } from '../../repo/workspace.ts'
import { PAGE_LIMIT, readListing, type ListingOptions } from '../paging/listing.ts'
import type { TaskFile } from './task-files.ts'

export interface CopyCheck {
  file: TaskFile
  /** Its workspace path, when it maps to one. */
  path: string | undefined
  /** When HSS got its copy; undefined when HSS does not list the file or the time is unreadable. */
  uploadedAt: number | undefined
  stale: boolean
  /** For a stale copy: why, in the action's own words (no server text). */
  why?: string
}

export interface StaleCopies {
  mode: 'fail' | 'warn'
  runStartedAt: number
  checks: CopyCheck[]
}

const SCAN_TYPES = ['cicd_scan', 'manual_scan'] as const

/** The task's files that the pull request changes (or that cannot be mapped), and whether HSS's copy of each is older than the run. */
export async function checkCopies(client: HssClient, files: readonly TaskFile[], changes: Changes | undefined, workspace: Workspace, runStartedAt: number, options: Omit<ListingOptions, 'maxRows'>): Promise<CopyCheck[]> {
  const checks: CopyCheck[] = []
  for (const file of files) {
    const match = workspace.resolve(file.name)
    const path = match.kind === 'found' ? match.path : undefined
    if (path && changes && !changes.files.has(path)) continue
    checks.push(await checkCopy(client, file, path, runStartedAt, options))
  }
  return checks
}

async function checkCopy(client: HssClient, file: TaskFile, path: string | undefined, runStartedAt: number, options: Omit<ListingOptions, 'maxRows'>): Promise<CopyCheck> {
  const times: number[] = []
  let unreadable = 0
  for (const scanType of SCAN_TYPES) {
    const listing = await readListing(
      (page, timeoutMs) => client.listIacFiles({ fileId: file.id, scanType }, page, timeoutMs),
      (items: readonly IacFile[]) => {
        for (const row of items) {
          if (!isRecord(row) || row.file_id !== file.id) continue
          const at = epochMs(row.upload_file_time)
          if (at === undefined) unreadable++
          else times.push(at)
        }
        return undefined
      },
      { ...options, limit: 10, maxRows: PAGE_LIMIT }
    )
    if (!listing.ok) {
      if (!listing.outOfTime) options.log(`Could not read when HSS got its copy of ${clip(file.name, 200)}: ${listing.why}`)
      return { file, path, uploadedAt: undefined, stale: true, why: listing.outOfTime ? 'its upload time could not be read before the time-out' : 'its upload time could not be read (ListIacFiles failed)' }
    }
    if (times.length || unreadable) break
  }
  if (unreadable) return { file, path, uploadedAt: undefined, stale: true, why: 'HSS sent an upload time the gate cannot read' }
  if (!times.length) return { file, path, uploadedAt: undefined, stale: true, why: 'HSS does not list the file it scanned' }
  // Two rows for one file: the older time rules, so that no doubt reads as fresh.
  const uploadedAt = Math.min(...times)
  return uploadedAt < runStartedAt ? { file, path, uploadedAt, stale: true, why: 'uploaded before this workflow run started' } : { file, path, uploadedAt, stale: false }
}
