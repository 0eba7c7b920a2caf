/** Parsers for input values. Each returns the value or throws an InputError naming the input. */
import { InputError } from '../errors.ts'

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/
const PLAIN_SECONDS = /^\d+$/
const DURATION_HELP = 'a duration such as 90s, 15m, 1h, 1h30m, or plain seconds'

/** Parses `90s`, `15m`, `1h30m` or plain seconds into milliseconds. */
export function parseDuration(input: string, value: string, bounds: { minMs: number; maxMs: number }): number {
  const text = value.trim()
  let seconds: number | undefined
  if (PLAIN_SECONDS.test(text)) {
    seconds = Number(text)
  } else {
    const match = DURATION.exec(text)
    if (match && text !== '') {
      const [, h = '0', m = '0', s = '0'] = match
      seconds = Number(h) * 3600 + Number(m) * 60 + Number(s)
    }
  }
  if (seconds === undefined || !Number.isSafeInteger(seconds)) {
    throw new InputError(input, value, `must be ${DURATION_HELP}`)
  }
  const ms = seconds * 1000
  if (ms < bounds.minMs || ms > bounds.maxMs) {
    throw new InputError(
      input,
      value,
      `must be between ${formatDuration(bounds.minMs)} and ${formatDuration(bounds.maxMs)}`
    )
  }
  return ms
}

/** `4530000` → `1h15m30s`; the inverse of parseDuration for whole seconds. */
export function formatDuration(ms: number): string {
  let seconds = Math.round(ms / 1000)
  const h = Math.floor(seconds / 3600)
  seconds -= h * 3600
  const m = Math.floor(seconds / 60)
  const s = seconds - m * 60
  const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`
  return text || '0s'
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/
/** Epoch milliseconds of 1973 and later: fewer digits are more likely seconds, and refused. */
const EPOCH_MS = /^\d{12,15}$/

/**
 * A moment, as epoch milliseconds: an ISO 8601 date or time with its zone (`2026-11-28`,
 * `2026-11-28T09:30:00Z`, `…+08:00`), epoch milliseconds, or a duration (`30m`, `2h`) counted back
 * from `now`.
 */
export function parseMoment(input: string, value: string, now: number): number {
  const text = value.trim()
  const help = 'must be an ISO 8601 time with its zone (2026-11-28T09:30:00Z), epoch milliseconds, or a duration such as 30m or 2h counted back from the step start'
  if (EPOCH_MS.test(text)) return Number(text)
  if (/^\d+$/.test(text)) throw new InputError(input, value, `${help}; a plain number is read as epoch milliseconds, which have 13 digits today`)
  if (ISO_8601.test(text)) {
    const at = Date.parse(text)
    if (!Number.isNaN(at)) return at
  }
  const match = DURATION.exec(text)
  if (match && text !== '') {
    const [, h = '0', m = '0', s = '0'] = match
    return now - (Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000
  }
  throw new InputError(input, value, help)
}

/** `1764322200000` → `2026-11-28 09:30:00 UTC`, for messages and the summary. */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
}

/** A whole number in [min, max]. */
export function parseInteger(input: string, value: string, bounds: { min: number; max: number }): number {
  const text = value.trim()
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(n) || n < bounds.min || n > bounds.max) {
    throw new InputError(input, value, `must be a whole number from ${bounds.min} to ${bounds.max}`)
  }
  return n
}

/** A decimal number in [min, max], such as `2.5`. */
export function parseDecimal(input: string, value: string, bounds: { min: number; max: number }): number {
  const text = value.trim()
  const n = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isFinite(n) || n < bounds.min || n > bounds.max) {
    throw new InputError(input, value, `must be a number from ${bounds.min} to ${bounds.max} (decimals allowed)`)
  }
  return n
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** The YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(input: string, value: string): boolean {
  const text = value.trim()
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw new InputError(input, value, 'must be true or false')
}

/** One of the allowed words. */
export function parseChoice<T extends string>(input: string, value: string, allowed: readonly T[]): T {
  const text = value.trim()
  const found = allowed.find((choice) => choice === text)
  if (found === undefined) {
    throw new InputError(input, value, `must be one of ${allowed.join(', ')}`)
  }
  return found
}

/**
 * An `https://` base URL, or `http://` on a loopback host (how tests reach a local simulator).
 * Returned without a trailing slash.
 */
export function parseEndpoint(input: string, value: string): string {
  const text = value.trim()
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError(input, value, 'must be an https:// URL')
  }
  if (url.username || url.password) {
    throw new InputError(input, '(a URL with credentials)', 'must not carry a user name or password')
  }
  if (url.search || url.hash) {
    throw new InputError(input, value, 'must be a base URL without a query or fragment')
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new InputError(input, value, 'must be an https:// URL (http:// is allowed only for 127.0.0.0/8, localhost and [::1])')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(input, value, 'must be an https:// URL')
  }
  return url.href.replace(/\/+$/, '')
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
}

/** A free-text value with a length limit and no control characters (line breaks too, unless `multiline`). */
export function parseText(input: string, value: string, maxLength: number, multiline = false): string {
  const text = value.trim()
  if (text.length > maxLength) {
    throw new InputError(input, `${text.slice(0, 40)}…`, `must be at most ${maxLength} characters`)
  }
  // eslint-disable-next-line no-control-regex
  if ((multiline ? /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(text)) {
    throw new InputError(input, text, 'must not contain control characters such as line breaks')
  }
  return text
}

/**
 * A path relative to the workspace, such as `results/hss.sarif`: no absolute path, no `..`, no
 * backslash, no control character. Returned with `./` and doubled slashes removed.
 */
export function parseRelativePath(input: string, value: string): string {
  const text = value.trim()
  const help = 'must be a path relative to the workspace, such as results/hss.sarif (no leading /, no .., no backslash)'
  // eslint-disable-next-line no-control-regex
  if (!text || text.length > 512 || /[\u0000-\u001f\u007f\\]/.test(text) || text.startsWith('/') || /^[A-Za-z]:/.test(text)) throw new InputError(input, value, help)
  const parts = text.split('/').filter((part) => part !== '' && part !== '.')
  if (parts.length === 0 || parts.includes('..')) throw new InputError(input, value, help)
  return parts.join('/')
}
