/** The end-to-end harness checks things on every run; those checks must be able to fail. */
import { describe, expect, it } from '@jest/globals'
import { parseOutputFile } from '../simulator/run-action.ts'
import { assertNoLeaks, assertOnlyOwnCommands, hasStackTrace } from '../__fixtures__/e2e.ts'

const SECRET = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
const clean = { code: 0, signal: null, stdout: `::add-mask::${SECRET}\nWaiting…\n`, stderr: '', outputs: { result: 'passed' }, summary: '## ok', elapsedMs: 1, peakRssKb: 0 }

describe('assertNoLeaks', () => {
  it('allows the ::add-mask:: line only', () => {
    expect(() => assertNoLeaks(clean, [SECRET])).not.toThrow()
  })

  it.each([
    ['stdout', { stdout: `::add-mask::${SECRET}\n::debug::token ${SECRET}\n` }],
    ['stdout', { stdout: `request id ${SECRET.slice(3, 13)}\n` }],
    ['stderr', { stderr: `Error: ${SECRET}` }],
    ['the job summary', { summary: `> ${SECRET.slice(-10)}` }],
    ['output reason', { outputs: { reason: `bad ${SECRET}` } }]
  ])('finds a secret, or a 10-character piece of one, in %s', (place, leak) => {
    expect(() => assertNoLeaks({ ...clean, ...leak }, [SECRET])).toThrow(`leaked into ${place}`)
  })
})

describe('assertOnlyOwnCommands', () => {
  it('allows the action’s own commands and plain lines', () => {
    expect(() => assertOnlyOwnCommands({ stdout: '::add-mask::x\n::error title=HSS could not scan a.yaml::reason\nTask "n" (t): running\n::warning::w ##[x]\n' })).not.toThrow()
  })

  it.each([
    ['a command of an unknown kind', '::set-env name=X::y'],
    ['a command after leading spaces', '   ::stop-commands::tok'],
    ['an old-style command in a plain line', 'Task "##[set-output name=result;]passed"'],
    ['a malformed command', '::error title=x']
  ])('finds %s', (_name, line) => {
    expect(() => assertOnlyOwnCommands({ stdout: `ok\n${line}\n` })).toThrow()
  })
})

describe('hasStackTrace', () => {
  it('finds one, and only one', () => {
    expect(hasStackTrace({ stdout: '', stderr: 'TypeError: x\n    at run (file:///a/dist/index.js:10:5)\n' })).toBe(true)
    expect(hasStackTrace({ stdout: 'Task "at home" (t): running\n', stderr: '' })).toBe(false)
  })
})

describe('parseOutputFile', () => {
  it('reads the runner heredoc format and plain lines', () => {
    const text = 'result<<ghadelimiter_1\npassed\nghadelimiter_1\nreason<<ghadelimiter_2\na\nb\nghadelimiter_2\nold=style\n'
    expect(parseOutputFile(text)).toEqual({ result: 'passed', reason: 'a\nb', old: 'style' })
  })
})
