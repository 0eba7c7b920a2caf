/**
 * Text from a server (or typed into an input) is data. Here it is made fit to show: secrets removed,
 * one line, bounded; and, in Markdown, shown in a code span, where it cannot become HTML, a link, a
 * mention, emphasis or a table break, and still reads as itself in the raw Markdown.
 */
import { redact } from './redact.ts'

/** The longest piece of server text quoted in one place, unless a caller says otherwise. */
export const MAX_QUOTE = 300

/**
 * Collapses line breaks and other control characters into single spaces, and drops the invisible
 * ones (zero-width and bidirectional controls), which could hide a secret from redaction or make
 * text read otherwise than it is.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(INVISIBLE, '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
}

/** Zero-width characters, soft hyphens, bidirectional controls, variation selectors: Unicode's default-ignorable characters. */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu

/** Cuts at a code-point boundary, at a word's end when one is near, and marks the cut. */
export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text
  const points = Array.from(text)
  if (points.length <= maxLength) return text
  const cut = points.slice(0, maxLength - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${space >= cut.length * 0.8 ? cut.slice(0, space).trimEnd() : cut}…`
}

/** Server text fit to quote: secrets removed first (so no piece survives the cut), one line, bounded. */
export function clip(text: string, maxLength = MAX_QUOTE): string {
  return truncate(oneLine(redact(text)), maxLength)
}

/**
 * A Markdown code span that shows `text` literally, on one line: a blank line would end the span's
 * paragraph and let the rest (a path a pull request named, a rule in an exceptions file) read as
 * Markdown. Its fence is longer than any run of backticks inside. In a table cell (`cell`), a pipe is
 * escaped so that it cannot end the cell: GFM splits rows before it reads code spans, and takes `\|`
 * as a pipe, in code spans too.
 */
export function code(raw: string, cell = false): string {
  const text = oneLine(raw)
  if (text === '') return ''
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  // An odd run of backslashes before a pipe would escape our own backslash; keep the count even.
  const body = cell ? text.replace(/(\\*)\|/g, (_m, slashes: string) => `${slashes}${slashes.length % 2 ? '\\' : ''}\\|`) : text
  return `${fence}${pad}${body}${pad}${fence}`
}

/**
 * A sentence for people, in two forms: plain text (log lines, outputs, annotations) and Markdown
 * (summary, comment; `cell` for table cells). Interpolated strings are data: kept on one line and
 * clipped in the text, put in code spans in the Markdown. Numbers and nested Prose go in as they are.
 */
export interface Prose {
  readonly text: string
  readonly markdown: string
  readonly cell: string
}

/** Data shown in double quotes in plain text (a name), in a code span in Markdown. */
export interface Quoted {
  readonly quoted: string
}

export function quoted(value: string): Quoted {
  return { quoted: value }
}

type Part = string | number | Prose | Quoted

export function prose(strings: TemplateStringsArray, ...values: Part[]): Prose {
  let text = strings[0] ?? ''
  let markdown = text
  let cell = text
  values.forEach((value, i) => {
    const next = strings[i + 1] ?? ''
    if (typeof value === 'number') {
      text += String(value)
      markdown += String(value)
      cell += String(value)
    } else if (typeof value === 'string' || 'quoted' in value) {
      const data = clip(typeof value === 'string' ? value : value.quoted)
      text += typeof value === 'string' ? data : `"${data}"`
      markdown += code(data) || '""'
      cell += code(data, true) || '""'
    } else {
      text += value.text
      markdown += value.markdown
      cell += value.cell
    }
    text += next
    markdown += next
    cell += next
  })
  return { text, markdown, cell }
}

/** The action's own words, already fit for every form (no data inside). */
export function words(text: string): Prose {
  return { text, markdown: text, cell: text }
}

/**
 * A message for a Markdown paragraph (a stop summary's message): the action's own `code spans`
 * stay code spans, and everything else reads as plain text. HTML, emphasis, links, table pipes and
 * headings are escaped; a URL or an `@name` goes into a code span, so that neither becomes a link or
 * a mention. It wraps as a paragraph does, unlike a code block.
 */
export function inlineMarkdown(text: string): string {
  return oneLine(text)
    .split(/(`[^`]+`)/)
    .map((part, i) => (i % 2 ? code(part.slice(1, -1)) : plainMarkdown(part)))
    .join('')
}

function plainMarkdown(text: string): string {
  return text
    .split(/((?:https?:\/\/|www\.)\S*[^\s.,:;)\]]|@[\w-]+(?:\/[\w.-]+)?)/)
    .map((part, i) => (i % 2 ? code(part) : part.replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))))
    .join('')
}

/**
 * Text that mixes the action's words with data (a reason that quotes HSS's message), as a sentence
 * rather than one long code span: plain text in the log, inlineMarkdown in the summary. Clipped.
 */
export function plain(raw: string, max = 600): Prose {
  const text = clip(oneLine(raw), max)
  const markdown = inlineMarkdown(text)
  return { text, markdown, cell: markdown }
}

/**
 * A link to the action's own documentation: the words in plain text, a Markdown link where there is
 * a URL. `url` is the action's, never a server's.
 */
export function link(text: string, url: string | undefined): Prose {
  return url ? { text, markdown: `[${text}](${url})`, cell: `[${text}](${url})` } : words(text)
}
