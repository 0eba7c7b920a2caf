/**
 * The checked-out repository, as the gate sees it. Its root is the checkout's own: the git top level
 * inside the workspace (a sub-folder when actions/checkout was given `path:`), or the workspace when
 * it holds no git checkout; every path it gives is a repository path from that root, as GitHub names
 * a pull request's files. It maps the name HSS gives a file to the one file it can be, and reads files.
 *
 * A name maps to the file whose path fits it best: one of the two is the ending of the other (HSS may
 * keep the uploader's whole path, or only the base name), and the longest such ending wins when it is
 * unique. Two files that fit equally well (a root `Dockerfile` and `app/Dockerfile` for the name
 * `Dockerfile`) are ambiguous: the gate never guesses. A link keeps its own path (the pull request
 * names the link, not what it points at), is read only when it leads to a file inside the root, and
 * is never named when it leads out. Nothing under `.git` or `node_modules` counts.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, sep } from 'node:path'
import { baseName, repoPath, segmentsOf, type RepoPath } from './repo-path.ts'

export type PathMatch =
  | { kind: 'found'; path: RepoPath }
  /** Several files fit the name equally well (or the tree was too large to search): the risk stays at file level. */
  | { kind: 'ambiguous'; candidates: RepoPath[]; why?: string }
  /** No file fits; `outside` when the one that fits is a link that leads out of the checkout. */
  | { kind: 'missing'; outside?: boolean }

/** A file's text, or why it has none: missing, or refused (a directory, a link out, too large). */
export type FileText = { kind: 'text'; text: string } | NoFile
/** A file's bytes (what an upload sends), or why it has none. */
export type FileBytes = { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer> } | NoFile
export type NoFile = { kind: 'missing' } | { kind: 'refused'; why: string }

/** One entry of the checked-out tree. A link is classified by where it leads; it is never followed into a directory. */
export interface TreeEntry {
  path: RepoPath
  kind: 'file' | 'dir' | 'link-file' | 'link-dir' | 'link-out' | 'link-broken' | 'other'
}

export interface Tree {
  entries: readonly TreeEntry[]
  /** False when the walk stopped at MAX_WALK_ENTRIES. */
  complete: boolean
}

export interface Checkout {
  /** The workspace's real path (GITHUB_WORKSPACE), or undefined when there is none. */
  readonly workspace: string | undefined
  /** The checkout's root (its real path), or undefined when there is none or it cannot be told. */
  readonly root: string | undefined
  /** Where the root is inside the workspace (`src` for actions/checkout's `path: src`); '' when it is the workspace. */
  readonly rootInWorkspace: string
  /** Why there is no root although there is a workspace (several checkouts, none of them the commit). */
  readonly problem: string | undefined
  resolve(name: string): PathMatch
  read(path: RepoPath, maxBytes?: number): FileText
  readBytes(path: RepoPath, maxBytes: number): FileBytes
  /** Every entry under the root (walked once, on first use). */
  tree(): Tree
}

/** Files larger than this are not read for lines: no Dockerfile or manifest comes near it. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
/** The walk of the tree stops after this many entries. */
export const MAX_WALK_ENTRIES = 200_000
/** Folders the walks do not enter. */
const SKIPPED = new Set(['.git', 'node_modules'])
/** How deep below the workspace a checkout (actions/checkout's `path:`) is looked for. */
const CHECKOUT_DEPTH = 4

export const noCheckout: Checkout = {
  workspace: undefined,
  root: undefined,
  rootInWorkspace: '',
  problem: undefined,
  resolve: () => ({ kind: 'missing' }),
  read: () => ({ kind: 'missing' }),
  readBytes: () => ({ kind: 'missing' }),
  tree: () => ({ entries: [], complete: true })
}

