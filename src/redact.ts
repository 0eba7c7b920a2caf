/**
 * The secrets this process must never let out, and the one function that removes them from text.
 *
 * The runner masks a registered secret only where it appears whole. A server can echo a secret cut
 * short, inside a longer value, or split into pieces by white space (spaces, line breaks, U+2028)
 * or by invisible characters (zero-width spaces, bidirectional controls). So `redact` reads the text
 * as if those separators were not there, and replaces every run that holds a piece of at least PIECE
 * characters of a secret (separators included) by `***`. Secrets shorter than PIECE are replaced
 * only where they appear whole. Every sink (log, annotations, outputs, summary, comment) goes
 * through `redact`, and so does server text before it is shortened.
 *
 * What it does not cover: a secret re-encoded (base64, URL-encoding, reversed), or split into
 * pieces shorter than PIECE by other visible characters (`abc-def-…`).
 */

/** Shortest piece of a secret that is replaced on its own. */
export const PIECE = 10
/** Shorter secrets are not registered: masking every "true" or "1234" would garble the log. */
const MIN_SECRET = 4
export const MASK = '***'

/** White space and invisible characters: what a server could put between the pieces of a secret. */
const SEPARATOR = /[\s\p{Default_Ignorable_Code_Point}]/u

const whole = new Set<string>()
const pieces = new Set<string>()

export function addSecret(value: string): void {
  if (value.length < MIN_SECRET) return
  whole.add(value)
  const compact = Array.from(value).filter((c) => !SEPARATOR.test(c)).join('')
  for (let i = 0; i + PIECE <= compact.length; i++) pieces.add(compact.slice(i, i + PIECE))
}

/** For tests: start again with no secrets. */
export function forgetSecrets(): void {
  whole.clear()
  pieces.clear()
}

/** The text with every secret, and every piece of PIECE or more characters of one, replaced by `***`. */
export function redact(text: string): string {
  if (whole.size === 0 || text.length < MIN_SECRET) return text
  let out = text
  if (pieces.size && out.length >= PIECE) out = maskPieces(out)
  for (const secret of whole) if (secret.length < PIECE && out.includes(secret)) out = out.split(secret).join(MASK)
  return out
}

/**
 * Marks every window of PIECE non-separator characters that is a piece of a secret, with the
 * separators inside it; each marked run becomes one mask.
 */
function maskPieces(text: string): string {
  const kept: number[] = []
  let compact = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? ''
    if (SEPARATOR.test(c)) continue
    kept.push(i)
    compact += c
  }
  let masked: Uint8Array | undefined
  for (let i = 0; i + PIECE <= compact.length; i++) {
    if (!pieces.has(compact.slice(i, i + PIECE))) continue
    masked ??= new Uint8Array(text.length)
    masked.fill(1, kept[i] ?? 0, (kept[i + PIECE - 1] ?? 0) + 1)
  }
  if (!masked) return text
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    if (!masked[i]) continue
    out += text.slice(from, i) + MASK
    while (i < text.length && masked[i]) i++
    from = i
  }
  return out + text.slice(from)
}
