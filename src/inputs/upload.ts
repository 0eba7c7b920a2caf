/**
 * `upload-files`: glob patterns naming the files to upload to HSS in this run. Patterns are
 * separated by new lines or by commas (a comma inside `{…}` or `[…]` belongs to the glob); one that
 * starts with `!` excludes. Each is a repository path pattern, relative to the checkout's root: no
 * leading `/`, no `..`, no backslash. Here they are only read; matching them needs the checkout.
 */
import { InputError } from '../errors.ts'

/** More patterns than this is more likely a file pasted in than a plan. */
const MAX_PATTERNS = 100
const MAX_PATTERN = 512

export interface UploadPattern {
  /** The glob, without its `!`. */
  glob: string
  exclude: boolean
  /** As written, for messages. */
  text: string
}

export function parseUploadPatterns(input: string, value: string): UploadPattern[] {
  const patterns = splitPatterns(value).map((text) => patternOf(input, text))
  if (patterns.length > MAX_PATTERNS) throw new InputError(input, `${patterns.length} patterns`, `may list at most ${MAX_PATTERNS} patterns`)
  if (patterns.length && patterns.every((pattern) => pattern.exclude)) {
    throw new InputError(input, value, 'has only exclusions (patterns that start with !): add a pattern that names the files to upload, such as **/Dockerfile')
  }
  return patterns
}

/** New lines and commas separate patterns, except a comma inside braces or brackets. */
function splitPatterns(value: string): string[] {
  const out: string[] = []
  let depth = 0
  let current = ''
  for (const c of value) {
    if (c === '{' || c === '[') depth++
    else if ((c === '}' || c === ']') && depth > 0) depth--
    if (c === '\n' || c === '\r' || (c === ',' && depth === 0)) {
      out.push(current)
      current = ''
      depth = 0
    } else current += c
  }
  out.push(current)
  return out.map((text) => text.trim()).filter(Boolean)
}

function patternOf(input: string, text: string): UploadPattern {
  const exclude = text.startsWith('!')
  const glob = (exclude ? text.slice(1) : text).trim().replace(/^\.\/+/, '').replace(/\/+$/, '')
  const help = 'must list glob patterns relative to the checkout\'s root, such as **/Dockerfile or k8s/*.yaml (no leading /, no .., no backslash)'
  // eslint-disable-next-line no-control-regex
  if (!glob || text.length > MAX_PATTERN || /[\u0000-\u001f\u007f\\]/.test(glob) || glob.startsWith('/') || /^[A-Za-z]:/.test(glob)) throw new InputError(input, text, help)
  if (glob.split('/').some((segment) => segment === '..' || segment === '.')) throw new InputError(input, text, help)
  return { glob, exclude, text }
}
