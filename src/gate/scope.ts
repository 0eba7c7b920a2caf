/**
 * Which files and findings a pull request's changes touch: what `fail-on-risk-scope` and the
 * stale-copies check both go by. Where the gate cannot tell, a file counts as changed: one it cannot
 * place in the checkout, and one whose name HSS gives, or whose path it maps to, is a file the pull
 * request adds or changes (either may be the name GitHub uses).
 */
import type { Changes } from '../repo/changes.ts'
import { pathOfName, type RepoPath } from '../repo/repo-path.ts'

/** `changes` undefined: every file counts as changed (not a pull request, or GitHub did not list them all). */
export function changedFile(changes: Changes | undefined, hssName: string, path: RepoPath | undefined): boolean {
  if (!changes || !path) return true
  if (changes.files.has(path)) return true
  const named = pathOfName(hssName)
  return named !== undefined && changes.files.has(named)
}
