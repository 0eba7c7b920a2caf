/**
 * The secrets this process must never let out, and the one function that removes them from text.
 *
 * The runner masks a registered secret only where it appears whole. A server can echo a secret cut
 * short, split by a line break, or inside a longer value; so besides whole secrets, any piece of at
 * least PIECE characters of a long secret is replaced too. Every sink (log, annotations, outputs,
 * summary, comment) goes through `redact`, and so does server text before it is shortened.
 */

/** Shortest piece of a secret that is replaced on its own. */
export const PIECE = 10
/** Shorter secrets are not registered: masking every "true" or "1234" would garble the log. */
const MIN_SECRET = 4
export const MASK = '***'

const whole = new Set<string>()
const pieces = new Set<string>()

export function addSecret(value: string): void {
  if (value.length < MIN_SECRET) return
  whole.add(value)
  for (let i = 0; i + PIECE <= value.length; i++) pieces.add(value.slice(i, i + PIECE))
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

/** Marks every window of PIECE characters that is a piece of a secret; each marked run becomes one mask. */
function maskPieces(text: string): string {
  let masked: Uint8Array | undefined
  for (let i = 0; i + PIECE <= text.length; i++) {
    if (!pieces.has(text.slice(i, i + PIECE))) continue
    masked ??= new Uint8Array(text.length)
    masked.fill(1, i, i + PIECE)
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