/** `sha`: the commit the run is for (GITHUB_SHA), which picks one checkout when the workspace holds several. */
export function openCheckout(directory: string | undefined, sha?: string): Checkout {
  if (!directory) return noCheckout
  let workspace: string
  try {
    workspace = realpathSync(directory)
    if (!statSync(workspace).isDirectory()) return noCheckout
  } catch {
    return noCheckout
  }
  const found = checkoutRoot(workspace, sha)
  if ('problem' in found) return { ...noCheckout, workspace, problem: found.problem }
  const root = found.root
  let tree: Tree | undefined
  let byBase: Map<string, TreeEntry[]> | undefined
  const cache = new Map<string, PathMatch>()
  const walked = (): Tree => (tree ??= walk(root))

  return {
    workspace,
    root,
    rootInWorkspace: relative(workspace, root).split(sep).join('/'),
    problem: undefined,
    tree: walked,
    resolve(name) {
      const known = cache.get(name)
      if (known) return known
      // A name that climbs out (`../x/Dockerfile`) is a file outside the uploader's tree: never one of the checkout's.
      if (name.replace(/\\/g, '/').split('/').includes('..')) return { kind: 'missing', outside: true }
      const segments = segmentsOf(name)
      byBase ??= indexByBase(walked().entries)
      const match = segments.length ? bestFit(segments, byBase.get(segments.at(-1) ?? '') ?? [], walked().complete) : { kind: 'missing' as const }
      cache.set(name, match)
      return match
    },
    read(path, maxBytes = MAX_FILE_BYTES) {
      const read = readInside(root, path, maxBytes)
      return read.kind === 'bytes' ? { kind: 'text', text: Buffer.from(read.bytes).toString('utf8') } : read
    },
    readBytes: (path, maxBytes) => readInside(root, path, maxBytes)
  }
}

/** The repository path HSS's name maps to, or why it maps to none (in the action's own words). */
export function placeOf(checkout: Checkout, name: string): { path: RepoPath } | { note: string } {
  const match = checkout.resolve(name)
  if (match.kind === 'found') return { path: match.path }
  if (match.kind === 'ambiguous') return { note: match.why ? `${match.why}, so the gate does not guess` : `the name fits ${match.candidates.length} files in the checkout equally well, so the gate does not guess` }
  if (match.outside) return { note: 'HSS names a file outside the checkout (a link that leads out, or a path through ..)' }
  return { note: checkout.root ? 'the file is not in the checkout' : checkout.problem ? `no checkout: ${checkout.problem}` : 'no repository was checked out' }
}

/**
 * Of the entries with the name's base name, the one whose path fits it best (see the top of this
 * file). Directories never fit; a link that leads out fits (so that it makes a tie) but is never named.
 */
export function bestFit(segments: readonly string[], candidates: readonly TreeEntry[], complete = true): PathMatch {
  let best = 0
  let found: TreeEntry[] = []
  for (const candidate of candidates) {
    if (candidate.kind === 'dir' || candidate.kind === 'link-dir') continue
    const theirs = candidate.path.split('/')
    let shared = 0
    while (shared < segments.length && shared < theirs.length && segments[segments.length - 1 - shared] === theirs[theirs.length - 1 - shared]) shared++
    if (shared < Math.min(segments.length, theirs.length)) continue
    if (shared > best) {
      best = shared
      found = [candidate]
    } else if (shared === best) found.push(candidate)
  }
  const paths = found.map((entry) => entry.path).sort()
  if (!complete) return { kind: 'ambiguous', candidates: paths.slice(0, 5), why: `the checkout has more than ${MAX_WALK_ENTRIES.toLocaleString('en-US')} entries, too many to search` }
  if (found.length > 1) return { kind: 'ambiguous', candidates: paths.slice(0, 5) }
  const only = found[0]
  if (!only) return { kind: 'missing' }
  return only.kind === 'file' || only.kind === 'link-file' ? { kind: 'found', path: only.path } : { kind: 'missing', outside: true }
}

function indexByBase(entries: readonly TreeEntry[]): Map<string, TreeEntry[]> {
  const index = new Map<string, TreeEntry[]>()
  for (const entry of entries) {
    const base = baseName(entry.path)
    const list = index.get(base)
    if (list) list.push(entry)
    else index.set(base, [entry])
  }
  return index
}

/** Every entry under the root, by repository path; links are classified, never entered. */
function walk(root: string): Tree {
  const entries: TreeEntry[] = []
  const stack = ['']
  while (stack.length) {
    const dir = stack.pop() ?? ''
    let listed
    try {
      listed = readdirSync(join(root, dir), { withFileTypes: true })
    } catch {
      continue
    }
    for (const entry of listed) {
      if (SKIPPED.has(entry.name)) continue
      const path = repoPath(dir ? `${dir}/${entry.name}` : entry.name)
      if (!path) continue
      if (entries.length >= MAX_WALK_ENTRIES) return { entries, complete: false }
      if (entry.isDirectory()) {
        entries.push({ path, kind: 'dir' })
        stack.push(path)
      } else if (entry.isFile()) entries.push({ path, kind: 'file' })
      else if (entry.isSymbolicLink()) entries.push({ path, kind: linkKind(root, path) })
      else entries.push({ path, kind: 'other' })
    }
  }
  return { entries, complete: true }
}

