import { describe, expect, it } from '@jest/globals'
import { CancelledError, HssError } from '../../../src/errors.ts'
import { createLocator } from '../../../src/gate/wait/locate.ts'
import { progressLine, waitForTask } from '../../../src/gate/wait/poller.ts'
import { fixedSchedule } from '../../../src/gate/wait/schedule.ts'
import { iacTask, clusterTask } from '../../../simulator/tasks.ts'
import { fakeClient, listOf, type Answer } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'

const running = iacTask('t-1', 'iac-pr-1', { scanned: 10, succeeded: 4, failed: 1 }, { task_status: 'running', estimated_time: 3 })
const finished = iacTask('t-1', 'iac-pr-1', { scanned: 10, succeeded: 9, failed: 1 })

function setup(answers: Answer[], timeoutMs = 600_000, pollIntervalMs = 15_000) {
  const clock = fakeClock()
  const client = fakeClient(answers)
  const lines: string[] = []
  const start = clock.now()
  const options = {
    clock,
    random: () => 0.5,
    deadline: start + timeoutMs,
    requestTimeoutMs: 30_000,
    pollIntervalMs,
    log: (line: string) => lines.push(line),
    locator: createLocator(client, 'iac_scan', { by: 'id', id: 't-1' }),
    taskType: 'iac_scan' as const,
    schedule: fixedSchedule(pollIntervalMs)
  }
  return { clock, client, lines, start, options }
}

describe('waitForTask', () => {
  it('polls every poll-interval until finished, logging each query', async () => {
    const { clock, lines, start, options } = setup([listOf({ ...running, task_status: 'ready' }), listOf(running), listOf(finished)])
    const outcome = await waitForTask(options)
    expect(outcome).toMatchObject({ kind: 'finished', task: finished, queries: 3 })
    expect(clock.sleeps).toEqual([15_000, 15_000])
    expect(clock.now() - start).toBe(30_000)
    expect(lines).toEqual([
      'Task "iac-pr-1" (t-1): ready, 5/10 files done, 1 failed, about 3 min left',
      'Task "iac-pr-1" (t-1): running, 5/10 files done, 1 failed, about 3 min left',
      'Task "iac-pr-1" (t-1): finished, 10/10 files done, 1 failed'
    ])
  })

  it.each(['failed', 'cancelled', 'FINISHED', 'done', '', undefined])('treats status %j as not finished', async (status) => {
    const odd = { ...finished, task_status: status }
    const { options } = setup([listOf(odd), listOf(odd), listOf(finished)])
    const outcome = await waitForTask(options)
    expect(outcome).toMatchObject({ kind: 'finished', queries: 3 })
  })

  it('keeps a long wait\'s log short: a line when something changes, else once a minute', async () => {
    // 30 minutes of "not there yet" at the default 15 s: 120 queries, about 30 lines, not 120.
    const { lines, options } = setup([listOf()], 30 * 60_000, 15_000)
    await waitForTask(options)
    expect(lines.length).toBeLessThanOrEqual(32)
    expect(lines[0]).toBe('No iac_scan task with id t-1 yet; waiting for it to appear')
    expect(lines[1]).toBe('No iac_scan task with id t-1 yet; waiting for it to appear (still, after 60 s)')
  })

  it('waits for a task that does not exist yet', async () => {
    const { lines, options } = setup([listOf(), listOf(), listOf(finished)])
    expect(await waitForTask(options)).toMatchObject({ kind: 'finished', queries: 3 })
    expect(lines[0]).toBe('No iac_scan task with id t-1 yet; waiting for it to appear')
  })

  it('times out without waiting past the deadline, after one last query at it', async () => {
    const { clock, start, options } = setup([listOf(running)], 40_000)
    const outcome = await waitForTask(options)
    expect(outcome).toMatchObject({ kind: 'timed-out', task: running, queries: 4 })
    expect(clock.sleeps).toEqual([15_000, 15_000, 10_000])
    expect(clock.now() - start).toBe(40_000)
  })

  it('times out with no task when it never appears', async () => {
    const { options } = setup([listOf()], 30_000)
    expect(await waitForTask(options)).toMatchObject({ kind: 'timed-out', task: undefined })
  })

  it('rides out transient failures and keeps the last task seen', async () => {
    const flaky = new HssError({ kind: 'http', operation: 'ListTasks', status: 502 })
    const { options } = setup([listOf(running), flaky, flaky, listOf(finished)])
    expect(await waitForTask(options)).toMatchObject({ kind: 'finished', queries: 4 })
  })

  it('reports the last transient failure when the time runs out during it', async () => {
    const down = new HssError({ kind: 'http', operation: 'ListTasks', status: 503 })
    const { clock, start, options } = setup([listOf(running), down], 20_000)
    const outcome = await waitForTask(options)
    expect(outcome).toMatchObject({ kind: 'timed-out', task: running, lastError: down })
    expect(clock.now() - start).toBeLessThanOrEqual(20_000)
  })

  it('fails at once on a permanent failure', async () => {
    const denied = new HssError({ kind: 'http', operation: 'ListTasks', status: 400, errorCode: 'HSS.0013' })
    const { client, options } = setup([listOf(running), denied, listOf(finished)])
    await expect(waitForTask(options)).rejects.toBe(denied)
    expect(client.calls).toHaveLength(2)
  })

  it('stops when cancelled', async () => {
    const cancel = new AbortController()
    const { options } = setup([listOf(running)])
    const pending = waitForTask({ ...options, signal: cancel.signal })
    cancel.abort()
    await expect(pending).rejects.toBeInstanceOf(CancelledError)
  })
})

