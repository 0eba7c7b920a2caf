/** The runner sees what the action writes through src/toolkit.ts; these read its stdout as the runner would. */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { forgetSecrets } from '../src/redact.ts'
import * as toolkit from '../src/toolkit.ts'

let written: string[] = []
const saved = { output: process.env.GITHUB_OUTPUT, summary: process.env.GITHUB_STEP_SUMMARY }

beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  forgetSecrets()
  process.env.GITHUB_OUTPUT = saved.output
  process.env.GITHUB_STEP_SUMMARY = saved.summary
})

/** The lines as the runner reads them. */
const lines = () => written.join('').split(/\r?\n/).filter(Boolean)
/** What the runner would take for a command: `::` after leading spaces, or `##[` anywhere (the old syntax). */
const isCommand = (line: string) => line.trimStart().startsWith('::') || line.includes('##[')

const FORGED = 'n1\n::error title=Forged::forged\r\n::set-output name=result::passed\u2028::add-mask::Gate ##[set-output name=result;]passed'

describe('log lines', () => {
  it('keep server text on one line that the runner reads as text only', () => {
    toolkit.info(`Task "${FORGED}": running`)
    toolkit.info(FORGED.slice(3))
    toolkit.info('   ::warning::leading spaces do not help')
    expect(lines()).toHaveLength(3)
    expect(lines().filter(isCommand)).toEqual([])
  })

  it('annotations and failures are single commands whose data cannot start another', () => {
    toolkit.error(FORGED, { title: `t\n::error::x`, file: 'deploy/app.yaml' })
    toolkit.warning(FORGED)
    toolkit.setFailed(FORGED)
    expect(lines()).toHaveLength(3)
    expect(lines().every((line) => /^::(error|warning)[ :]/.test(line))).toBe(true)
    expect(lines()[0]).toMatch(/^::error title=t %3A%3Aerror%3A%3Ax,file=deploy\/app.yaml::n1 ::error title=Forged::forged ::set-output/)
  })

  it('never show a registered secret, nor a long piece of it, except in the add-mask command', () => {
    const secret = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
    toolkit.setSecret(secret)
    toolkit.info(`echoed ${secret.slice(0, 14)} and ${secret}`)
    toolkit.error(`request id ${secret}`)
    expect(lines()[0]).toBe(`::add-mask::${secret}`)
    expect(lines().slice(1).join('\n')).not.toContain(secret.slice(0, 10))
  })
})

describe('runner files that cannot be written', () => {
  it('an output file that is missing gives one warning, not a crash', () => {
    process.env.GITHUB_OUTPUT = '/nonexistent/output'
    expect(() => {
      toolkit.setOutput('result', 'failed')
      toolkit.setOutput('failed', '3')
    }).not.toThrow()
    expect(lines()).toEqual(["::warning::Could not write the step's outputs: Missing file at path: /nonexistent/output. Later steps will not see them; the verdict stands."])
  })

  it('a job summary file that is unset, a directory or in a missing folder gives false, and one warning', async () => {
    for (const path of [undefined, mkdtempSync(join(tmpdir(), 'summary-dir-')), '/nonexistent/summary.md']) {
      if (path === undefined) delete process.env.GITHUB_STEP_SUMMARY
      else process.env.GITHUB_STEP_SUMMARY = path
      await expect(toolkit.writeSummary('## x')).resolves.toBe(false)
    }
    expect(lines()).toHaveLength(1)
    expect(lines()[0]).toMatch(/^::warning::Could not write the job summary: .*The verdict stands\.$/)
  })
})
