/**
 * Writes a file the action makes (the SARIF log) inside the workspace, and never through a link: a
 * branch can commit `results/hss.sarif` as a link to a file elsewhere on the runner, or `results` as
 * a link to a folder, and following either would overwrite what it points at. Each folder on the way
 * is checked before it is entered or made (one at a time, so nothing is made outside), and the file
 * is opened with O_NOFOLLOW, so a link put there at the last moment is refused too.
 */
import { closeSync, constants, lstatSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'

/** `path` is relative to `root` (already checked: no `..`, no leading `/`). Throws an Error that says why it was not written. */
export function writeInside(root: string, path: string, text: string): void {
  const parts = path.split('/')
  const name = parts.pop() ?? ''
  let dir = root
  for (const part of parts) {
    dir = join(dir, part)
    const kind = kindOf(dir)
    if (kind === 'link') throw new Error(`${path} leads through a link (${part}): nothing is written through a link`)
    if (kind === 'other') throw new Error(`${path} needs ${part} to be a folder, and it is a file`)
    if (kind === 'missing') mkdirSync(dir)
  }
  let fd: number
  try {
    fd = openSync(join(dir, name), constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ELOOP') throw new Error(`${path} is a link: nothing is written through a link`, { cause: error })
    if (code === 'EISDIR') throw new Error(`${path} is a folder`, { cause: error })
    throw error
  }
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}

function kindOf(path: string): 'missing' | 'dir' | 'link' | 'other' {
  try {
    const stat = lstatSync(path)
    return stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : 'other'
  } catch {
    return 'missing'
  }
}
