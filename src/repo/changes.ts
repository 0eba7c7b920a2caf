/**
 * What a pull request adds or changes: its files, and in each the lines of the new version that its
 * diff adds, and where it deletes lines. Where the gate cannot tell, every line counts as changed: a
 * file the pull request adds, copies or renames, and a patch that is missing, empty or cannot be
 * read (no hunk header, an odd one, counts that do not add up, a line that is no diff line).
 */
import { repoPath, type RepoPath } from './repo-path.ts'

export interface LineRange {
  line: number
  endLine: number
}

export interface ChangedFile {
  path: RepoPath
  /** The new version's line numbers that the pull request adds or changes; `all` when every line counts. */
  lines: ReadonlySet<number> | 'all'
  /** Where it deletes lines: `n` when deleted lines stood just before line n of the new version (one past the last line at the end). */
  deletions: ReadonlySet<number>
}

export interface Changes {
  /** By repository path. */
  files: ReadonlyMap<RepoPath, ChangedFile>
}

/** One file as GitHub's "list pull request files" shows it. */
export interface PullFile {
  filename: string
  status: string
  patch?: string
  previous_filename?: string
}

/** Statuses whose every line counts as changed: the file is new where it stands. */
const EVERY_LINE = new Set(['added', 'copied', 'renamed'])

/** The pull request's changes; a string says why they cannot be known (a file name that is no repository path). */
export function changesOf(files: readonly PullFile[]): Changes | string {
  const out = new Map<RepoPath, ChangedFile>()
  for (const file of files) {
    // A removed file is not in the checkout: no risk of it can be found there.
    if (file.status === 'removed' || file.status === 'unchanged') continue
    const path = repoPath(file.filename)
    if (!path) return `GitHub lists a changed file whose name is not a repository path (${JSON.stringify(file.filename.slice(0, 80))})`
    const read = EVERY_LINE.has(file.status) || file.patch === undefined ? undefined : readPatch(file.patch)
    out.set(path, read ? { path, lines: read.added, deletions: read.deletions } : { path, lines: 'all', deletions: new Set() })
  }
  return { files: out }
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(?: .*)?$/

/**
 * A unified diff's added lines (new-side numbers) and deletion points, or undefined when it cannot be
 * read closed: it must be hunks only, each line a context (` `), added (`+`) or removed (`-`) line or
 * a `\ No newline` mark, with exactly the counts its header gives, the hunks in order.
 */
export function readPatch(patch: string): { added: Set<number>; deletions: Set<number> } | undefined {
  const lines = patch.split('\n')
  if (lines.at(-1) === '') lines.pop()
  if (!lines.length) return undefined
  const added = new Set<number>()
  const deletions = new Set<number>()
  let oldLeft = 0
  let newLeft = 0
  let next = 0
  let lastEnd = 0
  for (const line of lines) {
    if (oldLeft === 0 && newLeft === 0) {
      // `\ No newline at end of file` may follow a hunk's last line.
      if (line.startsWith('\\') && next > 0) continue
      const hunk = HUNK.exec(line)
      if (!hunk) return undefined
      const [, , oldCount = '1', newStart = '0', newCount = '1'] = hunk
      oldLeft = Number(oldCount)
      newLeft = Number(newCount)
      // An empty new side names the line before it.
      next = newLeft === 0 ? Number(newStart) + 1 : Number(newStart)
      if (next < lastEnd || (oldLeft === 0 && newLeft === 0)) return undefined
      continue
    }
    const kind = line[0]
    if (kind === '+' && newLeft > 0) {
      added.add(next++)
      newLeft--
    } else if (kind === '-' && oldLeft > 0) {
      deletions.add(next)
      oldLeft--
    } else if ((kind === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
      next++
      oldLeft--
      newLeft--
    } else if (kind !== '\\') return undefined
    lastEnd = next
  }
  return oldLeft === 0 && newLeft === 0 ? { added, deletions } : undefined
}

/** The new-side line numbers a diff adds (what readPatch reads; empty when it cannot be read). */
export function addedLines(patch: string): Set<number> {
  return readPatch(patch)?.added ?? new Set()
}

/** Whether the pull request adds or changes a line of `range`, or deletes one inside it. */
export function touches(file: ChangedFile, range: LineRange): boolean {
  if (file.lines === 'all') return true
  for (let n = range.line; n <= range.endLine; n++) if (file.lines.has(n) || (n > range.line && file.deletions.has(n))) return true
  return false
}

/**
 * Whether the pull request adds a line to `unit` (a Dockerfile stage, a YAML resource) or deletes one
 * from it, its edges included: a deletion just before its first line or just after its last counts.
 */
export function touchesUnit(file: ChangedFile, unit: LineRange): boolean {
  if (file.lines === 'all') return true
  for (let n = unit.line; n <= unit.endLine + 1; n++) if ((n <= unit.endLine && file.lines.has(n)) || file.deletions.has(n)) return true
  return false
}
