/**
 * `npm run local-action` on a fresh clone: @github/local-action runs src/main.ts with .env.example's
 * inputs (pointed at a simulator on a free port) and shows the outputs, with no stack trace.
 */
import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_TASKS } from '../simulator/demo-data.ts'
import { ROOT } from '../simulator/run-action.ts'
import { startSimulator } from '../simulator/server.ts'

describe('npm run local-action', () => {
  it('runs src/main.ts with .env.example and shows the outputs, with no stack trace', async () => {
    const sim = await startSimulator({ tasks: DEMO_TASKS })
    const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
    const envFile = join(dir, '.env')
    const example = readFileSync(join(ROOT, '.env.example'), 'utf8')
    writeFileSync(envFile, example.replace(/^INPUT_ENDPOINT=.*$/m, `INPUT_ENDPOINT=${sim.url}`).replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${join(dir, 'summary.md')}`))
    try {
      const child = spawn(join(ROOT, 'node_modules', '.bin', 'local-action'), ['run', '.', 'src/main.ts', envFile], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(code).toBe(0)
      expect(out).toContain('Action Outputs')
      expect(out).toMatch(/'result'\s+│ 'failed'/)
      expect(out).toMatch(/'failed'\s+│ '3'/)
      expect(out).not.toContain('No outputs were set')
      expect(out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
      expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^## ❌ HSS scan gate failed/)
    } finally {
      await sim.close()
    }
  }, 120_000)
})
