/**
 * The checked-out repository (GITHUB_WORKSPACE), as the gate sees it: where a file HSS names lives,
 * and its text. A name maps to its exact relative path when that file exists; else to the one file
 * whose path ends with the most of the name's trailing segments (`/ci/build/services/api/Dockerfile`
 * → `services/api/Dockerfile`, `Dockerfile` → the only `Dockerfile`). When two files end equally
 * well, the gate does not guess. Only regular files inside the workspace count: no `..`, no symlink
 * that leads out, nothing under `.git`.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, posix, relative, sep } from 'node:path'

export type PathMatch =
  | { kind: 'found'; path: string }
  /** Several files match the name equally well: the risk stays at file level. */
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'missing' }

export interface Workspace {
  /** The workspace's real path, or undefined when there is none. */
  readonly root: string | undefined
  resolve(name: string): PathMatch
  /** A file's text (UTF-8), or undefined when it cannot be read or is larger than MAX_FILE_BYTES. */
  read(path: string): string | undefined
}

/** Files larger than this are not parsed for lines: no Dockerfile or manifest comes near it. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
/** The walk that finds files by their trailing segments stops after this many entries. */
export const MAX_WALK_ENTRIES = 200_000
/** Folders the walk does not enter. */
const SKIPPED = new Set(['.git', 'node_modules'])

export const noWorkspace: Workspace = { root: undefined, resolve: () => ({ kind: 'missing' }), read: () => undefined }

export function openWorkspace(directory: string | undefined): Workspace {
  if (!directory) return noWorkspace
  let root: string
  try {
    root = realpathSync(directory)
    if (!statSync(root).isDirectory()) return noWorkspace
  } catch {
    return noWorkspace
  }
  let byBase: Map<string, string[]> | undefined
  const cache = new Map<string, PathMatch>()

  /** A workspace-relative path of a regular file inside the root, or undefined. */
  const inside = (path: string): string | undefined => {
    try {
      const full = realpathSync(join(root, path))
      const rel = relative(root, full)
      if (!rel || rel.startsWith('..') || isAbsolute(rel) || !statSync(full).isFile()) return undefined
      const shown = rel.split(sep).join('/')
      return shown.split('/').includes('.git') ? undefined : shown
    } catch {
      return undefined
    }
  }

  return {
    root,
    resolve(name) {
      const known = cache.get(name)
      if (known) return known
      const segments = segmentsOf(name)
      let match: PathMatch = { kind: 'missing' }
      if (segments.length) {
        const exact = inside(segments.join('/'))
        if (exact) match = { kind: 'found', path: exact }
        else {
          byBase ??= indexByBasename(root)
          match = bestSuffix(segments, byBase.get(segments.at(-1) ?? '') ?? [])
          if (match.kind === 'found') match = inside(match.path) ? match : { kind: 'missing' }
        }
      }
      cache.set(name, match)
      return match
    },
    read(path) {
      const rel = inside(path)
      if (!rel) return undefined
      try {
        const full = join(root, rel)
        if (statSync(full).size > MAX_FILE_BYTES) return undefined
        return readFileSync(full, 'utf8')
      } catch {
        return undefined
      }
    }
  }
}

/**
 * A name's path segments, as a relative path: backslashes read as slashes, `.` and empty segments
 * dropped, and nothing at or above a `..` kept (so `../../x/Dockerfile` is `x/Dockerfile`).
 */
export function segmentsOf(name: string): string[] {
  const parts = name.trim().replace(/\\/g, '/').split('/')
  const kept: string[] = []
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      kept.length = 0
      continue
    }
    kept.push(part)
  }
  return kept
}

/** Of these paths (all with the name's base name), the one that shares the most trailing segments. */
export function bestSuffix(segments: readonly string[], candidates: readonly string[]): PathMatch {
  let best = 0
  let found: string[] = []
  for (const candidate of candidates) {
    const theirs = candidate.split('/')
    let shared = 0
    while (shared < segments.length && shared < theirs.length && segments[segments.length - 1 - shared] === theirs[theirs.length - 1 - shared]) shared++
    if (shared > best) {
      best = shared
      found = [candidate]
    } else if (shared === best && shared > 0) found.push(candidate)
  }
  if (found.length === 1 && found[0]) return { kind: 'found', path: found[0] }
  if (found.length > 1) return { kind: 'ambiguous', candidates: found.sort().slice(0, 5) }
  return { kind: 'missing' }
}

/** Every regular file under the root, by base name (symlinks are not followed; `.git` is skipped). */
function indexByBasename(root: string): Map<string, string[]> {
  const index = new Map<string, string[]>()
  const stack = ['']
  let seen = 0
  while (stack.length && seen < MAX_WALK_ENTRIES) {
    const dir = stack.pop() ?? ''
    let entries
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of entries) {
      if (++seen > MAX_WALK_ENTRIES) break
      const path = dir ? posix.join(dir, entry.name) : entry.name
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) stack.push(path)
      else if (entry.isFile()) index.set(entry.name, [...(index.get(entry.name) ?? []), path])
    }
  }
  return index
}

/** The commit checked out in the workspace (a detached HEAD, as actions/checkout leaves it), if it can be read. */
export function checkedOutCommit(root: string | undefined): string | undefined {
  if (!root) return undefined
  try {
    if (!lstatSync(join(root, '.git')).isDirectory()) return undefined
    const head = readFileSync(join(root, '.git', 'HEAD'), 'utf8').trim()
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(head) ? head : undefined
  } catch {
    return undefined
  }
}
