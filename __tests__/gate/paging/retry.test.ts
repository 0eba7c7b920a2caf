import { describe, expect, it } from '@jest/globals'
import { CancelledError, HssError, UnreachableError } from '../../../src/errors.ts'
import { REACH_WINDOW_MS, reachability } from '../../../src/hss/reachability.ts'
import { backoffDelay, MIN_ATTEMPT_MS, retryTransient, type RetryContext } from '../../../src/gate/paging/retry.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'

const http = (status: number, extra: Partial<ConstructorParameters<typeof HssError>[0]> = {}) => new HssError({ kind: 'http', operation: 'ListTasks', status, ...extra })

function context(overrides: Partial<RetryContext> = {}): RetryContext & { lines: string[] } {
  const lines: string[] = []
  const clock = fakeClock()
  return { clock, random: () => 0.5, deadline: clock.now() + 600_000, requestTimeoutMs: 30_000, pollIntervalMs: 15_000, log: (l) => lines.push(l), lines, ...overrides }
}

describe('backoffDelay', () => {
  const ctx = { random: () => 1, pollIntervalMs: 15_000 }
  it('doubles from 1 s with equal jitter, up to the cap', () => {
    const at = (n: number, random: number) => backoffDelay(n, http(503), { random: () => random, pollIntervalMs: 15_000 })
    expect([1, 2, 3, 4].map((n) => at(n, 1))).toEqual([1000, 2000, 4000, 8000])
    expect([1, 2, 3, 4].map((n) => at(n, 0))).toEqual([500, 1000, 2000, 4000])
    expect(at(30, 1)).toBe(60_000)
    expect(backoffDelay(30, http(503), { random: () => 1, pollIntervalMs: 60_000 })).toBe(240_000)
  })

  it('after throttling, waits one poll interval ±50 %, and never longer however many 429s came before', () => {
    const at = (failures: number, random: number) => backoffDelay(failures, http(429, { errorCode: 'APIGW.0308' }), { random: () => random, pollIntervalMs: 15_000 })
    expect([at(1, 0), at(1, 0.5), at(1, 1)]).toEqual([7500, 15_000, 22_500])
    expect(at(30, 1)).toBe(22_500)
    expect(backoffDelay(1, http(429), ctx)).toBe(22_500)
  })

  it('honours Retry-After', () => {
    expect(backoffDelay(1, http(429, { retryAfterMs: 42_000 }), { random: () => 0, pollIntervalMs: 1000 })).toBe(42_000)
    expect(backoffDelay(1, http(503, { retryAfterMs: 42_000 }), { random: () => 1, pollIntervalMs: 1000 })).toBe(43_000)
  })
})

describe('retryTransient', () => {
  it('retries transient failures and returns the first success', async () => {
    const ctx = context()
    let calls = 0
    const result = await retryTransient(async () => {
      calls++
      if (calls < 3) throw new HssError({ kind: 'network', operation: 'ListTasks', cause: new Error('ECONNRESET') })
      return 'ok'
    }, ctx)
    expect(result).toEqual({ ok: true, value: 'ok' })
    expect(calls).toBe(3)
    expect(ctx.lines).toHaveLength(2)
    expect(ctx.lines[0]).toMatch(/Transient failure: ListTasks: could not reach the server: ECONNRESET; retrying in 0.8 s \(attempt 2\)/)
  })

  it('says in the log that HSS throttled', async () => {
    const ctx = context()
    let calls = 0
    await retryTransient(async () => {
      if (calls++ === 0) throw http(429, { errorCode: 'APIGW.0308', retryAfterMs: 20_000 })
      return 1
    }, ctx)
    expect(ctx.lines[0]).toMatch(/^HSS throttled the request: ListTasks got HTTP 429 APIGW.0308 \(Retry-After 20 s\); retrying in 2\d\.\d s/)
  })

  it('throws permanent failures at once', async () => {
    const ctx = context()
    let calls = 0
    await expect(retryTransient(async () => { calls++; throw http(401) }, ctx)).rejects.toMatchObject({ status: 401 })
    expect(calls).toBe(1)
  })

  it('throws errors it does not know at once', async () => {
    await expect(retryTransient(async () => { throw new TypeError('bug') }, context())).rejects.toBeInstanceOf(TypeError)
  })

  it('gives up rather than wait past the deadline', async () => {
    const clock = fakeClock()
    const ctx = context({ clock, deadline: clock.now() + 10_000 })
    const result = await retryTransient(async () => { throw http(502) }, ctx)
    expect(result.ok).toBe(false)
    expect(clock.now()).toBeLessThanOrEqual(ctx.deadline)
    expect(ctx.lines.at(-1)).toMatch(/no time left to retry before the time-out/)
  })

  it('uses the time left: when the wait would pass the deadline, it waits until then and tries once more', async () => {
    const clock = fakeClock()
    const ctx = context({ clock, deadline: clock.now() + 20_000 })
    let calls = 0
    const result = await retryTransient(async () => {
      if (calls++ === 0) throw http(429, { errorCode: 'APIGW.0308', retryAfterMs: 30_000 })
      return 'late but there'
    }, ctx)
    expect(result).toEqual({ ok: true, value: 'late but there' })
    expect(clock.sleeps).toEqual([20_000])
    expect(ctx.lines).toEqual(['HSS throttled the request: ListTasks got HTTP 429 APIGW.0308 (Retry-After 30 s); the time-out is 20.0 s away, so one last try then'])
  })

  it('gives each attempt the time left, within bounds', async () => {
    const clock = fakeClock()
    const seen: number[] = []
    await retryTransient(async (timeoutMs) => { seen.push(timeoutMs); return 1 }, context({ clock, deadline: clock.now() + 5000 }))
    await retryTransient(async (timeoutMs) => { seen.push(timeoutMs); return 1 }, context({ clock, deadline: clock.now() - 5000 }))
    await retryTransient(async (timeoutMs) => { seen.push(timeoutMs); return 1 }, context({ clock, deadline: clock.now() + 600_000 }))
    expect(seen).toEqual([5000, MIN_ATTEMPT_MS, 30_000])
  })

  it('stops waiting when cancelled', async () => {
    const cancel = new AbortController()
    cancel.abort()
    await expect(retryTransient(async () => { throw http(503) }, context({ signal: cancel.signal }))).rejects.toBeInstanceOf(CancelledError)
  })
})

