import { describe, expect, it } from '@jest/globals'
import { readUploadAnswer } from '../../../src/gate/upload/answer.ts'
import { planRequests } from '../../../src/gate/upload/plan.ts'
import { rp } from '../../../__fixtures__/paths.ts'

const files = (...paths: string[]) => paths.map((path) => ({ path: rp(path) }))
const names = (requests: { path: string }[][]) => requests.map((request) => request.map((file) => file.path))

describe('planRequests', () => {
  it('puts at most 10 files in a request, in path order', () => {
    const plan = planRequests(files(...Array.from({ length: 23 }, (_, i) => `k8s/app-${String(i).padStart(2, '0')}.yaml`)))
    expect(plan.map((r) => r.length)).toEqual([10, 10, 3])
    expect(plan.flat().map((f) => f.path)).toEqual([...plan.flat().map((f) => f.path)].sort())
  })

  it('never puts two files with the same base name in one request', () => {
    expect(names(planRequests(files('a/Dockerfile', 'a/app.yaml', 'b/Dockerfile', 'c/Dockerfile', 'c/app.yaml')))).toEqual([
      ['a/Dockerfile', 'a/app.yaml'],
      ['b/Dockerfile', 'c/app.yaml'],
      ['c/Dockerfile']
    ])
  })

  it('plans nothing for no files', () => {
    expect(planRequests([])).toEqual([])
  })
})

describe('readUploadAnswer', () => {
  const sent = [rp('a/Dockerfile'), rp('b/app.yaml')]
  const answer = (succeeded: unknown[], failed: unknown[] = []) => ({ succeeded, failed })

  it('gives each file sent its id, by the base name HSS kept (or the name sent)', () => {
    const reading = readUploadAnswer(sent, answer([{ file_name: 'app.yaml', file_id: 'f-2' }, { file_name: 'a/Dockerfile', file_id: 'f-1' }]), new Set())
    expect(reading).toEqual({ ok: true, ids: new Map([[rp('b/app.yaml'), 'f-2'], [rp('a/Dockerfile'), 'f-1']]) })
  })

  it('any fail_file_info row means none was kept: each refused file is named with HSS\'s reason', () => {
    const reading = readUploadAnswer(sent, answer([{ file_name: 'Dockerfile', file_id: 'f-1' }], [{ file_name: 'app.yaml', fail_reason: 'bad\nYAML' }, 'not a row']), new Set())
    expect(reading).toEqual({ ok: false, refused: [{ path: 'b/app.yaml', name: 'app.yaml', reason: 'bad YAML' }, { path: undefined, name: '', reason: 'no reason given' }] })
  })

  it.each([
    ['no row for a file', [{ file_name: 'Dockerfile', file_id: 'f-1' }], 'it gives no id for 1 of the 2 files sent (b/app.yaml)'],
    ['a row twice', [{ file_name: 'Dockerfile', file_id: 'f-1' }, { file_name: 'Dockerfile', file_id: 'f-3' }, { file_name: 'app.yaml', file_id: 'f-2' }], 'it names a/Dockerfile twice'],
    ['a foreign row', [{ file_name: 'Dockerfile', file_id: 'f-1' }, { file_name: 'other.yaml', file_id: 'f-2' }], 'it names a file that was not sent ("other.yaml")'],
    ['one id for two files', [{ file_name: 'Dockerfile', file_id: 'f-1' }, { file_name: 'app.yaml', file_id: 'f-1' }], 'it gives b/app.yaml an id that another file has'],
    ['an id that is not one', [{ file_name: 'Dockerfile', file_id: '../x' }, { file_name: 'app.yaml', file_id: 'f-2' }], 'the file_id of a/Dockerfile is not an id (letters, digits, ., :, - and _, at most 128)'],
    ['a null id', [{ file_name: 'Dockerfile', file_id: null }, { file_name: 'app.yaml', file_id: 'f-2' }], 'the file_id of a/Dockerfile is not an id (letters, digits, ., :, - and _, at most 128)'],
    ['a row that is not an object', ['f-1', { file_name: 'app.yaml', file_id: 'f-2' }], 'a row of success_file_info is not an object']
  ])('an answer with %s is unreadable', (_name, rows, why) => {
    expect(readUploadAnswer(sent, answer(rows), new Set())).toEqual({ ok: false, unreadable: why })
  })

  it('an id an earlier request was given cannot name another file', () => {
    expect(readUploadAnswer([rp('a/Dockerfile')], answer([{ file_name: 'Dockerfile', file_id: 'f-1' }]), new Set(['f-1']))).toEqual({ ok: false, unreadable: 'it gives a/Dockerfile an id that another file has' })
  })
})
