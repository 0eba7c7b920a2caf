/**
 * `upload-files`: the pull request's files reach HSS in this run, so that the scan judges the change
 * itself. Before any request, the patterns are matched in the checkout, and what needs no request is
 * refused as a configuration error (a pattern that matches nothing, a file over 1 MB). On a pull
 * request with `fail-on-risk-scope` other than `all`, only the files it adds or changes are sent: no
 * other file can break the gate. The files go in requests of at most 10 with distinct base names
 * (plan.ts), paced within the upload API's own budget. An upload makes copies, never a scan, so it is
 * repeated after 429, connection failures and 5xx. Each file's id comes from the answer to the
 * request that sent it (answer.ts), so every finding in it sits on the exact path that was sent.
 */
import { HssError, InputError } from '../../errors.ts'
import { clip } from '../../escape.ts'
import type { HssClient } from '../../hss/client.ts'
import type { FileType } from '../../inputs/task.ts'
import type { UploadPattern } from '../../inputs/upload.ts'
import type { Changes } from '../../repo/changes.ts'
import type { Checkout } from '../../repo/checkout.ts'
import { baseName, type RepoPath } from '../../repo/repo-path.ts'
import type { MatchedFile } from '../../repo/upload-files.ts'
import type { Pacer } from '../paging/pace.ts'
import { describeFailure, retryTransient, type RetryContext } from '../paging/retry.ts'
import { readUploadAnswer, type RefusedFile } from './answer.ts'
import { planRequests } from './plan.ts'

/** HSS's limit for one uploaded file (1 MB, as the SDK models say: 1,048,576 bytes). */
export const MAX_UPLOAD_BYTES = 1024 * 1024

export interface UploadedFile {
  path: RepoPath
  fileId: string
}

/** What the upload did, for the outputs and the summary. */
export interface UploadReport {
  /** Files the patterns matched. */
  matched: number
  /** Of those, files the pull request leaves alone, not sent (its scope is not `all`). */
  unchanged: number
  /** Matches that are not files to send (a directory, a link out, an empty file), with why. */
  skipped: { path: RepoPath; why: string }[]
  /** The files uploaded, in path order. */
  uploaded: UploadedFile[]
  requests: number
  /** Set when the time-out came before every file was uploaded: how many of how many were. */
  outOfTime?: { uploaded: number; total: number; lastError?: string }
}

/** The files to send, found in the checkout before any request. */
export interface UploadSelection {
  files: MatchedFile[]
  skipped: UploadReport['skipped']
}

/**
 * HSS did not take the files: it refused some (and so kept none of that request), refused the
 * request, or answered in a way that does not say which copy is which. No scan is started, and
 * soft-fail does not soften it.
 */
export class UploadError extends Error {
  override name = 'UploadError'
  /** The files HSS refused, with its reasons (a `fail_file_info` answer). */
  readonly refused: readonly RefusedFile[]
  /** The refusal of the request itself (a 404 APIGW.0101: no such API in this region). */
  readonly failure: HssError | undefined
  /** Files earlier requests uploaded (HSS keeps those copies). */
  readonly uploaded: readonly UploadedFile[]
  constructor(message: string, details: { refused?: RefusedFile[]; failure?: HssError; uploaded: UploadedFile[] }) {
    super(message)
    this.refused = details.refused ?? []
    this.failure = details.failure
    this.uploaded = details.uploaded
  }
}

/**
 * Matches the patterns in the checkout. Throws an InputError naming the patterns that match nothing,
 * the files over 1 MB, or a checkout that cannot be told.
 */
