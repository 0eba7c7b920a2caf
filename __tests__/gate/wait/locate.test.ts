import { describe, expect, it } from '@jest/globals'
import { HssError } from '../../../src/errors.ts'
import { PAGE_LIMIT } from '../../../src/gate/paging/listing.ts'
import { createLocator, MAX_NAME_PAGES, newest } from '../../../src/gate/wait/locate.ts'
import type { Task } from '../../../src/hss/models.ts'
import { iacTask } from '../../../simulator/tasks.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'
import { fakeClient, listOf, pageOf, type Answer } from '../../../__fixtures__/fake-client.ts'

const counts = { scanned: 1, succeeded: 1, failed: 0 }
const byName = (name: string, createdAfter?: number) => ({ by: 'name', name, createdAfter }) as const
const throttled = () => new HssError({ kind: 'http', operation: 'ListTasks', status: 429 })

describe('by id', () => {
  it('lets the server filter and picks the exact id', async () => {
    const client = fakeClient([listOf(iacTask('t-10', 'x', counts), iacTask('t-1', 'y', counts))])
    const locator = createLocator(client, 'iac_scan', { by: 'id', id: 't-1' })
    expect((await locator.locate(1000)).task?.task_name).toBe('y')
    expect(client.calls[0]).toEqual({ body: { task_type: 'iac_scan', task_id: 't-1' }, page: { offset: 0, limit: 10 }, timeoutMs: 1000 })
  })

  it('answers no task when it does not exist yet', async () => {
    const locator = createLocator(fakeClient([listOf()]), 'cluster_scan', { by: 'id', id: 't-1' })
    expect((await locator.locate(1000)).task).toBeUndefined()
  })

  it('does not take a task of another type, whatever its id', async () => {
    const other = iacTask('t-1', 'y', counts, { task_type: 'cluster_scan' })
    expect((await createLocator(fakeClient([listOf(other)]), 'iac_scan', { by: 'id', id: 't-1' }).locate(1000)).task).toBeUndefined()
  })
})

