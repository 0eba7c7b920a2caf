import { describe, expect, it } from '@jest/globals'
import { escapeCell, oneLine, truncate } from '../src/escape.ts'

describe('escapeCell', () => {
  it('neutralises HTML, Markdown, table pipes, links and mentions', () => {
    const hostile = '<img src=x onerror=alert(1)> | **bold** [link](https://evil.example) `code` @org/team'
    const escaped = escapeCell(hostile)
    expect(escaped).not.toMatch(/[<>|*[\]`@()]/)
    expect(escaped).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62;')
    expect(escaped).toContain('&#124;')
  })

  it('keeps one line and plain text', () => {
    expect(escapeCell('a\nb\r\nc\u2028d')).toBe('a b c d')
    expect(escapeCell('deploy/app-1.yaml')).toBe('deploy/app-1.yaml')
    expect(escapeCell('扫描任务 ü')).toBe('扫描任务 ü')
  })

  it('bounds the length without splitting a character', () => {
    const cut = escapeCell('🚀'.repeat(500), 10)
    expect(Array.from(cut)).toHaveLength(10)
    expect(cut.endsWith('…')).toBe(true)
    expect(truncate('abc', 3)).toBe('abc')
  })

  it('reads undefined as empty', () => {
    expect(escapeCell(undefined)).toBe('')
    expect(oneLine('  x  ')).toBe('x')
  })
})
