/**
 * Randomised, through the gate's whole run (gate/run.ts) on a fake clock, against a client that
 * serves hostile and broken listings:
 *  - the risk phase: file listings with duplicated, foreign and non-object rows, short pages and
 *    lying totals, and risk pages with the same faults. The verdict passes only when every scanned
 *    file's risks were read in full and none breaks the threshold (an oracle written from the
 *    contract, not from src/);
 *  - time: listings that never end, hang or slow down. The run always ends within 2 s of timeout.
 *    The APIs are read at once, so here calls take their time on a virtual clock, where waits that
 *    run together overlap as they do in a real run.
 * Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { HssError } from '../../../src/errors.ts'
import type { Clock } from '../../../src/clock.ts'
import type { GateDeps } from '../../../src/gate/deps.ts'
import { runGate } from '../../../src/gate/run.ts'
import type { HssClient } from '../../../src/hss/client.ts'
import type { ListPage, Page } from '../../../src/hss/models.ts'
import type { Config, RiskLevel } from '../../../src/inputs/config.ts'
import { noCheckout } from '../../../src/repo/checkout.ts'
import { iacTask } from '../../../simulator/tasks.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'
import { virtualClock } from '../../../__fixtures__/virtual-clock.ts'
import { oracle, riskCase, serve, type RiskCase } from '../../../__fixtures__/listings.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

function configOf(level: RiskLevel, timeoutMs: number): Config {
  return {
    task: { by: 'id', id: 't-1' },
    taskType: 'iac_scan',
    region: undefined,
    projectId: 'p',
    enterpriseProjectId: undefined,
    endpoint: 'https://hss.example',
    iamEndpoint: undefined,
    auth: { kind: 'token', token: 'x' },
    timeoutMs,
    pollIntervalMs: 1000,
    thresholds: { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 },
    failOnRisk: level,
    sarifFile: undefined,
    sarifCategory: undefined,
    exceptionsFile: '.github/hss-exceptions.yml',
    riskScope: 'all',
    staleCopies: 'off',
    softFail: false,
    summary: true,
    commentOnPr: false,
    githubToken: '',
    matrix: ''
  }
}

function depsOf(client: HssClient, clock: Clock): GateDeps {
  return { clock, random: () => 0.5, signal: new AbortController().signal, log: { info: () => undefined, warning: () => undefined }, hss: () => client, checkout: noCheckout, pullRequest: undefined, github: undefined, runId: undefined }
}

function clientFor(c: RiskCase, clock: ReturnType<typeof fakeClock>): HssClient {
  const files: Record<string, unknown>[] = c.files.map((f, i) => ({ file_id: `f-${i}`, file_name: `f-${i}/Dockerfile`, file_type: 'dockerfile', scan_status: 'success' }))
  const task = iacTask('t-1', 'n', { scanned: files.length, succeeded: files.length, failed: 0 })
  return {
    listTasks: async () => ({ items: [task], rows: 1, total: 1 }),
    createTask: async () => 't-1',
    listTaskResources: async (_id, _body, page) => serve(files, page, c.filesFault, { file_id: 'x', file_name: 'x', scan_status: 'failed' }) as ListPage<Record<string, unknown>>,
    listIacFileRisks: async (fileId, page) => {
      clock.advance(10)
      const file = c.files[Number(fileId.slice(2))]
      if (!file) return { items: [], rows: 0, total: 0 }
      const rows = file.risks.map((level, i) => ({ risk_level: level, risk_name: `r${i}`, rule_id: `R${i}` }))
      return serve(rows, page, file.fault, { risk_level: 'tips', risk_name: 'foreign', rule_id: 'X' }) as ListPage<Record<string, unknown>>
    },
    listIacFileRiskPaths: async () => ({ items: [], rows: 0, total: 0 }),
    listIacFiles: async () => ({ items: [], rows: 0, total: 0 }),
    batchUploadFiles: async () => ({ succeeded: [], failed: [] })
  }
}

describe(`the risk phase over hostile listings (PROPERTY_SEED=${seed})`, () => {
  it('passes only when every scanned file\'s risks were read in full and none breaks the threshold', async () => {
    await fc.assert(
      fc.asyncProperty(riskCase, async (c) => {
        const clock = fakeClock()
        const report = await runGate(configOf(c.level, 600_000), depsOf(clientFor(c, clock), clock), clock.now())
        const context = JSON.stringify(c)
        expect({ context, result: report.verdict.result }).toEqual({ context, result: oracle(c) })
        if (report.risks?.reading.incomplete !== undefined) expect(report.verdict.result).toBe('failed')
      }),
      { seed, numRuns: 400 }
    )
  })
})

/** How each call goes: at once, slowly, or hanging until its own time-out. */
const CALL_FAULTS = ['fast', 'slow', 'hang', 'endless'] as const
type CallFault = (typeof CALL_FAULTS)[number]