describe('by name', () => {
  it('ignores fuzzy matches and takes the newest exact one, then follows it by id', async () => {
    const decoys = [iacTask('a', 'infra-staging', counts, { start_time: 9e12 }), iacTask('b', 'Infra', counts, { start_time: 8e12 })]
    const older = iacTask('c', 'infra', counts, { start_time: 1e12 })
    const newer = iacTask('d', 'infra', counts, { start_time: 5e12 })
    const client = fakeClient([listOf(...decoys, older, newer), listOf(newer)])
    const locator = createLocator(client, 'iac_scan', byName('infra'))

    expect((await locator.locate(1000)).task?.task_id).toBe('d')
    expect(client.calls[0]?.body).toEqual({ task_type: 'iac_scan', task_name: 'infra', sort_key: 'start_time', sort_dir: 'desc' })
    expect(client.calls[0]?.page).toEqual({ offset: 0, limit: PAGE_LIMIT })
    expect(locator.target).toEqual({ id: 'd', name: 'infra' })

    await locator.locate(1000)
    expect(client.calls[1]?.body).toEqual({ task_type: 'iac_scan', task_id: 'd' })
  })

  it('ranks a task that has not started (no or zero start_time) above any that has, wherever it is listed', async () => {
    const started = iacTask('old', 'app', counts, { start_time: 5e12 })
    const client = fakeClient([pageOf(201, [started, ...filler(PAGE_LIMIT - 1)]), pageOf(201, [iacTask('new', 'app', counts, { task_status: 'ready', start_time: 0 })])])
    expect((await createLocator(client, 'iac_scan', byName('app')).locate(1000)).task?.task_id).toBe('new')
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 200])
  })

  it('with created-after, ignores tasks that started before it', async () => {
    const old = iacTask('old', 'app', counts, { start_time: 1_000_000_000_000 })
    const client = fakeClient([listOf(old)])
    const locator = createLocator(client, 'iac_scan', byName('app', 1_000_000_000_001))
    expect((await locator.locate(1000)).task).toBeUndefined()
    expect(locator.target.id).toBeUndefined()
    expect((await createLocator(fakeClient([listOf(old)]), 'iac_scan', byName('app', 1_000_000_000_000)).locate(1000)).task?.task_id).toBe('old')
  })

  it('pages through many fuzzy matches', async () => {
    const client = fakeClient([pageOf(401, filler(PAGE_LIMIT)), pageOf(401, filler(PAGE_LIMIT)), pageOf(401, [iacTask('hit', 'app', counts)])])
    expect((await createLocator(client, 'iac_scan', byName('app')).locate(1000)).task?.task_id).toBe('hit')
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 200, 400])
  })

  it('resumes where it stopped when a page fails, instead of starting again at offset 0', async () => {
    const answers: Answer[] = [pageOf(601, filler(PAGE_LIMIT)), pageOf(601, filler(PAGE_LIMIT)), throttled(), pageOf(601, filler(PAGE_LIMIT)), throttled(), pageOf(601, [iacTask('hit', 'app', counts)])]
    const client = fakeClient(answers)
    const locator = createLocator(client, 'iac_scan', byName('app'))
    await expect(locator.locate(1000)).rejects.toBeInstanceOf(HssError)
    await expect(locator.locate(1000)).rejects.toBeInstanceOf(HssError)
    expect((await locator.locate(1000)).task?.task_id).toBe('hit')
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 200, 400, 400, 600, 600])
  })

  it('starts each new look at offset 0 once a search has ended', async () => {
    const client = fakeClient([pageOf(1, [iacTask('x', 'other', counts)])])
    const locator = createLocator(client, 'iac_scan', byName('app'))
    await locator.locate(1000)
    await locator.locate(1000)
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 0])
  })

  it('stops at the end of the list when nothing matches exactly', async () => {
    const client = fakeClient([pageOf(2, [iacTask('a', 'app-1', counts), iacTask('b', 'app-2', counts)])])
    expect(await createLocator(client, 'iac_scan', byName('app')).locate(1000)).toEqual({ task: undefined })
    expect(client.calls).toHaveLength(1)
  })

  it('advances by the rows that came: a short page skips no match', async () => {
    // The server gives 150 rows when 200 are asked; the match is row 151.
    const client = fakeClient([pageOf(151, filler(150)), pageOf(151, [iacTask('hit', 'app', counts)])])
    expect((await createLocator(client, 'iac_scan', byName('app')).locate(1000)).task?.task_id).toBe('hit')
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 150])
  })

  it('starts no further page of a name search once the deadline has passed', async () => {
    const clock = fakeClock()
    const client = fakeClient([pageOf(1_000_000, filler(PAGE_LIMIT))])
    const locator = createLocator(client, 'iac_scan', byName('app'), undefined, { clock, deadline: clock.now() + 3000 })
    const listTasks = client.listTasks.bind(client)
    client.listTasks = async (...args) => {
      clock.advance(1000)
      return listTasks(...args)
    }
    expect(await locator.locate(1000)).toEqual({ task: undefined, unfinished: true })
    expect(client.calls).toHaveLength(3)
  })

  it('stops after a bounded number of pages, and says so', async () => {
    const client = fakeClient([pageOf(1_000_000, filler(PAGE_LIMIT))])
    expect(await createLocator(client, 'iac_scan', byName('app')).locate(1000)).toEqual({ task: undefined, capped: { read: MAX_NAME_PAGES * PAGE_LIMIT, total: 1_000_000 } })
    expect(client.calls).toHaveLength(MAX_NAME_PAGES)
  })

  it('skips rows it cannot use, such as a record whose task_id is null, and keeps the rest of the page', async () => {
    const rows = [{ task_id: null }, 'x', iacTask('hit', 'app', counts)] as unknown[]
    const client = fakeClient([{ items: rows.filter((r): r is Task => typeof r === 'object' && r !== null && typeof (r as Task).task_id === 'string'), rows: 3, total: 3 }])
    expect((await createLocator(client, 'iac_scan', byName('app')).locate(1000)).task?.task_id).toBe('hit')
  })
})

describe('newest', () => {
  it('prefers a task not yet started, then the latest start; odd start times count as not started', () => {
    const a = iacTask('a', 'n', counts, { start_time: 2e12 })
    const b = iacTask('b', 'n', counts, { start_time: 3e12 })
    expect(newest([a, b])?.task_id).toBe('b')
    expect(newest([a, b, iacTask('c', 'n', counts, { start_time: undefined })])?.task_id).toBe('c')
    expect(newest([b, iacTask('d', 'n', counts, { start_time: 'yesterday' })])?.task_id).toBe('d')
    expect(newest([])).toBeUndefined()
  })
})

function filler(n: number): Task[] {
  return Array.from({ length: n }, (_, i) => iacTask(`f-${Math.random()}-${i}`, `app-${i}`, counts))
}
