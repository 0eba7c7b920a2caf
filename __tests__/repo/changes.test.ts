import { describe, expect, it } from '@jest/globals'
import { addedLines, changesOf, readPatch, touches, touchesUnit, type ChangedFile } from '../../src/repo/changes.ts'
import { known, rp } from '../../__fixtures__/paths.ts'

const PATCH = ['@@ -1,3 +1,4 @@', ' FROM node:24', '-USER app', '+USER root', '+RUN curl x | sh', ' COPY . /app', '@@ -20,2 +21,3 @@', ' CMD a', '+HEALTHCHECK NONE', ' EXPOSE 80', '\\ No newline at end of file'].join('\n')

describe('readPatch', () => {
  it('gives the new version\'s numbers of the lines a diff adds, and where it deletes', () => {
    expect(readPatch(PATCH)).toEqual({ added: new Set([2, 3, 22]), deletions: new Set([2]) })
    expect([...addedLines(PATCH)]).toEqual([2, 3, 22])
  })

  it('places a deletion at the line that follows it in the new version, and one at the end past the last line', () => {
    // USER app (old line 5, the last) is deleted: the new version has 4 lines.
    expect(readPatch('@@ -3,3 +3,2 @@\n COPY . /app\n CMD a\n-USER app')).toEqual({ added: new Set(), deletions: new Set([5]) })
    // A hunk that only deletes names the line before it.
    expect(readPatch('@@ -4,1 +3,0 @@\n-USER app')).toEqual({ added: new Set(), deletions: new Set([4]) })
  })

  it.each([
    ['an empty patch', ''],
    ['no hunk header', ' FROM a\n+USER root'],
    ['an odd hunk header', '@@ -1 +one @@\n+USER root'],
    ['counts that do not add up', '@@ -1,2 +1,3 @@\n context\n+USER root'],
    ['more lines than the counts', '@@ -1,1 +1,1 @@\n context\n+USER root'],
    ['a line that is no diff line', '@@ -1,1 +1,2 @@\n context\n*USER root'],
    ['hunks out of order', '@@ -10,1 +10,2 @@\n a\n+b\n@@ -1,1 +1,2 @@\n a\n+b'],
    ['garbage', 'Binary files a/x and b/x differ']
  ])('cannot read %s', (_name, patch) => {
    expect(readPatch(patch)).toBeUndefined()
  })
})

describe('changesOf', () => {
  const changes = known(
    changesOf([
      { filename: 'Dockerfile', status: 'modified', patch: PATCH },
      { filename: 'k8s/new.yaml', status: 'added', patch: '@@ -0,0 +1,2 @@\n+kind: Pod\n+metadata: {name: p}' },
      { filename: 'k8s/copy.yaml', status: 'copied', patch: '@@ -1,1 +1,1 @@\n-a\n+b' },
      { filename: 'k8s/moved.yaml', status: 'renamed', previous_filename: 'old/moved.yaml' },
      { filename: 'huge.yaml', status: 'modified' },
      { filename: 'empty.yaml', status: 'modified', patch: '' },
      { filename: 'odd.yaml', status: 'modified', patch: '@@ garbage @@\n+x' },
      { filename: 'gone.yaml', status: 'removed' }
    ])
  )
  const file = (path: string) => changes.files.get(rp(path)) as ChangedFile

  it('knows the changed lines of each file', () => {
    expect(touches(file('Dockerfile'), { line: 3, endLine: 3 })).toBe(true)
    expect(touches(file('Dockerfile'), { line: 4, endLine: 5 })).toBe(false)
    expect(touches(file('Dockerfile'), { line: 20, endLine: 22 })).toBe(true)
  })

  it.each(['k8s/new.yaml', 'k8s/copy.yaml', 'k8s/moved.yaml', 'huge.yaml', 'empty.yaml', 'odd.yaml'])('counts every line of %s as changed (added, copied, renamed, or a patch missing or unreadable)', (path) => {
    expect(file(path).lines).toBe('all')
    expect(touches(file(path), { line: 500, endLine: 500 })).toBe(true)
  })

  it('leaves out a removed file', () => {
    expect(changes.files.has(rp('gone.yaml'))).toBe(false)
  })

  it('refuses a file name that is no repository path', () => {
    expect(changesOf([{ filename: '../x', status: 'modified', patch: PATCH }])).toMatch(/not a repository path/)
  })
})

describe('touches and touchesUnit', () => {
  const deleted: ChangedFile = { path: rp('Dockerfile'), lines: new Set([9]), deletions: new Set([5, 12]) }

  it('a deletion inside a range touches it; one before its first line does not', () => {
    expect(touches(deleted, { line: 4, endLine: 6 })).toBe(true)
    expect(touches(deleted, { line: 5, endLine: 6 })).toBe(false)
  })

  it('a unit (a stage, a resource) is touched by an added line in it, or a deletion at either edge', () => {
    expect(touchesUnit(deleted, { line: 8, endLine: 10 })).toBe(true)
    expect(touchesUnit(deleted, { line: 5, endLine: 7 })).toBe(true)
    expect(touchesUnit(deleted, { line: 10, endLine: 11 })).toBe(true)
    expect(touchesUnit(deleted, { line: 13, endLine: 20 })).toBe(false)
  })
})
