/**
 * Many gates of one organisation share one credential, and so one rate budget. The simulator
 * enforces a scaled-down copy of HSS's 5 calls a minute per user (5 per 6 s). Correctness only:
 * every gate reaches the right verdict, none fails on a 429, and the log says that HSS throttled.
 * How fast the last verdict comes, against the budget's floor, is the bench's business.
 */
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../simulator/run-action.ts'
import { DEMO_PROJECT_ID, startSimulator } from '../simulator/server.ts'
import { iacTask } from '../simulator/tasks.ts'
import { AKSK_ENV } from '../__fixtures__/e2e.ts'

async function gates(count: number, retryAfter: boolean) {
  // Half the gates' tasks pass (one failed file at most), half fail.
  const tasks = Array.from({ length: count }, (_, i) => ({
    task: iacTask(`t-${i}`, `iac-pr-${i}`, { scanned: 10, succeeded: 10 - (i % 4), failed: i % 4 }, { task_status: 'running' }),
    phases: [{ afterMs: 2000, status: 'finished' }]
  }))
  const sim = await startSimulator({ tasks, rateLimit: { limit: 5, windowMs: 6000, retryAfter } })
  // However fast or slow the machine, the first answers are 429s: the test makes its own contention.
  for (let i = 0; i < count; i++) sim.queueFault({ kind: 'throttle', ...(retryAfter ? { retryAfter: '6' } : {}) }, 'tasks')
  try {
    const runs = await Promise.all(
      tasks.map((_, i) =>
        runAction({ inputs: { endpoint: sim.url, 'project-id': DEMO_PROJECT_ID, 'task-id': `t-${i}`, 'poll-interval': '1s', timeout: '5m', 'max-failed': '1' }, env: AKSK_ENV })
      )
    )
    return { runs, sim }
  } finally {
    await sim.close()
  }
}

describe('gates that share a throttled credential', () => {
  it('12 gates: every one reaches the right verdict, and none fails on a 429', async () => {
    const { runs, sim } = await gates(12, false)
    expect(sim.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(12)
    runs.forEach((run, i) => {
      const expected = i % 4 <= 1 ? 'passed' : 'failed'
      expect([i, run.outputs.result, run.outputs['task-status'], run.code]).toEqual([i, expected, 'finished', expected === 'passed' ? 0 : 1])
      expect(run.stdout).not.toMatch(/::error::.*429/)
      // Each gate HSS throttled says so in its log.
      const throttled = sim.requests.some((r) => r.status === 429 && (r.body as { task_id?: string }).task_id === `t-${i}`)
      if (throttled) expect(run.stdout).toContain('HSS throttled the request: ListTasks got HTTP 429 APIGW.0308')
    })
  }, 240_000)

  it('with Retry-After, each gate waits at least that long before it asks again', async () => {
    const { runs, sim } = await gates(4, true)
    runs.forEach((run, i) => expect([i, run.outputs['task-status']]).toEqual([i, 'finished']))
    for (let i = 0; i < 4; i++) {
      const mine = sim.requests.filter((r) => (r.body as { task_id?: string }).task_id === `t-${i}`)
      mine.forEach((request, n) => {
        const next = mine[n + 1]
        // A lower bound on a wait holds at any machine speed.
        if (request.status === 429 && next) expect(next.at - request.at).toBeGreaterThanOrEqual(6000 - 50)
      })
    }
  }, 240_000)
})
