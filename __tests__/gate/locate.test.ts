import { describe, expect, it } from '@jest/globals'
import { createLocator, MAX_NAME_PAGES, newestNamed, PAGE_LIMIT } from '../../src/gate/locate.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { fakeClient, listOf } from '../../__fixtures__/fake-client.ts'

const counts = { scanned: 1, succeeded: 1, failed: 0 }

describe('by id', () => {
  it('lets the server filter and picks the exact id', async () => {
    const client = fakeClient([listOf(iacTask('t-10', 'x', counts), iacTask('t-1', 'y', counts))])
    const locator = createLocator(client, 'iac_scan', { by: 'id', id: 't-1' })
    expect((await locator.locate(1000))?.task_name).toBe('y')
    expect(client.calls[0]).toEqual({ body: { task_type: 'iac_scan', task_id: 't-1' }, page: { offset: 0, limit: 10 }, timeoutMs: 1000 })
  })

  it('answers undefined when the task does not exist yet', async () => {
    const locator = createLocator(fakeClient([listOf()]), 'cluster_scan', { by: 'id', id: 't-1' })
    expect(await locator.locate(1000)).toBeUndefined()
  })
})

describe('by name', () => {
  it('ignores fuzzy matches and takes the newest exact one, then follows it by id', async () => {
    const decoys = [iacTask('a', 'infra-staging', counts, { start_time: 9 }), iacTask('b', 'Infra', counts, { start_time: 8 })]
    const older = iacTask('c', 'infra', counts, { start_time: 1 })
    const newer = iacTask('d', 'infra', counts, { start_time: 5 })
    const client = fakeClient([listOf(...decoys, older, newer), listOf(newer)])
    const locator = createLocator(client, 'iac_scan', { by: 'name', name: 'infra' })

    expect((await locator.locate(1000))?.task_id).toBe('d')
    expect(client.calls[0]?.body).toEqual({ task_type: 'iac_scan', task_name: 'infra', sort_key: 'start_time', sort_dir: 'desc' })
    expect(client.calls[0]?.page).toEqual({ offset: 0, limit: PAGE_LIMIT })
    expect(locator.target).toEqual({ id: 'd', name: 'infra' })

    await locator.locate(1000)
    expect(client.calls[1]?.body).toEqual({ task_type: 'iac_scan', task_id: 'd' })
  })

  it('pages through many fuzzy matches until it finds the name', async () => {
    const filler = (n: number) => Array.from({ length: PAGE_LIMIT }, (_, i) => iacTask(`f${n}-${i}`, `app-${n}-${i}`, counts))
    const client = fakeClient([
      { total_num: 450, data_list: filler(0) },
      { total_num: 450, data_list: filler(1) },
      { total_num: 450, data_list: [iacTask('hit', 'app', counts)] }
    ])
    const locator = createLocator(client, 'iac_scan', { by: 'name', name: 'app' })
    expect((await locator.locate(1000))?.task_id).toBe('hit')
    expect(client.calls.map((c) => c.page.offset)).toEqual([0, 200, 400])
  })

  it('stops at the end of the list when nothing matches exactly', async () => {
    const client = fakeClient([{ total_num: 2, data_list: [iacTask('a', 'app-1', counts), iacTask('b', 'app-2', counts)] }])
    expect(await createLocator(client, 'iac_scan', { by: 'name', name: 'app' }).locate(1000)).toBeUndefined()
    expect(client.calls).toHaveLength(1)
  })

  it('stops after a bounded number of pages', async () => {
    const page = { total_num: 1_000_000, data_list: Array.from({ length: PAGE_LIMIT }, (_, i) => iacTask(`x${i}`, `app-${i}`, counts)) }
    const client = fakeClient([page])
    expect(await createLocator(client, 'iac_scan', { by: 'name', name: 'app' }).locate(1000)).toBeUndefined()
    expect(client.calls).toHaveLength(MAX_NAME_PAGES)
  })

  it('newestNamed is case-sensitive and exact', () => {
    expect(newestNamed([iacTask('a', 'App', counts), iacTask('b', 'app ', counts)], 'app')).toBeUndefined()
  })
})
