import { afterEach, describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { clip, code, oneLine, prose, quoted, truncate } from '../src/escape.ts'
import { addSecret, forgetSecrets } from '../src/redact.ts'

afterEach(() => forgetSecrets())

/** What GitHub-flavoured Markdown makes of a one-row table with this cell. */
const renderCell = (cell: string) => marked.parse(`| a | b |\n|---|---|\n| ${cell} | x |`, { gfm: true, async: false })

describe('clip', () => {
  it('keeps one line and plain text', () => {
    expect(clip('a\nb\r\nc\u2028d\u0085e')).toBe('a b c d e')
    expect(clip('扫描任务 ü')).toBe('扫描任务 ü')
    expect(oneLine('  x  ')).toBe('x')
  })

  it('bounds the length without splitting a character', () => {
    const cut = clip('🚀'.repeat(500), 10)
    expect(Array.from(cut)).toHaveLength(10)
    expect(cut.endsWith('…')).toBe(true)
    expect(truncate('abc', 3)).toBe('abc')
  })

  it('removes secrets before it cuts', () => {
    const secret = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
    addSecret(secret)
    expect(clip(`${'x'.repeat(50)}${secret}`, 64)).toBe(`${'x'.repeat(50)}***`)
  })
})

describe('code', () => {
  const hostile = '<img src=x onerror=alert(1)> | **bold** [link](https://evil.example) `tick` ``two`` @org/team :smile: &amp;'

  it('shows any text literally in GFM: no HTML, link, emphasis, mention or entity', () => {
    const html = marked.parse(code(hostile), { gfm: true, async: false })
    expect(html).toBe(`<p><code>${hostile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</code></p>\n`)
  })

  it('in a table cell, a pipe cannot end the cell, however many backslashes precede it', () => {
    for (const value of ['a|b', 'a\\|b', 'a\\\\|b', '|', '\\|\\|', hostile]) {
      const html = renderCell(code(value, true))
      expect(html.match(/<td>/g)).toHaveLength(2)
      expect(html).toContain('<td>x</td>')
      expect(html).toMatch(/<td><code>[^<]*<\/code><\/td>/)
    }
  })

  it('keeps a text with blank lines in one span: a path cannot break out into a heading, a link or an image', () => {
    const path = 'services/x\n\n# Approved by security\n\n[click](https://evil.example) <img src=x>\n\n/Dockerfile'
    for (const markdown of [code(path), `| ${code(path, true)} | x |`]) {
      const html = marked.parse(`|a|b|\n|-|-|\n${markdown.startsWith('|') ? markdown : `| ${markdown} | x |`}`, { gfm: true, async: false })
      expect(html).not.toMatch(/<h1|<a |<img/)
      expect(html).toContain('<code>services/x # Approved by security [click](https://evil.example) &lt;img src=x&gt; /Dockerfile</code>')
    }
  })

  it('reads well in the raw Markdown', () => {
    expect(code('iac_scan')).toBe('`iac_scan`')
    expect(code('yaml: line 14')).toBe('`yaml: line 14`')
    expect(code('a`b')).toBe('``a`b``')
    expect(code('`x`')).toBe('`` `x` ``')
    expect(code('')).toBe('')
  })
})

describe('prose', () => {
  it('keeps data on one line in text, and in code spans in Markdown', () => {
    const p = prose`Task ${quoted('n1\n::error::x')} (${'t|1'}): ${3} failed`
    expect(p.text).toBe('Task "n1 ::error::x" (t|1): 3 failed')
    expect(p.markdown).toBe('Task `n1 ::error::x` (`t|1`): 3 failed')
    expect(p.cell).toBe('Task `n1 ::error::x` (`t\\|1`): 3 failed')
  })

  it('nests', () => {
    const inner = prose`with id ${'t-1'}`
    expect(prose`Task ${inner} timed out`.markdown).toBe('Task with id `t-1` timed out')
  })
})
