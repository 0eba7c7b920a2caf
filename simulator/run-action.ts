/**
 * Runs the built action (dist/index.js) as a GitHub runner does: `INPUT_*` variables with the
 * defaults from action.yml, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files; then reads them back.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

export const ROOT = resolve(import.meta.dirname, '..')
/** The built action; GATE_DIST points the harness at another build (to check that a test fails on it). */
export const DIST = process.env.GATE_DIST ?? join(ROOT, 'dist', 'index.js')

interface ActionYaml {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
}

export function readActionYaml(): ActionYaml {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYaml
}

/** The environment variable the runner sets for an input. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** action.yml's defaults as the runner passes them (expressions such as `${{ github.token }}` become ''). */
export function defaultInputs(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, input] of Object.entries(readActionYaml().inputs)) {
    const value = input.default ?? ''
    env[inputVariable(name)] = value.includes('${{') ? '' : value
  }
  return env
}

export interface ActionRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  elapsedMs: number
  /** Highest resident set size seen while it ran (sampled from /proc), in KiB; 0 where unavailable. */
  peakRssKb: number
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** Extra environment (HUAWEI_CLOUD_*, proxies, RUNNER_DEBUG, …). */
  env?: Record<string, string>
  /** Called once the child has started, e.g. to signal it. */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
  /** Kill the child after this long (a safety net for hung tests). */
  killAfterMs?: number
}

/** Environment variables that must not leak into the child from the test process. */
const STRIPPED = /^(INPUT_|GITHUB_|HUAWEI_CLOUD_|HUAWEICLOUD_SDK_|RUNNER_|HTTPS?_PROXY$|NO_PROXY$|https?_proxy$|no_proxy$|NODE_OPTIONS$)/

export async function runAction(options: RunOptions = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'hss-gate-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !STRIPPED.test(key)))
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([name, value]) => [inputVariable(name), value]))
  const env = {
    ...base,
    ...defaultInputs(),
    ...inputs,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    ...options.env
  }
  const started = Date.now()
  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  options.onSpawn?.(child)
  let peakRssKb = 0
  const sampleRss = (): void => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)
      peakRssKb = Math.max(peakRssKb, kb)
    } catch {
      // the process has gone, or there is no /proc
    }
  }
  const sampler = setInterval(sampleRss, 20)
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (c, s) => done([c, s])))
  clearTimeout(killer)
  clearInterval(sampler)
  const result: ActionRun = {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    elapsedMs: Date.now() - started,
    peakRssKb
  }
  rmSync(dir, { recursive: true, force: true })
  return result
}

/** Reads the runner's `name<<delimiter` … `delimiter` format (and plain `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      const at = line.indexOf('=')
      outputs[line.slice(0, at)] = line.slice(at + 1)
    }
  }
  return outputs
}
