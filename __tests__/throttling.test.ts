/**
 * Several gates of one workflow share one credential and so one rate budget. The simulator enforces
 * a scaled-down copy of HSS's 5 calls a minute per user (5 per 6 s); every gate must still reach the
 * right verdict, none may fail on a 429, and the log must say that HSS throttled.
 */
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../simulator/run-action.ts'
import { DEMO_PROJECT_ID, startSimulator } from '../simulator/server.ts'
import { iacTask } from '../simulator/tasks.ts'
import { AKSK_ENV } from '../__fixtures__/e2e.ts'

const GATES = 4

describe('gates that share a throttled credential', () => {
  it.each([false, true])('all reach the right verdict (Retry-After sent: %s)', async (retryAfter) => {
    const tasks = Array.from({ length: GATES }, (_, i) => ({
      task: iacTask(`t-${i}`, `iac-pr-${i}`, { scanned: 10, succeeded: 10 - i, failed: i }, { task_status: 'running' }),
      phases: [{ afterMs: 2000, status: 'finished' }]
    }))
    const sim = await startSimulator({ tasks, rateLimit: { limit: 5, windowMs: 6000, retryAfter } })
    // However fast or slow the machine, the first answers are 429s: the test makes its own contention.
    for (let i = 0; i < GATES; i++) sim.queueFault({ kind: 'throttle', ...(retryAfter ? { retryAfter: '6' } : {}) }, 'tasks')
    try {
      const runs = await Promise.all(
        tasks.map((_, i) =>
          runAction({
            inputs: { endpoint: sim.url, 'project-id': DEMO_PROJECT_ID, 'task-id': `t-${i}`, 'poll-interval': '1s', timeout: '90s', 'max-failed': '1' },
            env: AKSK_ENV
          })
        )
      )
      const throttled = sim.requests.filter((r) => r.status === 429)
      expect(throttled.length).toBeGreaterThan(0)
      runs.forEach((run, i) => {
        const expected = i <= 1 ? 'passed' : 'failed'
        expect([i, run.outputs.result, run.outputs['task-status']]).toEqual([i, expected, 'finished'])
        expect([i, run.code]).toEqual([i, expected === 'passed' ? 0 : 1])
        expect(run.stdout).not.toMatch(/::error::.*429/)
      })
      expect(runs.filter((run) => run.stdout.includes('HSS throttled the request: ListTasks got HTTP 429 APIGW.0308')).length).toBeGreaterThan(0)
      // After a 429 each gate waits before it asks again: Retry-After when sent, else about a poll interval.
      const floorMs = retryAfter ? 6000 : 750
      for (let i = 0; i < GATES; i++) {
        const mine = sim.requests.filter((r) => (r.body as { task_id?: string }).task_id === `t-${i}`)
        mine.forEach((request, n) => {
          const next = mine[n + 1]
          if (request.status === 429 && next) expect(next.at - request.at).toBeGreaterThanOrEqual(floorMs - 50)
        })
      }
    } finally {
      await sim.close()
    }
  })
})