export async function selectUploads(checkout: Checkout, patterns: readonly UploadPattern[]): Promise<UploadSelection> {
  if (!checkout.root) {
    const why = checkout.problem ?? (checkout.workspace ? 'no checkout was found' : 'GITHUB_WORKSPACE is not set: there is no checkout')
    throw new InputError('upload-files', undefined, `cannot be matched: ${why}. Check out the repository (actions/checkout) before this step`)
  }
  // The glob matcher loads with the other repository readers, only when there are files to upload.
  const { matchUploadFiles } = await import('../repo-readers.ts')
  const found = matchUploadFiles(checkout, patterns, MAX_UPLOAD_BYTES)
  if (!found.complete) throw new InputError('upload-files', undefined, `cannot be matched: the checkout has more entries than the gate walks. Upload fewer files, or give their ids in file-ids`)
  if (found.unmatched.length) {
    const list = found.unmatched.map((p) => JSON.stringify(p)).join(', ')
    throw new InputError('upload-files', undefined, `has ${found.unmatched.length === 1 ? 'a pattern that matches' : 'patterns that match'} nothing in the checkout: ${list}${checkout.rootInWorkspace ? ` (patterns are relative to the checkout's root, ${checkout.rootInWorkspace}/)` : ''}`)
  }
  if (found.tooLarge.length) {
    const list = found.tooLarge.slice(0, 5).map((f) => `${f.path} (${f.bytes.toLocaleString('en-US')} bytes)`).join(', ')
    throw new InputError('upload-files', undefined, `names ${found.tooLarge.length === 1 ? 'a file' : `${found.tooLarge.length} files`} larger than HSS takes (1 MB, 1,048,576 bytes): ${list}${found.tooLarge.length > 5 ? ', …' : ''}. Exclude ${found.tooLarge.length === 1 ? 'it' : 'them'} with a pattern that starts with !`)
  }
  if (!found.files.length) {
    const why = found.skipped.length ? `: ${found.skipped.slice(0, 3).map((s) => `${s.path}: ${s.why}`).join('; ')}` : ''
    throw new InputError('upload-files', undefined, `matches no file to upload (the ! patterns exclude every match, or no match is a file${why})`)
  }
  return { files: found.files, skipped: found.skipped }
}

/** The files the pull request adds or changes; every file when `changes` is undefined (not a pull request, scope all, or GitHub did not list them all). */
export function changedOnly<T extends { path: RepoPath }>(files: readonly T[], changes: Changes | undefined): T[] {
  return changes ? files.filter((file) => changes.files.has(file.path)) : [...files]
}

export interface UploadContext extends RetryContext {
  /** Paces BatchUploadFiles, which has its own budget. */
  pacer: Pacer
}

/** Uploads the files; resolves with what was uploaded (and, when the time ran out, how far it got), or throws UploadError. */
export async function uploadFiles(client: HssClient, fileType: FileType, files: readonly MatchedFile[], checkout: Checkout, ctx: UploadContext): Promise<Omit<UploadReport, 'matched' | 'unchanged' | 'skipped'>> {
  const requests = planRequests(files)
  const uploaded: UploadedFile[] = []
  const taken = new Set<string>()
  const outOfTime = (lastError?: string) => ({ uploaded: sortedByPath(uploaded), requests: requests.length, outOfTime: { uploaded: uploaded.length, total: files.length, ...(lastError ? { lastError } : {}) } })
  for (const [index, request] of requests.entries()) {
    if (ctx.clock.now() >= ctx.deadline || !(await ctx.pacer.wait(ctx.deadline, ctx.signal))) return outOfTime()
    const parts = request.map((file) => {
      const read = checkout.readBytes(file.path, MAX_UPLOAD_BYTES)
      if (read.kind !== 'bytes') throw new InputError('upload-files', undefined, `names ${file.path}, which cannot be read now: ${read.kind === 'missing' ? 'it is gone' : read.why}`)
      return { name: baseName(file.path), content: read.bytes }
    })
    const paths = request.map((file) => file.path)
    let answer
    try {
      answer = await retryTransient((timeoutMs) => client.batchUploadFiles(fileType, parts, timeoutMs), ctx)
    } catch (error) {
      if (error instanceof HssError) throw new UploadError(`HSS did not take the files: ${error.message}`, { failure: error, uploaded: sortedByPath(uploaded) })
      throw error
    } finally {
      ctx.pacer.settle()
    }
    if (!answer.ok) return outOfTime(describeFailure(answer.error))
    const reading = readUploadAnswer(paths, answer.value, taken)
    const which = requests.length > 1 ? ` (request ${index + 1} of ${requests.length})` : ''
    if (!reading.ok && 'refused' in reading) {
      const named = reading.refused.map((r) => `${r.path ?? JSON.stringify(r.name)}: ${r.reason}`).join('; ')
      throw new UploadError(`HSS refused ${reading.refused.length === 1 ? 'a file' : `${reading.refused.length} files`} of the upload${which}, and so kept none of its ${paths.length} ${paths.length === 1 ? 'file' : 'files'}: ${named}. No scan was started`, { refused: reading.refused, uploaded: sortedByPath(uploaded) })
    }
    if (!reading.ok) throw new UploadError(`HSS's answer to the upload${which} cannot be read: ${reading.unreadable}. No scan was started`, { uploaded: sortedByPath(uploaded) })
    for (const path of paths) {
      const id = reading.ids.get(path) ?? ''
      taken.add(id)
      uploaded.push({ path, fileId: id })
    }
    ctx.log(`Uploaded ${paths.length} ${fileType} ${paths.length === 1 ? 'file' : 'files'} to HSS${which}: ${paths.map((path) => clip(path, 120)).join(', ')}`)
  }
  return { uploaded: sortedByPath(uploaded), requests: requests.length }
}

function sortedByPath(files: readonly UploadedFile[]): UploadedFile[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
