import { describe, expect, it } from '@jest/globals'
import { FAILED_FILES_CAP, listFailedFiles, type FailedFiles, type Unlisted } from '../../../src/gate/files/failed-files.ts'
import { failedFiles } from '../../../simulator/tasks.ts'
import { fakeClient, pageOf } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'

function options(deadlineMs = 600_000) {
  const clock = fakeClock()
  return { clock, random: () => 0.5, deadline: clock.now() + deadlineMs, requestTimeoutMs: 30_000, pollIntervalMs: 1000, log: () => undefined }
}
const listed = (value: FailedFiles | Unlisted): FailedFiles => {
  if ('why' in value) throw new Error(`not listed: ${value.why}`)
  return value
}

describe('listFailedFiles', () => {
  it('asks for failed files only and keeps name, type and reason', async () => {
    const client = fakeClient([], () => pageOf(2, failedFiles(2)))
    const result = listed(await listFailedFiles(client, 't-1', 2, options()))
    expect(result.total).toBe(2)
    expect(result.counted).toBeUndefined()
    expect(result.files[0]).toEqual({ file_name: 'deploy/app-1.yaml', file_type: 'k8s_yaml', failed_reason: 'parse error at line 3: mapping values are not allowed here' })
  })

  it('keeps the first 100 and counts the rest, in one page', async () => {
    const all = failedFiles(10_000)
    const client = fakeClient([], (page) => pageOf(all.length, all.slice(page.offset, page.offset + page.limit)))
    const result = listed(await listFailedFiles(client, 't-1', 10_000, options()))
    expect(result.files).toHaveLength(FAILED_FILES_CAP)
    expect(result.total).toBe(10_000)
    expect(client.resourceCalls).toEqual([{ offset: 0, limit: 100 }])
  })

  it('pages by the rows that came, for a larger cap', async () => {
    const all = failedFiles(250)
    // A server that gives at most 60 rows a page, whatever is asked.
    const client = fakeClient([], (page) => pageOf(all.length, all.slice(page.offset, page.offset + Math.min(60, page.limit))))
    const result = listed(await listFailedFiles(client, 't-1', 250, options(), 1000))
    expect(result.files).toHaveLength(250)
    expect(client.resourceCalls.map((p) => p.offset)).toEqual([0, 60, 120, 180, 240])
  })

  it('says when HSS lists a total other than the task counted', async () => {
    const client = fakeClient([], () => pageOf(3, failedFiles(3)))
    expect(listed(await listFailedFiles(client, 't-1', 5, options()))).toMatchObject({ total: 3, counted: 5 })
  })

  it('reads fields of the wrong type as empty', async () => {
    const client = fakeClient([], () => ({ items: [{ file_name: 42, failed_reason: { x: 1 } }], rows: 1, total: 1 }))
    expect(listed(await listFailedFiles(client, 't-1', 1, options())).files).toEqual([{ file_name: '', failed_reason: '' }])
  })

  it('bounds very long names and reasons and flattens line breaks', async () => {
    const client = fakeClient([], () => pageOf(1, failedFiles(1, () => ({ file_name: 'a'.repeat(5000), failed_reason: 'line1\nline2' }))))
    const [file] = listed(await listFailedFiles(client, 't-1', 1, options())).files
    expect(file?.file_name.length).toBeLessThanOrEqual(256)
    expect(file?.failed_reason).toBe('line1 line2')
  })

  it('starts no page after the deadline: a server that never ends cannot hold the run', async () => {
    const o = options(10_000)
    // Every page is short and the total never comes; each answer takes 3 s of the fake clock.
    const client = fakeClient([], () => {
      o.clock.advance(3000)
      return pageOf(1_000_000, [])
    })
    const result = await listFailedFiles(client, 't-1', 1_000_000, o, 1000)
    expect('why' in result).toBe(true)
    expect(o.clock.now() - (o.deadline - 10_000)).toBeLessThanOrEqual(10_000 + 3000)
  })
})
