/**
 * Where a file HSS names lives in the checked-out repository, so an annotation can point at it and
 * land on the pull request's diff. Only a relative path that stays inside GITHUB_WORKSPACE and is a
 * regular file there counts; anything else (absolute, `..`, a directory, missing) gets no `file=`.
 */
import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, normalize, relative, sep } from 'node:path'

export type FileLocator = (name: string) => string | undefined

export function workspaceFiles(workspace: string | undefined): FileLocator {
  if (!workspace) return () => undefined
  let root: string
  try {
    root = realpathSync(workspace)
  } catch {
    return () => undefined
  }
  return (name) => {
    const path = normalize(name.trim().replace(/\\/g, '/'))
    if (!path || isAbsolute(path) || path === '.' || path.startsWith(`..${sep}`) || path === '..') return undefined
    try {
      const full = realpathSync(join(root, path))
      const inside = relative(root, full)
      if (!inside || inside.startsWith('..') || isAbsolute(inside) || !statSync(full).isFile()) return undefined
      return inside.split(sep).join('/')
    } catch {
      return undefined
    }
  }
}
