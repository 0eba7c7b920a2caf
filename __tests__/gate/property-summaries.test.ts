/**
 * Property: for random files, risks, ListIacFiles summaries (rows under either scan type, fields
 * that are booleans, numbers, text, null or missing, scans before or after the task's start, rows
 * of other files, a project list of any length) and a summaries API that answers, stumbles or is
 * down, readScanResults skips a file's risk read only when its own rows prove it clean for this
 * scan, and reads the same risks as reading every file; so the verdict is the same. The server is
 * honest in one thing only: a file it proves clean has no risk (a summary is HSS's word, as a risk
 * row is). Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { HssError } from '../../src/errors.ts'
import type { Counts } from '../../src/gate/counts.ts'
import { slidingWindow } from '../../src/gate/paging/pace.ts'
import { readScanResults } from '../../src/gate/results.ts'
import { readRisks, type RiskReading } from '../../src/gate/risks/risks.ts'
import type { TaskFile } from '../../src/gate/files/task-files.ts'
import type { IacFile, IacFileRisk, Page } from '../../src/hss/models.ts'
import { openCheckout } from '../../src/repo/checkout.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { fakeClient, pageOf } from '../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../__fixtures__/fake-clock.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const START = 1_800_000_000_000
const LEVELS = ['high', 'medium', 'low', 'tips', 'critical'] as const

// Field values as a server may send them; `undefined` leaves the field out.
const riskyArb = fc.constantFrom<unknown>(false, false, false, true, 'false', null, undefined, 0)
const riskNumArb = fc.constantFrom<unknown>(0, 0, 0, 1, 3, '0', null, undefined, -0.5)
const scanTimeArb = fc.constantFrom<unknown>(START + 60_000, START, START + 1, START - 1, START - 86_400_000, String(START + 60_000), null, undefined, 'soon')
const rowArb = fc.record({ scanType: fc.constantFrom('manual_scan', 'cicd_scan'), risky: riskyArb, riskNum: riskNumArb, lastScanTime: scanTimeArb })
const fileArb = fc.record({
  risks: fc.array(fc.constantFrom(...LEVELS), { maxLength: 3 }),
  rows: fc.array(rowArb, { maxLength: 3 })
})
const caseArb = fc.record({
  files: fc.array(fileArb, { minLength: 1, maxLength: 10 }),
  // Copies of other files in the project: none, a page's worth, or many pages (the look-up way wins).
  foreign: fc.constantFrom(0, 5, 190, 450, 2500),
  // The task's start_time: a number, or something that proves nothing.
  start: fc.constantFrom<unknown>(START, START, START, undefined, null, String(START)),
  summaries: fc.constantFrom('answer', 'answer', 'stumble', 'down', 'refuse')
})
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never
type Row = Case['files'][number]['rows'][number]

/** The task's start as the gate reads a task's times: a whole number of ms, or a string of its digits. */
const startOf = (start: unknown) => (typeof start === 'number' || (typeof start === 'string' && /^\d+$/.test(start)) ? Number(start) : undefined)
/** The contract: `risky` the boolean false, `risk_num` the number 0, `last_scan_time` a number no earlier than the task's start. */
const proves = (row: Row, start: unknown) => row.risky === false && row.riskNum === 0 && typeof row.lastScanTime === 'number' && startOf(start) !== undefined && row.lastScanTime >= (startOf(start) ?? Infinity)

/** The honest server: a file with risks never has rows that all prove it clean. */
function honest(c: Case): Case {
  return {
    ...c,
    files: c.files.map((file) => (file.risks.length && file.rows.length && file.rows.every((row) => proves(row, START)) ? { ...file, rows: [{ ...file.rows[0] as Row, risky: true, riskNum: file.risks.length }, ...file.rows.slice(1)] } : file))
  }
}

const taskFiles = (c: Case): TaskFile[] => c.files.map((_, i) => ({ id: `f-${i}`, name: `svc-${i}/Dockerfile`, status: 'success', type: 'dockerfile' }))