describe('an endpoint that has never answered', () => {
  const refused = (origin = 'https://hss.ap-southeast-1.myhuaweicloud.com') => new HssError({ kind: 'network', operation: 'ListTasks', origin, sent: false, cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })

  it('is given REACH_WINDOW_MS from the run\'s start, not the whole timeout, then ends as unreachable, naming the endpoint, region and proxy', async () => {
    const ctx = context({ deadline: Date.now() + 30 * 60_000 })
    const start = ctx.clock.now()
    ctx.deadline = start + 30 * 60_000
    ctx.reach = reachability({ since: start, region: 'ap-southeast-1', env: { HTTPS_PROXY: 'http://u:p@proxy.corp:3128' } })
    const attempts: number[] = []
    const outcome = retryTransient(async (timeoutMs) => {
      attempts.push(timeoutMs)
      throw refused()
    }, ctx)
    await expect(outcome).rejects.toBeInstanceOf(UnreachableError)
    await expect(outcome).rejects.toThrow('https://hss.ap-southeast-1.myhuaweicloud.com could not be reached (region ap-southeast-1, through the proxy http://proxy.corp:3128): ListTasks: could not reach https://hss.ap-southeast-1.myhuaweicloud.com')
    expect(ctx.clock.now() - start).toBeLessThanOrEqual(REACH_WINDOW_MS)
    // Every attempt also ends within the window.
    expect(Math.max(...attempts)).toBeLessThanOrEqual(REACH_WINDOW_MS)
  })

  it('a timeout shorter than the window ends it sooner, as unreachable all the same', async () => {
    const ctx = context()
    ctx.deadline = ctx.clock.now() + 10_000
    ctx.reach = reachability({ since: ctx.clock.now(), region: undefined, env: {} })
    await expect(retryTransient(async () => Promise.reject(refused()), ctx)).rejects.toThrow('could not be reached (with no proxy)')
  })

  it('once the endpoint has answered, a connection failure is a passing fault, retried until the timeout', async () => {
    const ctx = context()
    ctx.reach = reachability({ since: ctx.clock.now(), region: undefined, env: {} })
    ctx.reach.answered('https://hss.ap-southeast-1.myhuaweicloud.com')
    const outcome = await retryTransient(async () => Promise.reject(refused()), ctx)
    expect(outcome.ok).toBe(false)
    expect(ctx.clock.now()).toBeGreaterThanOrEqual(ctx.deadline)
  })

  it('an answer from HSS is not one from IAM: each endpoint is judged by its own answers', () => {
    const reach = reachability({ since: 0, region: 'eu-west-101', env: { NO_PROXY: '.myhuaweicloud.eu', HTTPS_PROXY: 'http://proxy:3128' } })
    reach.answered('https://hss.eu-west-101.myhuaweicloud.eu')
    expect(reach.unreached(refused('https://hss.eu-west-101.myhuaweicloud.eu'))).toBeUndefined()
    const iam = reach.unreached(refused('https://iam.eu-west-101.myhuaweicloud.eu'))
    expect(iam?.endpoint).toBe('https://iam.eu-west-101.myhuaweicloud.eu')
    // NO_PROXY leaves the endpoint out: no proxy is named.
    expect(iam?.proxy).toBeUndefined()
    expect(reach.unreached(new HssError({ kind: 'http', operation: 'ListTasks', status: 503, origin: 'https://x.example' }))).toBeUndefined()
  })
})
