import { describe, expect, it } from '@jest/globals'
import { HssError } from '../../../src/errors.ts'
import { slidingWindow } from '../../../src/gate/paging/pace.ts'
import { mostSevereFirst, readRisks, RISKS_HELD, riskOf, type RiskContext } from '../../../src/gate/risks/risks.ts'
import type { TaskFile } from '../../../src/gate/files/task-files.ts'
import type { IacFileRisk } from '../../../src/hss/models.ts'
import { fakeClient, pageOf } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'

const files = (n: number): TaskFile[] => Array.from({ length: n }, (_, i) => ({ id: `f-${i + 1}`, name: `svc-${i + 1}/Dockerfile`, status: 'success', type: 'dockerfile' }))
let ids = 0
const risk = (level: unknown, name = `r-${String(level)}`, extra: Record<string, unknown> = {}): IacFileRisk => ({ risk_id: `k-${ids++}`, risk_level: level, risk_name: name, rule_id: 'R1', risk_category: 'workload', risk_num: 1, remediation: 'fix it', ...extra })

function context(overrides: Partial<RiskContext> = {}): RiskContext & { lines: string[] } {
  const clock = fakeClock()
  const lines: string[] = []
  return {
    clock,
    random: () => 0.5,
    deadline: clock.now() + 600_000,
    requestTimeoutMs: 30_000,
    pollIntervalMs: 1000,
    log: (l) => lines.push(l),
    pacer: slidingWindow(clock, { calls: 5, windowMs: 5000 }),
    lines,
    ...overrides
  }
}

const levels = (risks: { risk_level: string }[]) => risks.map((r) => r.risk_level)

describe('readRisks', () => {
  it('reads every page of every file, one risk per row, and says how many files are left', async () => {
    const all = Array.from({ length: 450 }, (_, i) => risk(['high', 'medium', 'low', 'tips'][i % 4]))
    const client = fakeClient([], () => pageOf(0, []), {
      risks: (fileId, page) => pageOf(fileId === 'f-1' ? 450 : 1, fileId === 'f-1' ? all.slice(page.offset, page.offset + page.limit) : [risk('HIGH')])
    })
    const ctx = context()
    const reading = await readRisks(client, files(2), ctx)
    expect([reading.total, reading.risks.length, reading.incomplete]).toEqual([451, 451, undefined])
    expect(levels(reading.risks).filter((l) => l === 'high')).toHaveLength(113)
    expect(reading.files).toEqual({ listed: 2, read: 2 })
    expect(client.riskCalls.map((c) => `${c.fileId}@${c.page.offset}/${c.page.limit}`)).toEqual(['f-1@0/200', 'f-1@200/200', 'f-1@400/200', 'f-2@0/200'])
    expect(ctx.lines).toEqual(['Reading IaC risks: file 1 of 2 (svc-1/Dockerfile); 1 left after it', 'Reading IaC risks: file 2 of 2 (svc-2/Dockerfile); 0 left after it'])
  })

  it('reads a file until its total arrives, however short the pages (100 served when 200 are asked)', async () => {
    const all = Array.from({ length: 150 }, (_, i) => risk(i < 100 ? 'low' : 'high'))
    const client = fakeClient([], () => pageOf(0, []), { risks: (_f, page) => pageOf(150, all.slice(page.offset, page.offset + 100)) })
    const reading = await readRisks(client, files(1), context())
    expect(reading.incomplete).toBeUndefined()
    expect(levels(reading.risks).filter((l) => l === 'high')).toHaveLength(50)
    expect(client.riskCalls.map((c) => c.page.offset)).toEqual([0, 100])
  })

  it.each([
    ['a row listed twice (paging drift)', { items: [{ risk_id: 'k', risk_level: 'low' }, { risk_id: 'k', risk_level: 'low' }], rows: 2, total: 2 }, /the same risk of svc-1\/Dockerfile twice/],
    ['two rows alike without a risk_id', { items: [{ risk_level: 'low' }, { risk_level: 'low' }], rows: 2, total: 2 }, /twice/],
    ['rows that are strings', { items: [], rows: 2, total: 2 }, /is not a risk object/],
    ['a total with the list missing', { items: [], rows: 0, total: 3 }, /total_num says 3, but the rows stopped at 0/],
    ['no total at all', { items: [risk('high')], rows: 1, total: undefined }, /no readable total_num/]
  ])('is incomplete, never "no risks", with %s', async (_name, page, why) => {
    const client = fakeClient([], () => pageOf(0, []), { risks: () => page })
    const reading = await readRisks(client, files(1), context())
    expect(reading.incomplete).toMatch(why)
  })

  it('paces the risk calls: at most 5 in any window, however many files', async () => {
    const client = fakeClient([], () => pageOf(0, []), { risks: () => pageOf(0, []) })
    const ctx = context()
    const start = ctx.clock.now()
    await readRisks(client, files(12), ctx)
    // 12 calls at 5 per 5 s: the 6th waits for the window, and so does the 11th.
    expect(ctx.clock.now() - start).toBe(10_000)
  })

  it('rides out throttling of the risk API', async () => {
    let calls = 0
    const client = fakeClient([], () => pageOf(0, []), {
      risks: () => (calls++ < 2 ? new HssError({ kind: 'http', operation: 'ListIacFileRisks', status: 429, errorCode: 'APIGW.0308' }) : pageOf(1, [risk('low')]))
    })
    const ctx = context()
    const reading = await readRisks(client, files(1), ctx)
    expect([reading.incomplete, levels(reading.risks)]).toEqual([undefined, ['low']])
    expect(ctx.lines.filter((l) => l.startsWith('HSS throttled the request: ListIacFileRisks'))).toHaveLength(2)
  })

  it.each([
    ['the risk API refuses', () => new HssError({ kind: 'http', operation: 'ListIacFileRisks', status: 400, errorCode: 'HSS.0013' }), /the risks of 1 of 1 files could not be read: ListIacFileRisks: HTTP 400 HSS.0013/, true],
    ['the risk API is down until the time-out', () => new HssError({ kind: 'http', operation: 'ListIacFileRisks', status: 503 }), /could not be read: ListIacFileRisks: HTTP 503/, false]
  ])('is incomplete, never empty-and-fine, when %s', async (_name, failure, why, refused) => {
    const client = fakeClient([], () => pageOf(0, []), { risks: failure })
    const ctx = context()
    ctx.deadline = ctx.clock.now() + 10_000
    const reading = await readRisks(client, files(1), ctx)
    expect(reading.incomplete).toMatch(why)
    expect(Boolean(reading.refused)).toBe(refused)
  })

  it('is incomplete when the time runs out before every file is read', async () => {
    const client = fakeClient([], () => pageOf(0, []), { risks: () => pageOf(0, []) })
    const ctx = context()
    ctx.deadline = ctx.clock.now() + 7000
    const reading = await readRisks(client, files(20), ctx)
    expect(reading.incomplete).toBe('the risks of 10 of 20 files could not be read before the time-out')
    expect(reading.files.read).toBe(10)
  })

  it('holds the first risks in full, and only counts the rest by level', async () => {
    const many = Array.from({ length: 200 }, (_, i) => risk(i === 150 ? 'high' : 'tips', `r${i}`))
    const n = Math.ceil(RISKS_HELD / 200) + 1
    const client = fakeClient([], () => pageOf(0, []), { risks: () => pageOf(200, many) })
    const reading = await readRisks(client, files(n), context())
    expect(reading.total).toBe(200 * n)
    expect(reading.risks).toHaveLength(RISKS_HELD)
    expect(reading.overflow.high + reading.overflow.tips).toBe(200 * n - RISKS_HELD)
  })
})

