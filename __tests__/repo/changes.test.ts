import { describe, expect, it } from '@jest/globals'
import { addedLines, changesOf, touches } from '../../src/repo/changes.ts'
import { known, rp } from '../../__fixtures__/paths.ts'

const PATCH = ['@@ -1,4 +1,5 @@', ' FROM node:24', '-USER app', '+USER root', '+RUN curl x | sh', ' COPY . /app', '@@ -20,2 +21,3 @@', ' CMD a', '+HEALTHCHECK NONE', ' EXPOSE 80', '\\ No newline at end of file'].join('\n')

describe('addedLines', () => {
  it('gives the new version\'s numbers of the lines a diff adds', () => {
    expect([...addedLines(PATCH)]).toEqual([2, 3, 22])
  })
})

describe('changesOf and touches', () => {
  const changes = known(changesOf([
    { filename: 'Dockerfile', status: 'modified', patch: PATCH },
    { filename: 'k8s/new.yaml', status: 'added', patch: '@@ -0,0 +1,2 @@\n+kind: Pod\n+metadata: {name: p}' },
    { filename: 'k8s/moved.yaml', status: 'renamed', previous_filename: 'old/moved.yaml' },
    { filename: 'huge.yaml', status: 'modified' },
    { filename: 'gone.yaml', status: 'removed' }
  ]))

  it('knows the changed lines of each file', () => {
    expect(touches(changes, rp('Dockerfile'), 3, 3)).toBe(true)
    expect(touches(changes, rp('Dockerfile'), 4, 5)).toBe(false)
    expect(touches(changes, rp('Dockerfile'), 20, 22)).toBe(true)
    expect(touches(changes, rp('k8s/new.yaml'), 1, 1)).toBe(true)
  })

  it('counts every line of a renamed file, and of one whose diff GitHub does not show, as changed', () => {
    expect(touches(changes, rp('k8s/moved.yaml'), 50, 50)).toBe(true)
    expect(touches(changes, rp('huge.yaml'), 1, 1)).toBe(true)
  })

  it('counts a finding without a line in a changed file as changed; a file not in the pull request is not', () => {
    expect(touches(changes, rp('Dockerfile'), undefined, undefined)).toBe(true)
    expect(touches(changes, rp('other/Dockerfile'), 1, 1)).toBe(false)
    expect(changes.files.has(rp('gone.yaml'))).toBe(false)
  })
})
