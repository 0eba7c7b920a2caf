/**
 * HSS's `hit_path`: where in a Kubernetes object a risk sits. No published example shows its format,
 * so every common one is read: dotted with indexes (`spec.containers[0].securityContext`), a JSON
 * pointer (`/spec/containers/0/securityContext`), and JSONPath (`$.spec.containers[0]`,
 * `$['spec']['containers'][0]`), with bracketed keys that hold dots (`metadata.annotations["a.b/c"]`)
 * and a list item chosen by a field (`containers[name=app]`, `containers[?(@.name=='app')]`).
 * A part the reader cannot make out ends the path there: the walk stops at the last part it knows.
 */

export type PathStep =
  | { key: string }
  | { index: number }
  /** The list item whose `field` is `value`. */
  | { field: string; value: string }

export function parseHitPath(text: string): PathStep[] {
  const path = text.trim()
  if (!path) return []
  if (path.startsWith('/')) return pointerSteps(path)
  const body = path.startsWith('$') ? path.slice(1) : path
  return dottedSteps(body)
}

/** RFC 6901: `/a/b~1c/0`; a number may be an index or a key, which the walk decides. */
function pointerSteps(path: string): PathStep[] {
  return path
    .slice(1)
    .split('/')
    .map((token) => ({ key: token.replace(/~1/g, '/').replace(/~0/g, '~') }))
}

function dottedSteps(body: string): PathStep[] {
  const steps: PathStep[] = []
  let i = 0
  while (i < body.length) {
    const c = body[i]
    if (c === '.') {
      i++
      continue
    }
    if (c === '[') {
      const close = closingBracket(body, i)
      if (close < 0) break
      const step = bracketStep(body.slice(i + 1, close).trim())
      if (!step) break
      steps.push(step)
      i = close + 1
      continue
    }
    let end = i
    while (end < body.length && body[end] !== '.' && body[end] !== '[') end++
    const key = body.slice(i, end)
    if (key === '*') break
    steps.push({ key })
    i = end
  }
  return steps
}

/** The index of the `]` that closes the bracket at `open`, skipping quoted text. */
function closingBracket(body: string, open: number): number {
  let quote: string | undefined
  for (let i = open + 1; i < body.length; i++) {
    const c = body[i]
    if (quote) {
      if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === ']') return i
  }
  return -1
}

function bracketStep(inside: string): PathStep | undefined {
  if (/^\d+$/.test(inside)) return { index: Number(inside) }
  const quoted = /^(['"])(.*)\1$/.exec(inside)
  if (quoted) return { key: quoted[2] ?? '' }
  const filter = /^\?\(\s*@\.([\w-]+)\s*==\s*(['"])(.*)\2\s*\)$/.exec(inside)
  if (filter) return { field: filter[1] ?? '', value: filter[3] ?? '' }
  const equals = /^([\w-]+)\s*=\s*(['"]?)(.*)\2$/.exec(inside)
  if (equals) return { field: equals[1] ?? '', value: equals[3] ?? '' }
  return undefined
}

/** The steps written back as a dotted path, for people: `spec.containers[0].securityContext`. */
export function formatSteps(steps: readonly PathStep[]): string {
  let out = ''
  for (const step of steps) {
    if ('index' in step) out += `[${step.index}]`
    else if ('field' in step) out += `[${step.field}=${step.value}]`
    else out += /^[\w-]+$/.test(step.key) ? `${out ? '.' : ''}${step.key}` : `[${JSON.stringify(step.key)}]`
  }
  return out
}