describe('ordering and reading rows', () => {
  it('puts unknown levels first, then high … tips, then more occurrences first', () => {
    const file = { id: 'f', name: 'Dockerfile' }
    const sorted = mostSevereFirst([risk('tips'), risk('low'), risk('high', 'a', { risk_num: 1 }), risk('high', 'b', { risk_num: 5 }), risk('weird'), risk('medium')].map((r) => riskOf(r, file)))
    expect(sorted.map((r) => `${r.risk_level}:${r.risk_num}`)).toEqual(['weird:1', 'high:5', 'high:1', 'medium:1', 'low:1', 'tips:1'])
  })

  it('reads hostile rows as bounded one-line text, and odd counts as null', () => {
    const r = riskOf({ risk_level: 'high\n::error::x', risk_name: 'n'.repeat(1000), risk_num: '-1', remediation: { a: 1 } }, { id: 'f', name: 'a\nb' })
    expect(r).toMatchObject({ risk_level: 'high ::error::x', file_name: 'a b', risk_num: null, remediation: '', description: '', build_instruction: '' })
    expect(r.risk_name.length).toBeLessThanOrEqual(256)
  })
})

describe('slidingWindow', () => {
  it('lets a burst through, then waits for the window; says no rather than wait past the deadline', async () => {
    const clock = fakeClock()
    const pacer = slidingWindow(clock, { calls: 2, windowMs: 1000 })
    const start = clock.now()
    expect([await pacer.wait(start + 5000), await pacer.wait(start + 5000)]).toEqual([true, true])
    expect(clock.now()).toBe(start)
    expect(await pacer.wait(start + 5000)).toBe(true)
    expect(clock.now()).toBe(start + 1000)
    expect(await pacer.wait(start + 1500)).toBe(true)
    expect(await pacer.wait(start + 1500)).toBe(false)
    expect(clock.now()).toBe(start + 1000)
    expect(pacer.calls).toBe(4)
  })
})
