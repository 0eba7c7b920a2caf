import { describe, expect, it } from '@jest/globals'
import { FAILED_FILES_CAP, listFailedFiles } from '../../src/gate/failed-files.ts'
import { failedFiles } from '../../simulator/tasks.ts'
import { fakeClient, pageOf } from '../../__fixtures__/fake-client.ts'

describe('listFailedFiles', () => {
  it('asks for failed files only and keeps name, type and reason', async () => {
    const client = fakeClient([], () => pageOf(2, failedFiles(2)))
    const listed = await listFailedFiles(client, 't-1')
    expect(listed.total).toBe(2)
    expect(listed.files[0]).toEqual({ file_name: 'deploy/app-1.yaml', file_type: 'k8s_yaml', failed_reason: 'parse error at line 3: mapping values are not allowed here' })
  })

  it('caps what it keeps and counts the rest, in one page for the default cap', async () => {
    const all = failedFiles(10_000)
    const client = fakeClient([], (page) => pageOf(all.length, all.slice(page.offset, page.offset + page.limit)))
    const listed = await listFailedFiles(client, 't-1')
    expect(listed.files).toHaveLength(FAILED_FILES_CAP)
    expect(listed.total).toBe(10_000)
    expect(client.resourceCalls).toEqual([{ offset: 0, limit: FAILED_FILES_CAP }])
  })

  it('pages in steps of 200 for a larger cap', async () => {
    const all = failedFiles(450)
    const client = fakeClient([], (page) => pageOf(all.length, all.slice(page.offset, page.offset + page.limit)))
    const listed = await listFailedFiles(client, 't-1', 1000)
    expect(listed.files).toHaveLength(450)
    expect(client.resourceCalls.map((p) => p.offset)).toEqual([0, 200, 400])
  })

  it('reads fields of the wrong type as empty, and skips rows that are not objects', async () => {
    const client = fakeClient([], () => ({ items: [{ file_name: 42, failed_reason: { x: 1 } }], rows: 2, total: 2 }))
    expect((await listFailedFiles(client, 't-1')).files).toEqual([{ file_name: '', failed_reason: '' }])
  })

  it('bounds very long names and reasons and flattens line breaks', async () => {
    const client = fakeClient([], () => pageOf(1, failedFiles(1, () => ({ file_name: 'a'.repeat(5000), failed_reason: 'line1\nline2' }))))
    const [file] = (await listFailedFiles(client, 't-1')).files
    expect(file?.file_name.length).toBeLessThanOrEqual(256)
    expect(file?.failed_reason).toBe('line1 line2')
  })
})
