import { describe, expect, it } from '@jest/globals'
import { CancelledError, HssError } from '../../../src/errors.ts'
import { AmbiguousCreation, bodyOf, certainlyNotCreated, startTask } from '../../../src/gate/wait/create.ts'
import type { RetryContext } from '../../../src/gate/paging/retry.ts'
import type { CreateSpec } from '../../../src/inputs/config.ts'
import { fakeClient } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'

const spec: CreateSpec = { taskType: 'iac_scan', fileType: 'dockerfile', fileIds: ['f-1', 'f-2'], upload: [] }
const op = 'CreateTask'
const refusals = {
  throttled: new HssError({ kind: 'http', operation: op, status: 429, errorCode: 'APIGW.0308' }),
  'a connection refused': new HssError({ kind: 'network', operation: op, sent: false, cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) })
}
const ambiguous = {
  '5xx with an error body': new HssError({ kind: 'http', operation: op, status: 503, errorCode: 'HSS.1000', errorMsg: 'busy' }),
  "the gateway's 504 for a backend time-out": new HssError({ kind: 'http', operation: op, status: 504, errorCode: 'APIGW.0203', errorMsg: 'Backend timeout' }),
  'a cut connection': new HssError({ kind: 'network', operation: op, cause: new Error('socket hang up') }),
  'no answer in time': new HssError({ kind: 'timeout', operation: op }),
  'a gateway page (5xx, no error body)': new HssError({ kind: 'http', operation: op, status: 502 }),
  'a 200 that is not the expected JSON': new HssError({ kind: 'bad-body', operation: op, status: 200 })
}

function context(): RetryContext & { lines: string[] } {
  const clock = fakeClock()
  const lines: string[] = []
  return { clock, random: () => 0.5, deadline: clock.now() + 600_000, requestTimeoutMs: 30_000, pollIntervalMs: 15_000, log: (l) => lines.push(l), lines }
}

describe('startTask', () => {
  it.each(Object.entries(refusals))('repeats a creation that cannot have happened (%s), and starts one scan', async (_name, refusal) => {
    const client = fakeClient([], undefined, { create: [refusal, refusal, 'task-9'] })
    expect(await startTask(client, spec, context())).toEqual({ ok: true, taskId: 'task-9' })
    expect(client.createCalls).toHaveLength(3)
  })

  it.each(Object.entries(ambiguous))('never repeats a creation that may have happened (%s), and says what to look for', async (_name, failure) => {
    const client = fakeClient([], undefined, { create: [failure, 'task-2'] })
    const ctx = context()
    const at = new Date(ctx.clock.now()).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
    const error = await startTask(client, spec, ctx).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AmbiguousCreation)
    expect((error as Error).message).toContain(`an iac_scan task may have been started at ${at} (2 dockerfile files)`)
    expect(client.createCalls).toHaveLength(1)
  })

  it.each([
    ['no answer in time', ambiguous['no answer in time'], 'The answer never came'],
    ["the gateway's 504", ambiguous["the gateway's 504 for a backend time-out"], 'HSS answered HTTP 504 APIGW.0203, which does not say whether the task was made'],
    ['a 200 without the id', ambiguous['a 200 that is not the expected JSON'], "HSS answered HTTP 200, but not with the new task's id"]
  ])('says what came back (%s), never that nothing came when something did', async (_name, failure, words) => {
    const error = await startTask(fakeClient([], undefined, { create: [failure] }), spec, context()).catch((e: unknown) => e)
    expect((error as Error).message).toContain(words)
  })

  it('keeps the hint that a task may exist when the run is cancelled during the creation', async () => {
    const cancel = new AbortController()
    const client = fakeClient([], undefined, { create: ['never used'] })
    client.createTask = () => {
      cancel.abort()
      return Promise.reject(new CancelledError())
    }
    const error = await startTask(client, spec, { ...context(), signal: cancel.signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CancelledError)
    expect((error as Error).message).toMatch(/cancelled while CreateTask was under way: an iac_scan task may have been started at .* UTC \(2 dockerfile files\)/)
  })

  it('throws a permanent refusal as it is (nothing was created)', async () => {
    const denied = new HssError({ kind: 'http', operation: op, status: 400, errorCode: 'HSS.0011' })
    const client = fakeClient([], undefined, { create: [denied] })
    await expect(startTask(client, spec, context())).rejects.toBe(denied)
    expect(client.createCalls).toHaveLength(1)
  })

  it('gives up (not ok) when HSS keeps refusing until the time-out', async () => {
    const ctx = { ...context(), deadline: 0 }
    ctx.deadline = ctx.clock.now() + 5000
    const client = fakeClient([], undefined, { create: [refusals.throttled] })
    const outcome = await startTask(client, spec, ctx)
    expect(outcome.ok).toBe(false)
  })

  it('certainlyNotCreated: only a 429, or a connection never made', () => {
    for (const refusal of Object.values(refusals)) expect(certainlyNotCreated(refusal)).toBe(true)
    for (const failure of Object.values(ambiguous)) expect(certainlyNotCreated(failure)).toBe(false)
    expect(certainlyNotCreated(new HssError({ kind: 'tls', operation: op, sent: false }))).toBe(false)
  })
})

describe('bodyOf', () => {
  it('is the body CreateTask documents', () => {
    expect(bodyOf(spec)).toEqual({ task_type: 'iac_scan', iac_scan_info: { file_type: 'dockerfile', file_id_list: ['f-1', 'f-2'] } })
    expect(bodyOf({ taskType: 'cluster_scan', scanTypes: ['cluster_vul'], clusterIds: [] })).toEqual({ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['cluster_vul'], range_type: 'all_cluster' } })
    expect(bodyOf({ taskType: 'cluster_scan', scanTypes: ['benchmark'], clusterIds: ['c-1'] })).toEqual({ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['benchmark'], range_type: 'specific_cluster', cluster_id_list: ['c-1'] } })
  })
})
