/**
 * Randomised: hundreds of task life-cycles and fault sequences through the poller and the verdict,
 * on a fake clock. The gate must never pass an unfinished or broken scan, must agree with the
 * ground truth when it finishes, and must never run past the timeout by more than one attempt.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { HssError } from '../../../src/errors.ts'
import { createLocator } from '../../../src/gate/wait/locate.ts'
import type { ListPage, Task } from '../../../src/hss/models.ts'
import { prose } from '../../../src/escape.ts'
import { waitForTask } from '../../../src/gate/wait/poller.ts'
import { MIN_ATTEMPT_MS } from '../../../src/gate/paging/retry.ts'
import { judge } from '../../../src/gate/verdict.ts'
import { fakeClient } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'
import { expectedVerdict, scenarioArb, taskAtQuery, type FaultName, type Scenario } from '../../../__fixtures__/scenario.ts'

const REQUEST_TIMEOUT_MS = 30_000

/** What the client sees for a fault: the HssError the transport would raise, or an empty list. */
function faultAnswer(name: FaultName, timeoutMs: number, advance: (ms: number) => void): HssError | ListPage<Task> {
  const op = 'ListTasks'
  switch (name) {
    case '5xx':
      return new HssError({ kind: 'http', operation: op, status: 503 })
    case 'html':
      return new HssError({ kind: 'http', operation: op, status: 502 })
    case 'reset':
      return new HssError({ kind: 'network', operation: op, cause: new Error('ECONNRESET') })
    case 'hang':
      advance(timeoutMs)
      return new HssError({ kind: 'timeout', operation: op })
    case 'throttle':
      return new HssError({ kind: 'http', operation: op, status: 429, errorCode: 'APIGW.0308' })
    case 'throttle-retry-after':
      return new HssError({ kind: 'http', operation: op, status: 429, errorCode: 'APIGW.0308', retryAfterMs: 20_000 })
    case 'truncated':
      return new HssError({ kind: 'network', operation: op, cause: new Error('terminated') })
    case 'malformed':
      return new HssError({ kind: 'bad-body', operation: op, status: 200 })
    case 'empty-list':
      return { total: 0, rows: 0, items: [] }
  }
}

async function play(s: Scenario, timeoutMs: number, pollIntervalMs: number, random: () => number) {
  const clock = fakeClock()
  const start = clock.now()
  let requests = 0
  let successes = 0
  const client = fakeClient([])
  client.listTasks = async (_body, _page, timeoutMs = REQUEST_TIMEOUT_MS) => {
    const fault = s.faults[requests++]
    if (fault) {
      const answer = faultAnswer(fault, timeoutMs, clock.advance)
      if (answer instanceof Error) throw answer
      return answer
    }
    const task = taskAtQuery(s, successes++)
    return { total: task ? 1 : 0, rows: task ? 1 : 0, items: task ? [task] : [] }
  }
  const outcome = await waitForTask({
    clock,
    random,
    deadline: start + timeoutMs,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    pollIntervalMs,
    log: () => undefined,
    locator: createLocator(client, 'iac_scan', { by: 'id', id: 't-1' }),
    taskType: 'iac_scan'
  })
  const verdict = judge({ task: outcome.task, taskType: 'iac_scan', thresholds: s.thresholds, timeoutMs, wanted: prose`with id ${'t-1'}` })
  return { outcome, verdict, elapsed: clock.now() - start, successes }
}

/** An upper bound on how long the gate can need to see `finished` when there is time for everything. */
function timeNeeded(s: Scenario, pollIntervalMs: number): number {
  const firstFinished = (s.appearAfter ?? 0) + s.statuses.indexOf('finished')
  const perFault = Math.max(60_000, 4 * pollIntervalMs) + 21_000 + REQUEST_TIMEOUT_MS
  // Waits may stretch up to 4 × poll-interval while HSS estimates a long scan.
  return (firstFinished + 1) * 4 * pollIntervalMs + s.faults.length * perFault
}

describe('the poller and verdict under random life-cycles and faults', () => {
  it('never pass what they should not, and agree with the ground truth', async () => {
    const arb = fc.record({
      scenario: scenarioArb({ maxAppear: 6, maxStatuses: 8, maxFaults: 12 }),
      timeoutMs: fc.integer({ min: 1, max: 3600 }).map((s) => s * 1000),
      pollIntervalMs: fc.integer({ min: 1, max: 60 }).map((s) => s * 1000),
      seed: fc.integer()
    })
    await fc.assert(
      fc.asyncProperty(arb, async ({ scenario: s, timeoutMs, pollIntervalMs, seed }) => {
        let x = seed
        const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) >>> 0) / 2 ** 31
        const { outcome, verdict, elapsed } = await play(s, timeoutMs, pollIntervalMs, random)

        // Never past the timeout by more than one (minimal) attempt.
        expect(elapsed).toBeLessThanOrEqual(timeoutMs + MIN_ATTEMPT_MS)

        if (verdict.result === 'timed-out') {
          // Only when there really was not time for the task to finish (or it never does).
          const finishes = s.appearAfter !== null && s.statuses.includes('finished')
          if (finishes) expect(timeNeeded(s, pollIntervalMs)).toBeGreaterThan(timeoutMs)
          return
        }
        // A verdict other than timed-out is only ever given on a finished task…
        expect(outcome.task?.task_status).toBe('finished')
        // …and it is exactly what the thresholds say of the final counts.
        const truth = expectedVerdict(s)
        expect(verdict.result).toBe(truth.result)
        expect(verdict.reasons).toHaveLength(truth.broken)
        expect({ scanned: verdict.counts.scanned, succeeded: verdict.counts.succeeded, failed: verdict.failed }).toEqual(s.counts)
      }),
      { numRuns: 300, verbose: 1 }
    )
  })
})
