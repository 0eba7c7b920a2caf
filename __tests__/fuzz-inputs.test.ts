/**
 * Fuzzed inputs: whatever a workflow passes, each parser returns a value or throws an InputError that
 * names the input; nothing else escapes. Through the built action, a bad value gives one clear
 * ::error::, no stack trace, and no request.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { buildConfig } from '../src/inputs/config.ts'
import { InputError } from '../src/errors.ts'
import { formatDuration, parseBoolean, parseDecimal, parseDuration, parseEndpoint, parseInteger, parseText } from '../src/inputs/parse.ts'
import { iacTask } from '../simulator/tasks.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'

/** Strings that look like what people type, and strings that do not. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.stringMatching(/^[0-9hms .:-]{0,12}$/),
  fc.constantFrom('', ' ', '0', '-1', '1e3', 'NaN', 'Infinity', '1h30m', '90s', '15m', 'true', 'FALSE', 'yes', '100.5', '0x10', '٣', '１０', '1_000')
)
const url = fc.oneof(text, fc.webUrl(), fc.constantFrom('http://127.0.0.1:1', 'http://localhost', 'http://[::1]:9', 'http://10.0.0.1', 'javascript:alert(1)', 'https://u:p@h', 'file:///etc/passwd'))

function parsesOrNames<T>(input: string, parse: () => T, check: (value: T) => void): void {
  let value: T
  try {
    value = parse()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe(input)
    expect((error as Error).message).toMatch(new RegExp(`^Input \`${input}\` `))
    expect((error as Error).message).not.toContain('\n')
    return
  }
  check(value)
}

describe('each parser, on any string', () => {
  it('durations', () => {
    fc.assert(
      fc.property(text, (value) =>
        parsesOrNames('timeout', () => parseDuration('timeout', value, { minMs: 1000, maxMs: 86_400_000 }), (ms) => {
          expect(Number.isInteger(ms)).toBe(true)
          expect(ms).toBeGreaterThanOrEqual(1000)
          expect(ms).toBeLessThanOrEqual(86_400_000)
        })
      ),
      { numRuns: 2000 }
    )
  })

  it('durations round-trip through their format', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 86_400 }), (s) => expect(parseDuration('timeout', formatDuration(s * 1000), { minMs: 1000, maxMs: 86_400_000 })).toBe(s * 1000)))
  })

  it('whole numbers and percentages', () => {
    fc.assert(
      fc.property(text, (value) => {
        parsesOrNames('max-failed', () => parseInteger('max-failed', value, { min: 0, max: 1000 }), (n) => expect(Number.isSafeInteger(n) && n >= 0 && n <= 1000).toBe(true))
        parsesOrNames('max-failed-percent', () => parseDecimal('max-failed-percent', value, { min: 0, max: 100 }), (n) => expect(n >= 0 && n <= 100).toBe(true))
      }),
      { numRuns: 2000 }
    )
  })

  it('booleans', () => {
    fc.assert(fc.property(text, (value) => parsesOrNames('soft-fail', () => parseBoolean('soft-fail', value), (b) => expect(typeof b).toBe('boolean'))), { numRuns: 2000 })
  })

  it('endpoints: https anywhere, http only on loopback', () => {
    fc.assert(
      fc.property(url, (value) =>
        parsesOrNames('endpoint', () => parseEndpoint('endpoint', value), (parsed) => {
          const { protocol, hostname } = new URL(parsed)
          expect(protocol === 'https:' || (protocol === 'http:' && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(hostname))).toBe(true)
        })
      ),
      { numRuns: 2000 }
    )
  })

  it('free text', () => {
    fc.assert(fc.property(text, (value) => parsesOrNames('task-name', () => parseText('task-name', value, 255), (t) => expect(t.length).toBeLessThanOrEqual(255))), { numRuns: 2000 })
  })
})

describe('buildConfig, on any inputs', () => {
  const names = ['task-id', 'task-name', 'task-type', 'region', 'project-id', 'enterprise-project-id', 'endpoint', 'iam-endpoint', 'access-key-id', 'secret-access-key', 'security-token', 'auth-token', 'timeout', 'poll-interval', 'max-failed', 'max-failed-percent', 'min-scanned', 'soft-fail', 'summary', 'comment-on-pr']
  it('gives a Config or an InputError that names one of them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), fc.oneof(text, url)), (inputs) => {
        try {
          const config = buildConfig({ read: (name) => inputs[name] ?? '', env: {} })
          expect(config.timeoutMs).toBeGreaterThan(0)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
          expect(names).toContain((error as InputError).input)
        }
      }),
      { numRuns: 3000 }
    )
  })
})

describe('through the built action', () => {
  const bad = fc.sample(
    fc.record({
      input: fc.constantFrom('timeout', 'poll-interval', 'max-failed', 'max-failed-percent', 'min-scanned', 'soft-fail', 'summary', 'task-type', 'endpoint'),
      value: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[^0-9a-z]/i.test(s.trim()) && s.trim() !== '')
    }),
    { seed: 42, numRuns: 8 }
  )
  it.concurrent.each(bad)('$input = $value fails with one clear error and sends nothing', async ({ input, value }) => {
    const run = await gate({ tasks: [{ task: iacTask('t-1', 'n', { scanned: 1, succeeded: 1, failed: 0 }) }] }, { 'task-id': 't-1', [input]: value })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toEqual([])
    const errors = commands(run.stdout, 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error::Input `[a-z-]+` /)
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at /m)
  })
})
