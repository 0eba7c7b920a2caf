/** A cancelled workflow: the runner sends SIGINT or SIGTERM to the action's process. */
import { describe, expect, it } from '@jest/globals'
import { iacTask } from '../simulator/tasks.ts'
import { gate } from '../__fixtures__/e2e.ts'

const running = { task: iacTask('t-1', 'iac-pr-1', { scanned: 5, succeeded: 1, failed: 0 }, { task_status: 'running' }) }

describe('cancellation', () => {
  // The action exits within 2 s of the signal (a 1.5 s backstop in src/index.ts). The bounds here are
  // looser, for busy machines, and still far below the 10-minute poll-interval it would otherwise wait.
  it.concurrent.each(['SIGTERM', 'SIGINT'] as const)('%s stops the wait, says so, and exits at once', async (signal) => {
    let sentAt = 0
    const run = await gate({ tasks: [running] }, { 'task-id': 't-1', 'poll-interval': '10m', timeout: '1h' }, {
      onSpawn: (child) => {
        // Signal once the action has made its first query and is sleeping.
        child.stdout?.on('data', (chunk: Buffer) => {
          if (!sentAt && chunk.toString().includes('running,')) {
            sentAt = Date.now()
            child.kill(signal)
          }
        })
      }
    })
    const exitedAfter = Date.now() - sentAt
    expect(sentAt).toBeGreaterThan(0)
    expect(exitedAfter).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::HSS scan gate cancelled: the workflow run was cancelled while waiting')
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: cancelled/)
    expect(run.stderr).not.toMatch(/Unhandled|UnhandledPromiseRejection/)
    expect(run.sim.requests).toHaveLength(1)
  })

  it.concurrent('SIGTERM during a hung request aborts it', async () => {
    let sentAt = 0
    const run = await gate({ tasks: [running] }, { 'task-id': 't-1', timeout: '10m' }, {
      setup: (sim) => sim.setStandingFault({ kind: 'hang' }),
      onSpawn: (child) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (!sentAt && chunk.toString().includes('Waiting up to')) {
            setTimeout(() => {
              sentAt = Date.now()
              child.kill('SIGTERM')
            }, 300)
          }
        })
      }
    })
    expect(Date.now() - sentAt).toBeLessThan(20_000)
    expect(run.code).toBe(1)
    expect(run.summary).toContain('cancelled')
  })
})