const timeCase = fc.record({
  timeoutS: fc.integer({ min: 3, max: 60 }),
  finishAfter: fc.integer({ min: 0, max: 5 }),
  failed: fc.integer({ min: 0, max: 3 }),
  calls: fc.array(fc.constantFrom<CallFault>(...CALL_FAULTS), { minLength: 1, maxLength: 40 }),
  slowMs: fc.integer({ min: 100, max: 40_000 })
})

describe(`time over listings that never end, hang or slow down (PROPERTY_SEED=${seed})`, () => {
  it('the run always ends within 2 s of timeout', async () => {
    await fc.assert(
      fc.asyncProperty(timeCase, async (c) => {
        const clock = virtualClock()
        let n = 0
        let polls = 0
        /** Every call takes its time on the virtual clock, and is cut at its own time-out, as the transport cuts it. */
        const call = async <T>(operation: string, timeoutMs: number | undefined, answer: () => T): Promise<T> => {
          const fault = c.calls[n++ % c.calls.length] ?? 'fast'
          const limit = timeoutMs ?? 30_000
          const takes = fault === 'hang' ? Infinity : fault === 'slow' ? c.slowMs : 40
          if (takes > limit) {
            await clock.sleep(limit)
            throw new HssError({ kind: 'timeout', operation })
          }
          await clock.sleep(takes)
          return answer()
        }
        const endless = <T>(page: Page, row: (i: number) => T): ListPage<T> => ({ items: Array.from({ length: page.limit }, (_, i) => row(page.offset + i)), rows: page.limit, total: 1_900_000 })
        const client: HssClient = {
          listTasks: (_b, _p, t) =>
            call('ListTasks', t, () => {
              const done = polls++ >= c.finishAfter
              const task = iacTask('t-1', 'n', { scanned: 1_900_000, succeeded: 1_900_000 - c.failed, failed: c.failed }, { task_status: done ? 'finished' : 'running' })
              return { items: [task], rows: 1, total: 1 }
            }),
          createTask: async () => 't-1',
          listTaskResources: (_id, _b, page, t) => call('ListTaskResources', t, () => endless(page, (i) => ({ file_id: `f-${i}`, file_name: 'x', scan_status: 'success' }))),
          listIacFileRisks: (_f, page, t) => call('ListIacFileRisks', t, () => endless(page, () => ({ risk_level: 'low' }))),
          listIacFileRiskPaths: (_f, _r, page, t) => call('ListIacFileRiskPaths', t, () => endless(page, () => ({ resource_type: 'Pod' }))),
          listIacFiles: (_f, page, t) => call('ListIacFiles', t, () => endless(page, () => ({ file_id: 'x' }))),
          batchUploadFiles: async () => ({ succeeded: [], failed: [] })
        }
        const start = clock.now()
        const report = await clock.run(runGate(configOf('high', c.timeoutS * 1000), depsOf(client, clock), start))
        const over = clock.now() - start - c.timeoutS * 1000
        expect({ context: JSON.stringify(c), over: over <= 2000 }).toEqual({ context: JSON.stringify(c), over: true })
        expect(report.verdict.result).not.toBe('passed')
      }),
      { seed, numRuns: 150 }
    )
  })
})
