import { describe, expect, it } from '@jest/globals'
import { HssError } from '../../../src/errors.ts'
import { isRefusal, readListing, type ListingOptions } from '../../../src/gate/paging/listing.ts'
import { listTaskFiles } from '../../../src/gate/files/task-files.ts'
import type { ListPage, Page } from '../../../src/hss/models.ts'
import { fakeClient, pageOf } from '../../../__fixtures__/fake-client.ts'
import { fakeClock, type FakeClock } from '../../../__fixtures__/fake-clock.ts'

function options(extra: Partial<ListingOptions> = {}): ListingOptions & { clock: FakeClock } {
  const clock = fakeClock()
  return { random: () => 0.5, deadline: clock.now() + 60_000, requestTimeoutMs: 30_000, pollIntervalMs: 1000, log: () => undefined, maxRows: 10_000, ...extra, clock }
}
const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ n: from + i }))

async function read(serve: (page: Page) => ListPage<{ n: number }>, extra: Partial<ListingOptions> = {}) {
  const seen: number[] = []
  const pages: Page[] = []
  const listing = await readListing(
    async (page) => {
      pages.push(page)
      return serve(page)
    },
    (items) => {
      seen.push(...items.map((item) => item.n))
      return undefined
    },
    options(extra)
  )
  return { listing, seen, pages }
}

describe('readListing', () => {
  it('reads until the rows reach the total, advancing by the rows that came', async () => {
    const all = rows(150)
    // Asked for 200, the server gives 100 at a time: the second page starts at 100, not 200.
    const { listing, seen, pages } = await read((page) => pageOf(150, all.slice(page.offset, page.offset + 100)))
    expect(listing).toEqual({ ok: true, rows: 150 })
    expect(seen).toEqual(all.map((r) => r.n))
    expect(pages.map((p) => p.offset)).toEqual([0, 100])
  })

  it.each([
    ['a total the rows never reach', (page: Page) => pageOf(3, page.offset === 0 ? rows(1) : []), /total_num says 3, but the rows stopped at 1/],
    ['more rows than the total', () => pageOf(150, rows(200)), /200 rows, more than its total_num of 150/],
    ['no readable total', () => ({ items: rows(5), rows: 5, total: undefined }), /no readable total_num/],
    ['a list longer than the cap', (page: Page) => pageOf(1_000_000, rows(200, page.offset)), /more than 1000 rows/]
  ])('is unreadable on %s', async (_name, serve, why) => {
    const { listing } = await read(serve, { maxRows: 1000 })
    expect(listing.ok).toBe(false)
    if (!listing.ok) expect(listing.why).toMatch(why)
  })

  it('starts no page once the deadline has passed, however well every page answers', async () => {
    const o = options({ maxRows: Number.MAX_SAFE_INTEGER })
    let pages = 0
    const listing = await readListing(
      async (page) => {
        pages++
        o.clock.advance(1000)
        return pageOf(10_000_000, rows(1, page.offset))
      },
      () => undefined,
      o
    )
    expect(listing).toMatchObject({ ok: false, outOfTime: true })
    expect(pages).toBe(60)
  })

  it('ends at a refusal, and says it was one', async () => {
    const refused = new HssError({ kind: 'http', operation: 'ListIacFileRisks', status: 400, errorCode: 'HSS.0013' })
    const listing = await readListing(async () => Promise.reject(refused), () => undefined, options())
    expect(listing.ok).toBe(false)
    if (!listing.ok) expect(isRefusal(listing.error)).toBe(true)
    expect(isRefusal(new HssError({ kind: 'http', operation: 'x', status: 400, errorCode: 'HSS.0013' }))).toBe(true)
    expect(isRefusal(new HssError({ kind: 'http', operation: 'x', status: 503 }))).toBe(false)
  })
})

describe('listTaskFiles', () => {
  const file = (id: string, extra: Record<string, unknown> = {}) => ({ file_id: id, file_name: `${id}/Dockerfile`, file_type: 'dockerfile', scan_status: 'success', ...extra })

  it('lists each file once, by file_id', async () => {
    const client = fakeClient([], () => pageOf(2, [file('a'), file('b')]))
    const listed = await listTaskFiles(client, 't', 'success', 2, options())
    expect(listed).toEqual({ ok: true, files: [{ id: 'a', name: 'a/Dockerfile', status: 'success', type: 'dockerfile' }, { id: 'b', name: 'b/Dockerfile', status: 'success', type: 'dockerfile' }] })
  })

  it('never lets a repeated row stand in for a file that was not listed (paging drift)', async () => {
    // 201 files; page 2 repeats file 199 instead of giving file 200, so file 200 is never listed.
    const all = Array.from({ length: 201 }, (_, i) => file(`f${i}`))
    const drifted = [...all.slice(0, 200), file('f198')]
    const client = fakeClient([], (page) => pageOf(201, drifted.slice(page.offset, page.offset + page.limit)))
    const listed = await listTaskFiles(client, 't', 'success', 201, options())
    expect(listed.ok).toBe(false)
    if (!listed.ok) expect(listed.why).toBe('HSS counted 201 files as scanned successfully, but listed 200 distinct files (201 rows: 1 repeated)')
  })

  it.each([
    ['a duplicate hiding a file', [file('clean'), file('clean')], 2, /counted 2 files as scanned successfully, but listed 1 distinct file/],
    ['a row of another status', [file('clean'), file('dirty', { scan_status: 'failed' })], 2, /1 of another status/],
    ['a row that is not an object', ['clean', file('x')], 2, /not an object/],
    ['a file without a usable id', [file('..'), file('x')], 2, /without a usable file_id/],
    ['more files than counted', [file('a'), file('b'), file('c')], 2, /listed 3 files as scanned successfully, more than the 2/]
  ])('is unreadable with %s', async (_name, list, expected, why) => {
    const client = fakeClient([], () => ({ items: list.filter((r) => typeof r === 'object') as Record<string, unknown>[], rows: list.length, total: list.length }))
    const listed = await listTaskFiles(client, 't', 'success', expected, options())
    expect(listed.ok).toBe(false)
    if (!listed.ok) expect(listed.why).toMatch(why)
  })
})