function linkKind(root: string, path: string): TreeEntry['kind'] {
  try {
    const target = realpathSync(join(root, path))
    if (!isInside(root, target)) return 'link-out'
    const stat = statSync(target)
    return stat.isFile() ? 'link-file' : stat.isDirectory() ? 'link-dir' : 'link-broken'
  } catch {
    return 'link-broken'
  }
}

/** A file's bytes, read only when it is a regular file inside the root (through links that stay inside), not under `.git`. */
function readInside(root: string, path: RepoPath, maxBytes: number): FileBytes {
  if (path.split('/').includes('.git')) return { kind: 'refused', why: 'it is inside .git' }
  const full = join(root, path)
  let target: string
  try {
    lstatSync(full)
    target = realpathSync(full)
  } catch (error) {
    return (error as { code?: string }).code === 'ENOENT' || (error as { code?: string }).code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'refused', why: 'it cannot be read' }
  }
  if (!isInside(root, target)) return { kind: 'refused', why: 'it is a link that leads out of the checkout' }
  try {
    const stat = statSync(target)
    if (stat.isDirectory()) return { kind: 'refused', why: 'it is a directory' }
    if (!stat.isFile()) return { kind: 'refused', why: 'it is not a regular file' }
    if (stat.size > maxBytes) return { kind: 'refused', why: `it is larger than ${formatBytes(maxBytes)}` }
    const buffer = readFileSync(target)
    // A copy of its own: the bytes a request sends must not share a pooled buffer.
    return { kind: 'bytes', bytes: new Uint8Array(buffer) }
  } catch {
    return { kind: 'refused', why: 'it cannot be read' }
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : bytes >= 1024 && bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes.toLocaleString('en-US')} bytes`
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The checkout's root: the workspace when it is a git checkout or holds none; else the one git
 * checkout below it (actions/checkout's `path:`), or, of several, the one at `sha`.
 */
function checkoutRoot(workspace: string, sha: string | undefined): { root: string } | { problem: string } {
  if (hasGit(workspace)) return { root: workspace }
  const found: string[] = []
  let level = [workspace]
  let seen = 0
  for (let depth = 1; depth <= CHECKOUT_DEPTH && level.length && seen < 20_000; depth++) {
    const next: string[] = []
    for (const dir of level) {
      let listed
      try {
        listed = readdirSync(dir, { withFileTypes: true })
      } catch {
        continue
      }
      for (const entry of listed) {
        if (!entry.isDirectory() || SKIPPED.has(entry.name) || ++seen > 20_000) continue
        const child = join(dir, entry.name)
        if (hasGit(child)) found.push(child)
        else next.push(child)
      }
    }
    level = next
  }
  if (found.length === 0) return { root: workspace }
  if (found.length === 1) return { root: found[0] ?? workspace }
  const atSha = sha ? found.filter((dir) => checkedOutCommit(dir) === sha) : []
  if (atSha.length === 1) return { root: atSha[0] ?? workspace }
  const names = found.map((dir) => relative(workspace, dir).split(sep).join('/')).sort()
  return { problem: `the workspace holds ${found.length} git checkouts (${names.slice(0, 5).join(', ')})${sha ? `, and not exactly one of them is at ${sha.slice(0, 12)}` : ''}, so the gate cannot tell which one HSS's files come from` }
}

function hasGit(dir: string): boolean {
  try {
    const stat = lstatSync(join(dir, '.git'))
    return stat.isDirectory() || stat.isFile()
  } catch {
    return false
  }
}

/** The commit checked out at `root` (detached, as actions/checkout leaves it, or on a branch), if it can be read. */
export function checkedOutCommit(root: string | undefined): string | undefined {
  if (!root) return undefined
  try {
    let git = join(root, '.git')
    if (lstatSync(git).isFile()) {
      // A worktree or submodule: `.git` is a file that says where the git directory is.
      const pointer = /^gitdir:\s*(.+)$/m.exec(readFileSync(git, 'utf8'))?.[1]?.trim()
      if (!pointer) return undefined
      git = isAbsolute(pointer) ? pointer : join(root, pointer)
    }
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim()
    const ref = /^ref:\s*(refs\/[\w./-]+)$/.exec(head)?.[1]
    const sha = ref ? refCommit(git, ref) : head
    return sha && /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha) ? sha : undefined
  } catch {
    return undefined
  }
}

function refCommit(git: string, ref: string): string | undefined {
  if (ref.split('/').includes('..')) return undefined
  try {
    return readFileSync(join(git, ref), 'utf8').trim()
  } catch {
    try {
      return readFileSync(join(git, 'packed-refs'), 'utf8').split('\n').find((line) => line.endsWith(` ${ref}`))?.split(' ')[0]
    } catch {
      return undefined
    }
  }
}
