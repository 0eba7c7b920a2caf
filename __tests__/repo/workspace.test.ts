import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bestSuffix, checkedOutCommit, MAX_FILE_BYTES, openWorkspace, segmentsOf } from '../../src/repo/workspace.ts'

const root = mkdtempSync(join(tmpdir(), 'workspace-'))
for (const dir of ['deploy', 'services/api', 'services/web', 'a/x', 'b/x', '.git', 'node_modules/pkg']) mkdirSync(join(root, dir), { recursive: true })
writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\n')
writeFileSync(join(root, 'deploy', 'app.yaml'), 'kind: Pod\n')
writeFileSync(join(root, 'services/api/Dockerfile'), 'FROM node\n')
writeFileSync(join(root, 'services/web/Dockerfile'), 'FROM node\n')
writeFileSync(join(root, 'a/x/compose.yaml'), 'a\n')
writeFileSync(join(root, 'b/x/compose.yaml'), 'b\n')
writeFileSync(join(root, 'only.yaml'), 'x\n')
writeFileSync(join(root, '.git/HEAD'), `${'c'.repeat(40)}\n`)
writeFileSync(join(root, 'node_modules/pkg/only.yaml'), 'not this one\n')
writeFileSync(join(root, 'huge.yaml'), 'x'.repeat(MAX_FILE_BYTES + 1))
const outside = mkdtempSync(join(tmpdir(), 'outside-'))
writeFileSync(join(outside, 'secret.yaml'), 'x')
symlinkSync(join(outside, 'secret.yaml'), join(root, 'link.yaml'))

describe('openWorkspace', () => {
  const workspace = openWorkspace(root)

  it('maps an exact relative path, however it is spelled', () => {
    for (const name of ['Dockerfile', 'deploy/app.yaml', './deploy//app.yaml', 'deploy\\app.yaml']) expect(workspace.resolve(name)).toEqual({ kind: 'found', path: name === 'Dockerfile' ? 'Dockerfile' : 'deploy/app.yaml' })
  })

  it('else maps the one file that ends with the most of the name', () => {
    expect(workspace.resolve('/builds/ci/services/api/Dockerfile')).toEqual({ kind: 'found', path: 'services/api/Dockerfile' })
    expect(workspace.resolve('app.yaml')).toEqual({ kind: 'found', path: 'deploy/app.yaml' })
    expect(workspace.resolve('repo/only.yaml')).toEqual({ kind: 'found', path: 'only.yaml' })
  })

  it('never guesses between two files that match equally well', () => {
    expect(workspace.resolve('x/compose.yaml')).toEqual({ kind: 'ambiguous', candidates: ['a/x/compose.yaml', 'b/x/compose.yaml'] })
    expect(workspace.resolve('api2/web/Dockerfile')).toEqual({ kind: 'found', path: 'services/web/Dockerfile' })
  })

  it.each(['missing.yaml', 'deploy', '/etc/passwd', '../outside/secret.yaml', 'deploy/../../x', 'link.yaml', 'secret.yaml', '', '.', '.git/HEAD'])('maps nothing for %j', (name) => {
    expect(workspace.resolve(name).kind).not.toBe('found')
  })

  it('reads a file inside, and nothing outside or too large', () => {
    expect(workspace.read('deploy/app.yaml')).toBe('kind: Pod\n')
    expect(workspace.read('link.yaml')).toBeUndefined()
    expect(workspace.read('huge.yaml')).toBeUndefined()
    expect(workspace.read('../x')).toBeUndefined()
  })

  it('gives nothing without a workspace', () => {
    expect(openWorkspace(undefined).resolve('Dockerfile')).toEqual({ kind: 'missing' })
    expect(openWorkspace('/nonexistent/workspace').read('Dockerfile')).toBeUndefined()
  })

  it('reads the commit checked out', () => {
    expect(checkedOutCommit(root)).toBe('c'.repeat(40))
    expect(checkedOutCommit(outside)).toBeUndefined()
  })
})

describe('segmentsOf and bestSuffix', () => {
  it('drops what is at or above a ..', () => {
    expect(segmentsOf('../../x/./y//Dockerfile')).toEqual(['x', 'y', 'Dockerfile'])
    expect(segmentsOf('C:\\\\build\\\\Dockerfile')).toEqual(['C:', 'build', 'Dockerfile'])
  })

  it('takes the longest shared ending, and only a unique one', () => {
    expect(bestSuffix(['ci', 'a', 'Dockerfile'], ['a/Dockerfile', 'b/Dockerfile'])).toEqual({ kind: 'found', path: 'a/Dockerfile' })
    expect(bestSuffix(['Dockerfile'], ['a/Dockerfile', 'b/Dockerfile']).kind).toBe('ambiguous')
    expect(bestSuffix(['Dockerfile'], []).kind).toBe('missing')
  })
})
