/**
 * What a pull request adds or changes: its files, and in each the lines of the new version that its
 * diff adds. A file whose diff GitHub does not show (too large, binary), and a renamed file, count
 * as changed in every line: when the gate cannot tell, a risk counts as new.
 */
import { repoPath, type RepoPath } from './repo-path.ts'

export interface ChangedFile {
  path: RepoPath
  /** The new version's line numbers that the pull request adds or changes; `all` when every line counts. */
  lines: ReadonlySet<number> | 'all'
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

/** The pull request's changes; a string says why they cannot be known (a file name that is no repository path). */
export function changesOf(files: readonly PullFile[]): Changes | string {
  const out = new Map<RepoPath, ChangedFile>()
  for (const file of files) {
    // A removed file is not in the checkout: no risk of it can be found there.
    if (file.status === 'removed' || file.status === 'unchanged') continue
    const path = repoPath(file.filename)
    if (!path) return `GitHub lists a changed file whose name is not a repository path (${JSON.stringify(file.filename.slice(0, 80))})`
    const lines = file.status === 'renamed' || file.patch === undefined ? 'all' : addedLines(file.patch)
    out.set(path, { path, lines })
  }
  return { files: out }
}

/** The new-side line numbers of a unified diff's `+` lines. */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>()
  let next = 0
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line)
    if (hunk) {
      next = Number(hunk[1])
      continue
    }
    if (next === 0) continue
    if (line.startsWith('+')) lines.add(next++)
    else if (line.startsWith(' ') || line === '') next++
    // `-` lines are gone from the new version; `\ No newline at end of file` is no line.
  }
  return lines
}

/** Whether any line of `line`–`endLine` of `path` is one the pull request changes. */
export function touches(changes: Changes, path: RepoPath, line: number | undefined, endLine: number | undefined): boolean {
  const file = changes.files.get(path)
  if (!file) return false
  if (file.lines === 'all' || line === undefined) return true
  for (let n = line; n <= (endLine ?? line); n++) if (file.lines.has(n)) return true
  return false
}
