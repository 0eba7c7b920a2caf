/**
 * `npm run local-action` on a fresh clone: @github/local-action runs src/main.ts with .env.example's
 * inputs (pointed at a simulator on a free port), shows the outputs with no stack trace, and exits
 * as the step would have: 1 when the action fails it, 0 when it passes, and 1 at once when nothing
 * answers at the endpoint.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TASKS } from '../simulator/demo-data.ts'
import { ROOT } from '../simulator/run-action.ts'
import { startSimulator } from '../simulator/server.ts'

async function localAction(endpoint: string, task = 'demo-fail'): Promise<{ code: number | null; out: string; summary: string; elapsedMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
  const envFile = join(dir, '.env')
  const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
  writeFileSync(envFile, example.replace(/^INPUT_ENDPOINT=.*$/m, `INPUT_ENDPOINT=${endpoint}`).replace(/^INPUT_TASK-NAME=.*$/m, `INPUT_TASK-NAME=${task}`).replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${join(dir, 'summary.md')}`))
  writeFileSync(join(dir, 'summary.md'), '')
  const started = Date.now()
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'local-action.ts'), envFile], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, out, summary: readFileSync(join(dir, 'summary.md'), 'utf8'), elapsedMs: Date.now() - started }
}

describe('npm run local-action', () => {
  it('runs src/main.ts with .env.example, shows the outputs, and exits 1 as the failed step would', async () => {
    const sim = await startSimulator({ tasks: DEMO_TASKS })
    try {
      const run = await localAction(sim.url)
      expect(run.code).toBe(1)
      expect(run.out).toContain('Action Outputs')
      expect(run.out).toMatch(/'result'\s+│ 'failed'/)
      expect(run.out).toMatch(/'failed'\s+│ '3'/)
      expect(run.out).not.toContain('No outputs were set')
      expect(run.out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
      expect(run.summary).toMatch(/^## ❌ HSS scan gate failed/)
      const passing = await localAction(sim.url, 'demo-pass')
      expect([passing.code, /'result'\s+│ 'passed'/.test(passing.out)]).toEqual([0, true])
    } finally {
      await sim.close()
    }
  }, 120_000)

  it('says at once when nothing answers at the local endpoint', async () => {
    const run = await localAction('http://127.0.0.1:9')
    expect(run.code).toBe(1)
    expect(run.out).toContain('Nothing answers at http://127.0.0.1:9: start `npm run simulator`')
    // Far below the 65 s it once spent retrying; loose for a busy machine.
    expect(run.elapsedMs).toBeLessThan(20_000)
  }, 60_000)
})
