/**
 * Many gates, one credential: N separate processes of dist/index.js against the simulator's scaled
 * budget (5 calls per 6 s per user per API, HSS's 5 a minute sped up 10 ×), poll-interval 1 s, one
 * task that finishes 3 s after the start. For each gate: how long after the finish it learned the
 * verdict. The budget's floor is the least time N gates can need: after the finish each needs one
 * answered query, and only 5 fit in a window, so the last one waits (ceil(N / 5) − 1) windows; and
 * never less than one poll-interval, the granularity of a single gate.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultInputs, DIST, inputVariable } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator } from '../simulator/server.ts'
import { iacTask } from '../simulator/tasks.ts'

export const BUDGET = { limit: 5, windowMs: 6000 }
export const POLL_MS = 1000
export const FINISH_MS = 3000

export interface CapacityRow {
  gates: number
  /** Verdict delay after the finish, per gate, ms. */
  delays: number[]
  floorMs: number
  /**
   * The earliest the last gate could have learned the verdict given what the budget had already
   * spent before the finish (every gate's first query comes before it): the N-th answer the sliding
   * window admits from the finish on, were every freed call taken at once.
   */
  chainFloorMs: number
  queries: number
  throttled: number
  /** Gates that did not pass (any would be a failure of the design). */
  wrong: number
}

export function floorMs(gates: number): number {
  return Math.max(POLL_MS, (Math.ceil(gates / BUDGET.limit) - 1) * BUDGET.windowMs)
}

/** See CapacityRow.chainFloorMs. */
export function chainFloor(answeredBefore: readonly number[], finish: number, gates: number): number {
  const answered = [...answeredBefore].sort((a, b) => a - b)
  let last = finish
  for (let n = 0; n < gates; n++) {
    const blocking = answered.length >= BUDGET.limit ? (answered[answered.length - BUDGET.limit] ?? 0) + BUDGET.windowMs : finish
    last = Math.max(finish, last, blocking)
    answered.push(last)
  }
  return last - finish
}

export async function capacity(gates: number, dist = DIST): Promise<CapacityRow> {
  const task = { ...iacTask('t-shared', 'shared', { scanned: 10, succeeded: 10, failed: 0 }), task_status: 'running', estimated_time: 1 }
  const sim = await startSimulator({ tasks: [{ task, phases: [{ afterMs: FINISH_MS, status: 'finished', patch: { estimated_time: 0 } }] }], rateLimit: { ...BUDGET, retryAfter: false } })
  const dir = mkdtempSync(join(tmpdir(), 'hss-capacity-'))
  const started = Date.now()
  const finish = started + FINISH_MS
  try {
    const runs = await Promise.all(
      Array.from({ length: gates }, (_, i) => {
        const output = join(dir, `out-${i}`)
        writeFileSync(output, '')
        const env = {
          PATH: process.env.PATH ?? '',
          ...defaultInputs(),
          [inputVariable('task-id')]: 't-shared',
          [inputVariable('endpoint')]: sim.url,
          [inputVariable('project-id')]: DEMO_PROJECT_ID,
          [inputVariable('poll-interval')]: '1s',
          [inputVariable('timeout')]: '5m',
          [inputVariable('summary')]: 'false',
          HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK,
          HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK,
          GITHUB_OUTPUT: output
        }
        return new Promise<{ code: number | null; at: number }>((resolve) => {
          const child = spawn(process.execPath, [dist], { env, stdio: 'ignore' })
          child.on('close', (code) => resolve({ code, at: Date.now() }))
        })
      })
    )
    const tasks = sim.requests.filter((r) => r.route === 'tasks')
    const answeredBefore = tasks.filter((r) => r.status === 200 && r.at < finish).map((r) => r.at)
    return {
      gates,
      delays: runs.map((r) => r.at - finish),
      floorMs: floorMs(gates),
      chainFloorMs: chainFloor(answeredBefore, finish, gates),
      queries: tasks.length,
      throttled: tasks.filter((r) => r.status === 429).length,
      wrong: runs.filter((r) => r.code !== 0).length
    }
  } finally {
    await sim.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.main) {
  const counts = process.argv.slice(2).map(Number).filter((n) => n > 0)
  for (const n of counts.length ? counts : [1, 4, 12, 25]) {
    const row = await capacity(n)
    const sorted = [...row.delays].sort((a, b) => a - b)
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0
    const max = sorted.at(-1) ?? 0
    console.log(`${n} gates: median ${(median / 1000).toFixed(1)} s, max ${(max / 1000).toFixed(1)} s, floor ${(row.floorMs / 1000).toFixed(1)} s (ratio ${(max / row.floorMs).toFixed(2)}), chain floor ${(row.chainFloorMs / 1000).toFixed(1)} s, queries ${row.queries}, 429s ${row.throttled}, not passed ${row.wrong}`)
  }
}
