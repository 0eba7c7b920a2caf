/**
 * A repository path: relative to the checkout's root, `/`-separated, the way GitHub names a pull
 * request's files and code scanning names an alert's file. Every path the gate compares, shows or
 * writes is one, and each comes from one of three places: the checked-out tree (checkout.ts), the
 * pull request's files (GitHub), or an upload (the path the gate sent). `repoPath` is the only way
 * to make one, so a workspace path, a name HSS chose or a `..` cannot pass for one by accident.
 */

declare const brand: unique symbol

export type RepoPath = string & { readonly [brand]: 'RepoPath' }

/** Longer paths are not a repository's: git itself stops well before. */
const MAX_PATH = 4096

/**
 * The text as a repository path, or undefined when it is not one: empty, absolute, with an empty,
 * `.` or `..` segment, a NUL, or longer than 4,096 characters. Anything else git allows in a name
 * (spaces, line breaks, backslashes) is kept as it is: the reporters escape it, and a path GitHub
 * lists must stay comparable with the checkout's.
 */
export function repoPath(text: string): RepoPath | undefined {
  if (!text || text.length > MAX_PATH || text.includes('\u0000')) return undefined
  const segments = text.split('/')
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return undefined
  return text as RepoPath
}

/** A path's last segment: `services/api/Dockerfile` → `Dockerfile`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * HSS's name for a file as path segments: backslashes read as slashes, `.` and empty segments
 * dropped, and nothing at or above a `..` kept (`../../x/Dockerfile` is `x/Dockerfile`). HSS may
 * keep the uploader's absolute path, a path relative to somewhere else, or only the base name.
 */
export function segmentsOf(name: string): string[] {
  const kept: string[] = []
  for (const part of name.trim().replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      kept.length = 0
      continue
    }
    kept.push(part)
  }
  return kept
}

/** HSS's name read as a repository path (the name itself, `..` and all leading `/` removed), when it can be one. */
export function pathOfName(name: string): RepoPath | undefined {
  const segments = segmentsOf(name)
  return segments.length ? repoPath(segments.join('/')) : undefined
}
