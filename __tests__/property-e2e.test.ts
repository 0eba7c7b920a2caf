/**
 * Randomised, end to end: a few dozen life-cycles and fault sequences played by the simulator
 * against the built action. Replay a run with PROPERTY_SEED=<seed from the test name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { expectedVerdict, scenarioArb, toSimulator } from '../__fixtures__/scenario.ts'
import { gate } from '../__fixtures__/e2e.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const CASES = 24
const cases = fc.sample(
  fc.record({ scenario: scenarioArb({ maxAppear: 2, maxStatuses: 3, maxFaults: 4 }), timeoutSeconds: fc.integer({ min: 2, max: 6 }) }),
  { seed, numRuns: CASES }
)
/**
 * On top of the timeout: process start-up and the last, minimal attempt (2 s), many times over, for
 * busy machines. The exact bound is proven on a fake clock (gate/wait/property.test.ts).
 */
const SLACK_MS = 60_000

describe(`the built action under random life-cycles and faults (PROPERTY_SEED=${seed})`, () => {
  it.concurrent.each(cases.map((c, i) => [i, c] as const))('case %i', async (_i, { scenario: s, timeoutSeconds }) => {
    const { faults, tasks } = toSimulator(s)
    const inputs = {
      'task-id': 't-1',
      timeout: `${timeoutSeconds}s`,
      'max-failed': String(s.thresholds.maxFailed),
      'max-failed-percent': s.thresholds.maxFailedPercent === undefined ? '' : String(s.thresholds.maxFailedPercent),
      'min-scanned': String(s.thresholds.minScanned)
    }
    const run = await gate({ tasks }, inputs, { setup: (sim) => faults.forEach((fault) => sim.queueFault(fault, 'tasks')) })
    const context = `scenario ${JSON.stringify(s)}, timeout ${timeoutSeconds}s, log:\n${run.stdout}`

    expect({ context, elapsedOk: run.elapsedMs <= timeoutSeconds * 1000 + SLACK_MS }).toEqual({ context, elapsedOk: true })
    const result = run.outputs.result
    if (result === undefined && /could not be reached/.test(run.stdout)) {
      // HSS never answered before the timeout (every call so far hung or was reset): the ending of its own,
      // which fails the step and is only ever given before any answer came.
      expect({ context, code: run.code, answered: /^(Task |No iac_scan task)/m.test(run.stdout) }).toEqual({ context, code: 1, answered: false })
      return
    }
    expect({ context, code: run.code }).toEqual({ context, code: result === 'passed' ? 0 : 1 })
    if (result === 'timed-out') {
      // Whatever the machine's speed: a time-out is only ever given when the gate never saw the task
      // finished. (That it sees it in time when there is time is proven on a fake clock.)
      expect({ context, sawFinished: /: finished,/.test(run.stdout) }).toEqual({ context, sawFinished: false })
      return
    }
    const truth = expectedVerdict(s)
    expect({ context, result, status: run.outputs['task-status'], scanned: run.outputs.scanned, failed: run.outputs.failed }).toEqual({
      context,
      result: truth.result,
      status: 'finished',
      scanned: String(s.counts.scanned),
      failed: String(s.counts.failed)
    })
  })
})