describe('the default schedule', () => {
  it('is adaptive unless told otherwise: waits stretch while HSS expects a long scan, within the cap', async () => {
    const long = { ...running, estimated_time: 30 }
    const { clock, options } = setup([listOf(long), listOf(long), listOf(finished)])
    await waitForTask({ ...options, schedule: undefined })
    expect(clock.sleeps).toEqual([60_000, 60_000])
  })
})

describe('progressLine', () => {
  it('counts clusters for a cluster scan', () => {
    const locator = createLocator(fakeClient([]), 'cluster_scan', { by: 'name', name: 'nightly', createdAfter: undefined })
    expect(progressLine({ task: clusterTask('c-1', 'nightly', { scanning: 2, succeeded: 3, failed: 1 }, { task_status: 'running', estimated_time: 12 }) }, locator, 'cluster_scan').text).toBe(
      'Task "nightly" (c-1): running, 4/6 clusters done, 1 failed, about 12 min left'
    )
    expect(progressLine({ task: undefined }, locator, 'cluster_scan').text).toBe('No cluster_scan task named "nightly" yet; waiting for it to appear')
  })

  it('says when the name search stopped at its page cap', () => {
    const locator = createLocator(fakeClient([]), 'iac_scan', { by: 'name', name: 'app', createdAfter: undefined })
    expect(progressLine({ task: undefined, capped: { read: 10_000, total: 12_345 } }, locator, 'iac_scan').text).toBe(
      'No iac_scan task named "app" yet: no exact match among the first 10000 fuzzy matches (HSS has 12345); the search stops there, so give task-id or a more specific name; waiting for it to appear'
    )
  })

  it('keeps hostile names, statuses and ids on one line, and shows unreadable counts as ?', () => {
    const locator = createLocator(fakeClient([]), 'iac_scan', { by: 'id', id: 't' })
    const task = { task_id: 'id\n::error::x', task_name: 'n1\n::error title=Forged::forged', task_status: 'running\r\n::warning::y', iac_scan_info: { scan_file_num: '10', success_file_num: null, failed_file_num: -1 } }
    const line = progressLine({ task }, locator, 'iac_scan').text
    expect(line).toBe('Task "n1 ::error title=Forged::forged" (id ::error::x): running ::warning::y, ?/10 files done, ? failed')
  })
})
