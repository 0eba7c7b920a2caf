import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeInside } from '../../src/repo/write-file.ts'

function places() {
  const workspace = mkdtempSync(join(tmpdir(), 'write-ws-'))
  const outside = mkdtempSync(join(tmpdir(), 'write-out-'))
  writeFileSync(join(outside, 'victim.txt'), 'precious')
  return { workspace, outside }
}

describe('writeInside', () => {
  it('makes the folders on the way and writes the file', () => {
    const { workspace } = places()
    writeInside(workspace, 'results/deep/hss.sarif', '{}')
    expect(readFileSync(join(workspace, 'results/deep/hss.sarif'), 'utf8')).toBe('{}')
  })

  it('never writes through a link committed in the file\'s place', () => {
    const { workspace, outside } = places()
    mkdirSync(join(workspace, 'results'))
    symlinkSync(join(outside, 'victim.txt'), join(workspace, 'results/hss.sarif'))
    expect(() => writeInside(workspace, 'results/hss.sarif', 'overwritten')).toThrow('results/hss.sarif is a link: nothing is written through a link')
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('precious')
  })

  it('never enters, nor makes anything behind, a folder that is a link', () => {
    const { workspace, outside } = places()
    symlinkSync(outside, join(workspace, 'results'))
    expect(() => writeInside(workspace, 'results/new/hss.sarif', 'x')).toThrow('results/new/hss.sarif leads through a link (results): nothing is written through a link')
    expect(existsSync(join(outside, 'new'))).toBe(false)
  })

  it('says so when a folder on the way is a file, or the file is a folder', () => {
    const { workspace } = places()
    writeFileSync(join(workspace, 'results'), 'x')
    expect(() => writeInside(workspace, 'results/hss.sarif', 'x')).toThrow('results/hss.sarif needs results to be a folder, and it is a file')
    mkdirSync(join(workspace, 'out.sarif'))
    expect(() => writeInside(workspace, 'out.sarif', 'x')).toThrow('out.sarif is a folder')
  })
})
