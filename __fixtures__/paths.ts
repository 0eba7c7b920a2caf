/** Repository paths for tests: the one constructor, which throws here rather than return undefined. */
import { repoPath, type RepoPath } from '../src/repo/repo-path.ts'

export function rp(text: string): RepoPath {
  const path = repoPath(text)
  if (!path) throw new Error(`not a repository path: ${JSON.stringify(text)}`)
  return path
}

/** A Changes value (or a failure of the test when GitHub's list could not be read). */
export function known<T>(value: T | string): T {
  if (typeof value === 'string') throw new Error(value)
  return value
}
