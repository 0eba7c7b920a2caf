/**
 * `npm run screenshots` (by hand; CI needs no browser): runs the built action against the simulator
 * for three endings (pass, fail, timed out), renders each job summary as GitHub renders Markdown,
 * and takes a screenshot with headless Chromium (Debian's `chromium`, or CHROMIUM=/path) into
 * docs/. It also writes the fail summary's raw Markdown into the README's sample, between its
 * markers, so the sample is always real output.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_FILES } from '../simulator/demo-data.ts'
import { ROOT, runAction } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator, type SimulatorOptions } from '../simulator/server.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { renderHtmlPage } from './summary-html.ts'

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
const docs = join(ROOT, 'docs')
mkdirSync(docs, { recursive: true })
const scratch = mkdtempSync(join(tmpdir(), 'hss-screenshots-'))

interface Ending {
  name: string
  sim: SimulatorOptions
  inputs: Record<string, string>
}

const dockerfiles = DEMO_FILES.filter((file) => file.file_type === 'dockerfile')
const endings: Ending[] = [
  {
    name: 'pass',
    sim: { files: dockerfiles.map((file) => ({ ...file, risks: (file.risks ?? []).filter((r) => r.risk_level !== 'high') })) },
    inputs: { 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': dockerfiles.map((f) => f.file_id).join(','), 'fail-on-risk': 'high' }
  },
  {
    name: 'fail',
    sim: { files: [...dockerfiles, { file_id: 'df-broken', file_name: 'services/legacy/Dockerfile', file_type: 'dockerfile', scan: 'failed', failed_reason: 'line 7: unknown instruction: RUNN' }] },
    inputs: { 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': [...dockerfiles.map((f) => f.file_id), 'df-broken'].join(','), 'fail-on-risk': 'high' }
  },
  {
    name: 'timed-out',
    sim: { tasks: [{ task: { ...iacTask('2f6c0f3e-8d1a-4c55-9b1e-7a0c3d5e9f21', 'iac-pr-42-1a2b3c4', { scanned: 24, succeeded: 9, failed: 1 }), task_status: 'running', estimated_time: 6, end_time: 0 }, resources: failedFiles(1) }] },
    inputs: { 'task-name': 'iac-pr-42-1a2b3c4', timeout: '3s' }
  }
]

let sample = ''
for (const ending of endings) {
  const sim = await startSimulator({ createdTiming: { readyMs: 300, finishMs: 1200 }, ...ending.sim })
  const run = await runAction({
    inputs: { endpoint: sim.url, 'poll-interval': '1s', timeout: '1m', ...ending.inputs },
    env: { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, HUAWEI_CLOUD_PROJECT_ID: DEMO_PROJECT_ID, HUAWEI_CLOUD_REGION: 'ap-southeast-1' }
  })
  await sim.close()
  const page = join(scratch, `${ending.name}.html`)
  writeFileSync(page, renderHtmlPage(run.summary))
  const lines = run.summary.split('\n').length
  const height = Math.min(2400, 100 + lines * 19)
  const png = join(docs, `summary-${ending.name}.png`)
  execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', `--user-data-dir=${join(scratch, 'profile')}`, `--window-size=1000,${height}`, `--screenshot=${png}`, `file://${page}`], { stdio: 'ignore' })
  console.log(`${ending.name}: result ${run.outputs.result ?? '(none)'}, exit ${run.code} → ${png}`)
  if (ending.name === 'fail') sample = run.summary
}

// The README's sample summary: the fail ending's real Markdown, quoted.
const readmePath = join(ROOT, 'README.md')
const readme = readFileSync(readmePath, 'utf8')
const start = '<!-- sample-summary:start -->'
const end = '<!-- sample-summary:end -->'
const at = readme.indexOf(start)
const until = readme.indexOf(end)
if (at < 0 || until < at) throw new Error(`README.md has no ${start} … ${end} markers`)
const quoted = sample.trimEnd().split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')
writeFileSync(readmePath, `${readme.slice(0, at + start.length)}\n${quoted}\n${readme.slice(until)}`)
console.log('README.md: sample summary regenerated from the fail ending')
