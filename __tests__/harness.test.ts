/** The end-to-end harness checks things on every run; those checks must be able to fail. */
import { describe, expect, it } from '@jest/globals'
import { parseOutputFile } from '../simulator/run-action.ts'
import { assertNoLeaks } from '../__fixtures__/e2e.ts'

const clean = { code: 0, signal: null, stdout: '::add-mask::s3cr3t\nWaiting…\n', stderr: '', outputs: { result: 'passed' }, summary: '## ok', elapsedMs: 1, peakRssKb: 0 }

describe('assertNoLeaks', () => {
  it('allows the ::add-mask:: line only', () => {
    expect(() => assertNoLeaks(clean, ['s3cr3t'])).not.toThrow()
  })

  it.each([
    ['stdout', { stdout: '::add-mask::s3cr3t\n::debug::token s3cr3t\n' }],
    ['stderr', { stderr: 'Error: s3cr3t' }],
    ['the job summary', { summary: '> s3cr3t' }],
    ['output reason', { outputs: { reason: 'bad s3cr3t' } }]
  ])('finds a secret in %s', (place, leak) => {
    expect(() => assertNoLeaks({ ...clean, ...leak }, ['s3cr3t'])).toThrow(`a secret leaked into ${place}`)
  })
})

describe('parseOutputFile', () => {
  it('reads the runner heredoc format and plain lines', () => {
    const text = 'result<<ghadelimiter_1\npassed\nghadelimiter_1\nreason<<ghadelimiter_2\na\nb\nghadelimiter_2\nold=style\n'
    expect(parseOutputFile(text)).toEqual({ result: 'passed', reason: 'a\nb', old: 'style' })
  })
})