function clientFor(c: Case) {
  const risksOf = (fileId: string): IacFileRisk[] => (c.files[Number(fileId.slice(2))]?.risks ?? []).map((level, i) => ({ risk_id: `${fileId}-${i}`, risk_level: level, risk_name: `rule ${i}`, rule_id: `R${i}`, risk_num: 1 }))
  const rowsOf = (scanType: string): IacFile[] => {
    const own = c.files.flatMap((file, i) => file.rows.filter((row) => row.scanType === scanType).map((row): IacFile => {
      const out: Record<string, unknown> = { file_id: `f-${i}`, file_name: 'Dockerfile', file_type: 'dockerfile', scan_type: scanType, upload_file_time: START - 1000 }
      if (row.risky !== undefined) out.risky = row.risky
      if (row.riskNum !== undefined) out.risk_num = row.riskNum
      if (row.lastScanTime !== undefined) out.last_scan_time = row.lastScanTime
      return out
    }))
    const others = Array.from({ length: scanType === 'manual_scan' ? c.foreign : 0 }, (_, i): IacFile => ({ file_id: `other-${i}`, file_name: 'Dockerfile', risky: false, risk_num: 0, last_scan_time: START + 1 }))
    // The task's rows sit anywhere in the project's list: here, in its middle.
    const half = Math.floor(others.length / 2)
    return [...others.slice(0, half), ...own, ...others.slice(half)]
  }
  const lists = new Map(['manual_scan', 'cicd_scan'].map((type) => [type, rowsOf(type)]))
  let summaryCalls = 0
  const client = fakeClient([], () => pageOf(c.files.length, taskFiles(c).map((f) => ({ file_id: f.id, file_name: f.name, file_type: f.type, scan_status: 'success' }))), {
    risks: (fileId, page) => pageOf(risksOf(fileId).length, risksOf(fileId).slice(page.offset, page.offset + page.limit)),
    files: (fileId: string | undefined, scanType: string, page: Page) => {
      summaryCalls++
      if (c.summaries === 'down') return new HssError({ kind: 'http', operation: 'ListIacFiles', status: 400, errorCode: 'HSS.1001', errorMsg: 'bad request' })
      if (c.summaries === 'refuse') return new HssError({ kind: 'http', operation: 'ListIacFiles', status: 403, errorCode: 'HSS.0013' })
      if (c.summaries === 'stumble' && summaryCalls % 3 === 1) return new HssError({ kind: 'http', operation: 'ListIacFiles', status: 503 })
      const list = (lists.get(scanType) ?? []).filter((row) => fileId === undefined || row.file_id === fileId)
      return pageOf(list.length, list.slice(page.offset, page.offset + page.limit))
    }
  })
  return client
}

function retryContext() {
  const clock = fakeClock(START + 120_000)
  // Far enough that no case runs out of time: the property is about which files are read.
  return { clock, random: () => 0.5, deadline: clock.now() + 48 * 3_600_000, requestTimeoutMs: 30_000, pollIntervalMs: 5000, log: () => {} }
}

const sameRisks = (reading: RiskReading | undefined) => ({
  total: reading?.total,
  incomplete: reading?.incomplete,
  risks: (reading?.risks ?? []).map((risk) => `${risk.file_id}/${risk.rule_id}/${risk.risk_level}`).sort()
})

/** The verdict of fail-on-risk at each level: does any risk at or above it exist (an unknown level is above all)? */
const verdicts = (reading: RiskReading | undefined) =>
  ['high', 'medium', 'low', 'tips'].map((level, rank) => (reading?.incomplete ? 'failed' : (reading?.risks ?? []).some((risk) => { const at = ['high', 'medium', 'low', 'tips'].indexOf(risk.risk_level); return at === -1 || at <= rank }) ? 'failed' : 'passed'))

describe(`file summaries (PROPERTY_SEED=${seed})`, () => {
  it('skip a risk read only when the file\'s own rows prove it clean for this scan, and read the same risks as reading every file', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb.map(honest), async (c) => {
        const context = JSON.stringify(c)
        const files = taskFiles(c)
        const counts: Counts = { scanned: files.length, succeeded: files.length, reportedFailed: 0, scanning: undefined, unreadable: [] }
        const task = iacTask('t-1', 'n', { scanned: files.length, succeeded: files.length, failed: 0 }, { start_time: c.start as number })
        const client = clientFor(c)
        const retry = retryContext()
        const results = await readScanResults({
          client,
          task,
          counts,
          risks: true,
          pr: { exceptions: undefined, scope: { mode: 'all', changes: undefined } },
          checkout: openCheckout(undefined),
          uploaded: new Map(),
          retry,
          log: { info: () => {}, warning: () => {} }
        })
        const full = await readRisks(clientFor(c), files, { ...retryContext(), pacer: slidingWindow(fakeClock(), { calls: 1000, windowMs: 1 }) })

        // Which files were not read: only those whose own rows prove them clean; all of those when the
        // summaries answered at once (after a failed call, the risks are read while the summaries wait).
        const read = new Set(client.riskCalls.map((call) => call.fileId))
        const skipped = files.filter((file) => !read.has(file.id)).map((file) => file.id)
        const provable = files.filter((_, i) => {
          const rows = c.files[i]?.rows ?? []
          return rows.length > 0 && rows.every((row) => proves(row, c.start))
        }).map((file) => file.id)
        expect({ context, unproven: skipped.filter((id) => !provable.includes(id)) }).toEqual({ context, unproven: [] })
        if (c.summaries === 'answer') expect({ context, skipped }).toEqual({ context, skipped: provable })

        // The same risks, so the same verdict at every level.
        expect({ context, risks: sameRisks(results.reading) }).toEqual({ context, risks: sameRisks(full) })
        expect({ context, verdicts: verdicts(results.reading) }).toEqual({ context, verdicts: verdicts(full) })
        // Only a refusal is reported as one (a permission error, though the summaries only spare calls).
        if (results.refusals.length) expect({ context, summaries: c.summaries }).toEqual({ context, summaries: 'refuse' })
      }),
      { seed, numRuns: 300 }
    )
  })
})
