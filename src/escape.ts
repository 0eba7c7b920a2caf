/**
 * Makes a value that came from HSS safe inside the job summary: no HTML, no Markdown formatting or
 * links, no table breaks, one line, bounded length.
 */

// Markdown and HTML specials, the table pipe, and `@` (no mentions from a task name).
const SPECIAL = /[&<>"'|`*_[\]\\~#!@:()]/g
const MAX_CELL = 200

export function escapeCell(value: unknown, maxLength = MAX_CELL): string {
  const text = truncate(oneLine(String(value ?? '')), maxLength)
  return text.replace(SPECIAL, (c) => `&#${c.charCodeAt(0)};`)
}

/** Collapses line breaks and other control characters into single spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim()
}

/** Cuts at a code-point boundary and marks the cut. */
export function truncate(text: string, maxLength: number): string {
  const points = Array.from(text)
  return points.length <= maxLength ? text : `${points.slice(0, maxLength - 1).join('')}…`
}
