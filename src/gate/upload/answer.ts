/**
 * BatchUploadFiles' answer, read closed. HSS keeps all of a request's files or none: any
 * `fail_file_info` row means none was kept (the ids beside it are unusable). Otherwise every file
 * sent must get exactly one id: a row per file, named by the file's base name (or the name sent), with
 * an id that follows the rules of every id from a server and that no other file has. Anything else
 * (a missing, repeated or foreign row) is unreadable: the gate cannot tell which copy is which.
 */
import { clip } from '../../escape.ts'
import { fileId, isRecord, text } from '../../hss/fields.ts'
import type { UploadAnswer } from '../../hss/models.ts'
import { baseName, segmentsOf, type RepoPath } from '../../repo/repo-path.ts'

export interface RefusedFile {
  /** The file sent, when HSS's name is one of this request's. */
  path: RepoPath | undefined
  /** The name HSS gave, clipped. */
  name: string
  /** HSS's reason, clipped. */
  reason: string
}

export type UploadReading = { ok: true; ids: Map<RepoPath, string> } | { ok: false; refused: RefusedFile[] } | { ok: false; unreadable: string }

/** `taken`: ids earlier requests of this run were given. */
export function readUploadAnswer(sent: readonly RepoPath[], answer: UploadAnswer, taken: ReadonlySet<string>): UploadReading {
  const byName = new Map(sent.map((path) => [baseName(path), path]))
  const sentFile = (name: string): RepoPath | undefined => byName.get(segmentsOf(name).at(-1) ?? '')
  if (answer.failed.length) {
    return {
      ok: false,
      refused: answer.failed.map((row) => {
        const name = isRecord(row) ? (text(row.file_name) ?? '') : ''
        const reason = isRecord(row) ? (text(row.fail_reason) ?? '') : ''
        return { path: sentFile(name), name: clip(name, 200), reason: clip(reason, 300) || 'no reason given' }
      })
    }
  }
  const ids = new Map<RepoPath, string>()
  const seen = new Set<string>()
  for (const row of answer.succeeded) {
    if (!isRecord(row)) return { ok: false, unreadable: 'a row of success_file_info is not an object' }
    const name = text(row.file_name) ?? ''
    const path = sentFile(name)
    if (!path) return { ok: false, unreadable: `it names a file that was not sent (${JSON.stringify(clip(name, 120))})` }
    if (ids.has(path)) return { ok: false, unreadable: `it names ${path} twice` }
    const id = fileId(row.file_id)
    if (!id) return { ok: false, unreadable: `the file_id of ${path} is not an id (letters, digits, ., :, - and _, at most 128)` }
    if (seen.has(id) || taken.has(id)) return { ok: false, unreadable: `it gives ${path} an id that another file has` }
    seen.add(id)
    ids.set(path, id)
  }
  const missing = sent.filter((path) => !ids.has(path))
  if (missing.length) return { ok: false, unreadable: `it gives no id for ${missing.length} of the ${sent.length} files sent (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''})` }
  return { ok: true, ids }
}
