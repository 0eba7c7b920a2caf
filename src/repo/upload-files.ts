/**
 * Which files of the checkout `upload-files` names. Every entry of the checked-out tree is matched
 * by its repository path (picomatch; `*` and `**` do not match a name that starts with a dot unless
 * the pattern spells the dot out); a path is chosen when a pattern names it and no `!` pattern does.
 * Only regular files (or links to one inside the checkout) are sent: a directory, a link that leads
 * out, and an empty file are skipped with why, for a warning. Patterns that match nothing, and files
 * over HSS's limit, are what the gate refuses before any request.
 */
import picomatch from 'picomatch'
import type { UploadPattern } from '../inputs/upload.ts'
import type { Checkout, TreeEntry } from './checkout.ts'
import type { RepoPath } from './repo-path.ts'
import { statSync } from 'node:fs'
import { join } from 'node:path'

export interface MatchedFile {
  path: RepoPath
  bytes: number
}

export interface UploadMatch {
  /** The files to upload, in path order. */
  files: MatchedFile[]
  /** Matches that are not sent, with why. */
  skipped: { path: RepoPath; why: string }[]
  /** Patterns (as written) that match no entry of the checkout. */
  unmatched: string[]
  /** Files larger than `maxBytes`. */
  tooLarge: MatchedFile[]
  /** False when the checkout was too large to walk whole. */
  complete: boolean
}

export function matchUploadFiles(checkout: Checkout, patterns: readonly UploadPattern[], maxBytes: number): UploadMatch {
  const tree = checkout.tree()
  const include = patterns.filter((p) => !p.exclude).map((p) => ({ pattern: p, test: picomatch(p.glob, { dot: false }) }))
  const exclude = patterns.filter((p) => p.exclude).map((p) => picomatch(p.glob, { dot: false }))
  const hit = new Set<string>()
  const chosen: TreeEntry[] = []
  for (const entry of tree.entries) {
    let named = false
    for (const { pattern, test } of include) {
      if (!test(entry.path)) continue
      hit.add(pattern.text)
      named = true
    }
    if (named && !exclude.some((test) => test(entry.path))) chosen.push(entry)
  }
  chosen.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const match: UploadMatch = { files: [], skipped: [], unmatched: include.filter(({ pattern }) => !hit.has(pattern.text)).map(({ pattern }) => pattern.text), tooLarge: [], complete: tree.complete }
  for (const entry of chosen) {
    const why = SKIPPED_KINDS[entry.kind]
    if (why) {
      match.skipped.push({ path: entry.path, why })
      continue
    }
    const bytes = sizeOf(checkout, entry.path)
    if (bytes === undefined) match.skipped.push({ path: entry.path, why: 'it cannot be read' })
    else if (bytes === 0) match.skipped.push({ path: entry.path, why: 'it is empty' })
    else if (bytes > maxBytes) match.tooLarge.push({ path: entry.path, bytes })
    else match.files.push({ path: entry.path, bytes })
  }
  return match
}

const SKIPPED_KINDS: Record<TreeEntry['kind'], string | undefined> = {
  file: undefined,
  'link-file': undefined,
  dir: 'it is a directory',
  'link-dir': 'it is a link to a directory',
  'link-out': 'it is a link that leads out of the checkout',
  'link-broken': 'it is a link that leads nowhere',
  other: 'it is not a regular file'
}

/** The size of the file a path names (through a link inside the checkout), or undefined. */
function sizeOf(checkout: Checkout, path: RepoPath): number | undefined {
  if (!checkout.root) return undefined
  try {
    return statSync(join(checkout.root, path)).size
  } catch {
    return undefined
  }
}
