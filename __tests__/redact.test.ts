import { afterEach, describe, expect, it } from '@jest/globals'
import { addSecret, forgetSecrets, MASK, PIECE, redact } from '../src/redact.ts'

const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'

afterEach(() => forgetSecrets())

describe('redact', () => {
  it('leaves text alone while no secret is known', () => {
    expect(redact(`a ${SK} b`)).toBe(`a ${SK} b`)
  })

  it('replaces a whole secret wherever it appears', () => {
    addSecret(SK)
    expect(redact(`x${SK}y ${SK}`)).toBe(`x${MASK}y ${MASK}`)
  })

  it(`replaces any piece of ${PIECE} or more characters: a secret cut short, or split by a line break`, () => {
    addSecret(SK)
    expect(redact(`code E${SK.slice(0, 14)}`)).toBe(`code E${MASK}`)
    expect(redact(`${SK.slice(0, 20)}\n${SK.slice(20)}`)).toBe(MASK)
    expect(redact(`tail ${SK.slice(-PIECE)}.`)).toBe(`tail ${MASK}.`)
  })

  it(`leaves pieces shorter than ${PIECE} characters, and unrelated text, alone`, () => {
    addSecret(SK)
    expect(redact(`${SK.slice(0, PIECE - 1)} or iac-pr-42`)).toBe(`${SK.slice(0, PIECE - 1)} or iac-pr-42`)
  })

  it.each([
    ['new lines', '\n'],
    ['spaces', ' '],
    ['zero-width spaces', '\u200b'],
    ['U+2028', '\u2028'],
    ['bidi controls', '\u202e'],
    ['a mix', ' \u200d\r\n']
  ])('replaces a secret echoed in chunks of %s shorter than a piece, separators and all', (_name, separator) => {
    addSecret(SK)
    const chunks = SK.match(/.{1,9}/g) ?? []
    const out = redact(`before ${chunks.join(separator)} after`)
    expect(out).toBe(`before ${MASK} after`)
  })

  it('replaces short secrets only whole, and ignores ones too short to mask safely', () => {
    addSecret('hunter2')
    addSecret('abc')
    expect(redact('hunter2 hunter abc')).toBe(`${MASK} hunter abc`)
  })

  it('keeps up with a megabyte of text', () => {
    addSecret(SK)
    const text = `${'a'.repeat(1 << 20)}${SK}`
    expect(redact(text).endsWith(MASK)).toBe(true)
  })
})
