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
import { parse } from 'yaml'

async function localAction(endpoint: string, task = 'demo-fail', example = '.env.example'): Promise<{ code: number | null; out: string; summary: string; elapsedMs: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
  const envFile = join(dir, '.env')
  const text = readFileSync(join(ROOT, example), 'utf8')
  writeFileSync(envFile, text.replace(/^INPUT_ENDPOINT=.*$/m, `INPUT_ENDPOINT=${endpoint}`).replace(/^INPUT_TASK-NAME=.*$/m, `INPUT_TASK-NAME=${task}`).replace(/^GITHUB_STEP_SUMMARY=.*$/m, `GITHUB_STEP_SUMMARY=${join(dir, 'summary.md')}`).replace(/^GITHUB_WORKSPACE=\.\/(.*)$/m, (_m, path: string) => `GITHUB_WORKSPACE=${join(ROOT, path)}`))
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
      // The outputs as lines that fit the terminal (local-action's own table is as wide as task-json).
      expect(run.out).toMatch(/^result: failed$/m)
      expect(run.out).toMatch(/^failed: 3$/m)
      const outputs = run.out.slice(run.out.indexOf('Action Outputs'))
      expect(outputs.split('\n').filter((line) => [...line].length > 100)).toEqual([])
      expect(run.out).not.toContain('No outputs were set')
      expect(run.out).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
      expect(run.summary).toMatch(/^## ❌ HSS scan gate failed/)
      const passing = await localAction(sim.url, 'demo-pass')
      expect([passing.code, /^result: passed$/m.test(passing.out)]).toEqual([0, true])
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

  it('runs the README\'s quick start as written, with .env.pr-gate.example: uploads the demo\'s Dockerfiles, scans them and fails on their high risks', async () => {
    // The env file's inputs are the quick start's, but for the endpoint and the keys.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const quick = parse(/## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '') as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> }
    const gate = Object.values(quick.jobs)[0]?.steps.find((step) => step.uses?.startsWith('OWNER/hss-scan-gate@'))
    const env = Object.fromEntries([...readFileSync(join(ROOT, '.env.pr-gate.example'), 'utf8').matchAll(/^INPUT_([A-Z-]+)=(.*)$/gm)].map((m) => [(m[1] ?? '').toLowerCase(), m[2] ?? '']))
    const local = ['endpoint', 'project-id', 'access-key-id', 'secret-access-key', 'poll-interval', 'timeout']
    const readmeInputs = Object.fromEntries(Object.entries(gate?.with ?? {}).filter(([k]) => !local.includes(k)).map(([k, v]) => [k, String(v)]))
    expect(Object.fromEntries(Object.entries(env).filter(([k]) => !local.includes(k)))).toEqual(readmeInputs)
    expect(Object.keys(readmeInputs)).toContain('upload-files')

    const sim = await startSimulator({})
    try {
      const run = await localAction(sim.url, undefined, '.env.pr-gate.example')
      expect(run.code).toBe(1)
      expect(run.out).toMatch(/^result: failed$/m)
      expect(run.out).toMatch(/^uploaded-files: \[\{"path":"Dockerfile",/m)
      expect(sim.uploads.flatMap((upload) => upload.names)).toEqual(['Dockerfile', 'Dockerfile', 'Dockerfile'])
      expect(run.summary).toContain('**upload-files**: **3** matched · **3** uploaded in 3 requests.')
      expect(run.summary).toMatch(/^## ❌ HSS scan gate failed/)
    } finally {
      await sim.close()
    }
  }, 120_000)
})
