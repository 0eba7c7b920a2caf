/**
 * Readers for the fields HSS sends. The official SDKs model every field as optional, and a broken or
 * hostile server can send anything: each reader returns a value only when the field is what it
 * should be, and undefined otherwise, so that callers must decide what "unreadable" means.
 */

import { ID_PATTERN, LIST_ID_PATTERN } from '../inputs/task.ts'

export { isRecord } from '../record.ts'

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

/**
 * An id from a server, held to the rules ids from inputs follow. An id goes into a URL path (a task
 * id) or a query (a file id): `..`, `/` or a 1 MB string from a hostile server must never steer a
 * signed request elsewhere or swell it. Undefined when it is not one.
 */
export function serverId(value: unknown): string | undefined {
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined
}

/** An HSS file id: letters, digits, `.`, `:`, `-` and `_`, at most 128 (as the `file-ids` input allows), and not only dots. */
export function fileId(value: unknown): string | undefined {
  return typeof value === 'string' && LIST_ID_PATTERN.test(value) && !/^\.+$/.test(value) ? value : undefined
}

/** A whole number ≥ 0: a JSON number, or a string of digits (as some gateways send). */
export function wholeNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : Number.NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

/**
 * Epoch milliseconds. Anything outside 1973–5138 is not a time in milliseconds (seconds, nanoseconds,
 * or garbage), and reads as unknown rather than as a wrong date.
 */
export function epochMs(value: unknown): number | undefined {
  const n = wholeNumber(value)
  return n !== undefined && n >= 1e11 && n < 1e14 ? n : undefined
}

/** Says how a field's value is unreadable, for a message: `"3x"`, `null`, `an object`, `missing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return Array.isArray(value) ? 'a list' : 'an object'
}
