/**
 * `npm run screenshots` (by hand; CI needs no browser): runs the built action against the simulator
 * for three endings (pass, fail, timed out), renders each job summary as GitHub renders Markdown,
 * and takes a screenshot with headless Chromium (Debian's `chromium`, or CHROMIUM=/path) into
 * docs/. It also writes the fail summary's raw Markdown into docs/summary.md's sample, between its
 * markers, so the sample is always real output.
 *
 * Reproducible: the tasks, ids and times are scripted, the one thing that varies from run to run
 * (the footer's wait) is fixed, and the pages name their fonts, which must be installed:
 * fonts-dejavu-core for text and fonts-noto-color-emoji for ✅ ❌ ⏱️ (else Chromium draws empty
 * boxes). Two runs give identical files.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_FILES, DEMO_REPO } from '../simulator/demo-data.ts'
import { ROOT, runAction } from '../simulator/run-action.ts'
import type { SimFile } from '../simulator/scans.ts'
import { DEMO_ENV, startSimulator, type SimulatorOptions } from '../simulator/server.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { renderHtmlPage } from './summary-html.ts'

/** The fonts the pictures are drawn with, and the Debian packages that hold them. */
export const FONTS = [
  { family: 'DejaVu Sans', debian: 'fonts-dejavu-core' },
  { family: 'Noto Color Emoji', debian: 'fonts-noto-color-emoji' }
]

interface Ending {
  name: 'pass' | 'fail' | 'timed-out'
  sim: SimulatorOptions
  inputs: Record<string, string>
  /** The footer's wait, fixed so that two runs draw the same picture; true to the ending. */
  waited: string
}

const dockerfiles = DEMO_FILES.filter((file) => file.file_type === 'dockerfile')
const broken: SimFile = { file_id: 'df-broken', file_name: 'services/legacy/Dockerfile', file_type: 'dockerfile', scan: 'failed', failed_reason: 'line 7: unknown instruction: RUNN' }
const START = 1_764_322_200_000 // 2025-11-28 09:30:00 UTC

/** A finished IaC task with these files, as HSS lists it, at fixed times and ids. */
function finishedTask(id: string, files: SimFile[]): SimulatorOptions['tasks'] {
  const failed = files.filter((f) => f.scan === 'failed')
  const task = iacTask(id, `iac_scan_20251128093000`, { scanned: files.length, succeeded: files.length - failed.length, failed: failed.length }, { start_time: START, end_time: START + 95_000, iac_scan_info: { file_type: 'dockerfile', scan_file_num: files.length, success_file_num: files.length - failed.length, failed_file_num: failed.length } })
  const resources = files.map((f) => ({ file_id: f.file_id, file_name: f.file_name, file_type: f.file_type, scan_status: f.scan === 'failed' ? 'failed' : 'success', failed_reason: f.failed_reason ?? '' }))
  return [{ task, resources }]
}

const ENDINGS: Ending[] = [
  {
    name: 'pass',
    sim: (() => {
      const files = dockerfiles.map((file) => ({ ...file, risks: (file.risks ?? []).filter((r) => r.risk_level !== 'high') }))
      return { files, tasks: finishedTask('7d3f9a2c-41b8-4e6d-9c0a-5b1e2f3a4d6c', files) }
    })(),
    inputs: { 'task-id': '7d3f9a2c-41b8-4e6d-9c0a-5b1e2f3a4d6c', 'fail-on-risk': 'high' },
    waited: '1m35s with 5 status queries'
  },
  {
    name: 'fail',
    sim: { files: [...dockerfiles, broken], tasks: finishedTask('163cedd9-5490-4618-9d07-eea336887ef7', [...dockerfiles, broken]) },
    inputs: { 'task-id': '163cedd9-5490-4618-9d07-eea336887ef7', 'fail-on-risk': 'high' },
    waited: '1m35s with 5 status queries'
  },
  {
    name: 'timed-out',
    sim: { tasks: [{ task: { ...iacTask('2f6c0f3e-8d1a-4c55-9b1e-7a0c3d5e9f21', 'iac-nightly', { scanned: 24, succeeded: 9, failed: 1 }), task_status: 'running', estimated_time: 6, start_time: START, end_time: 0 }, resources: failedFiles(1) }] },
    inputs: { 'task-name': 'iac-nightly', timeout: '6s' },
    waited: '6s with 3 status queries'
  }
]

/** The three summaries as pages, exactly as the screenshots draw them. */
export async function screenshotPages(): Promise<{ name: Ending['name']; markdown: string; html: string }[]> {
  const pages = []
  for (const ending of ENDINGS) {
    const sim = await startSimulator(ending.sim)
    const workspace = mkdtempSync(join(tmpdir(), 'hss-screenshots-checkout-'))
    cpSync(DEMO_REPO, workspace, { recursive: true })
    const run = await runAction({
      inputs: { endpoint: sim.url, 'poll-interval': '1s', timeout: '1m', ...ending.inputs },
      env: {
        ...DEMO_ENV,
        GITHUB_WORKSPACE: workspace,
        GITHUB_REPOSITORY: 'acme/platform',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_SHA: '4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39',
        GITHUB_ACTION_REPOSITORY: 'OWNER/hss-scan-gate',
        GITHUB_ACTION_REF: 'v1'
      }
    })
    await sim.close()
    // The one thing that varies from run to run: how long the wait took.
    const markdown = run.summary.replace(/<sub>Waited [^<]*?(hss-scan-gate [\d.]+)<\/sub>/, `<sub>Waited ${ending.waited}. $1</sub>`)
    pages.push({ name: ending.name, markdown, html: renderHtmlPage(markdown, { fonts: FONTS.map((f) => f.family) }) })
  }
  return pages
}

/** What the pictures need, and the Debian package of each. */
export interface Dependency {
  what: string
  debian: string
}

/**
 * Every dependency that is missing, at once: the browser, the tool that lists fonts, and each font.
 * `fontList` returns the installed families (fc-list), or undefined when it cannot run.
 */
export function missingDependencies(chromium: string, fontList: () => string | undefined): Dependency[] {
  const missing: Dependency[] = []
  if (!existsSync(chromium)) missing.push({ what: `Chromium (${chromium}; or set CHROMIUM=/path/to/chromium)`, debian: 'chromium' })
  const installed = fontList()
  if (installed === undefined) missing.push({ what: 'fc-list, to find the fonts', debian: 'fontconfig' })
  for (const font of FONTS) if (!installed?.includes(font.family)) missing.push({ what: `the font ${font.family}`, debian: font.debian })
  return missing
}

function fcList(): string | undefined {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
}

if (import.meta.main) {
  try {
    await drawScreenshots()
  } catch (error) {
    // A message, not a stack trace: what went wrong is the user's to fix, not the script's.
    console.error(`npm run screenshots: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}

async function drawScreenshots(): Promise<void> {
  const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium'
  const missing = missingDependencies(chromium, fcList)
  if (missing.length) {
    console.error(`npm run screenshots needs ${missing.map((m) => m.what).join(', ')}: without them the pictures cannot be drawn, or come out with empty boxes. On Debian or Ubuntu: apt-get install ${[...new Set(missing.map((m) => m.debian))].join(' ')}`)
    process.exitCode = 1
    return
  }
  const docs = join(ROOT, 'docs')
  mkdirSync(docs, { recursive: true })
  const scratch = mkdtempSync(join(tmpdir(), 'hss-screenshots-'))
  let sample = ''
  for (const page of await screenshotPages()) {
    const file = join(scratch, `${page.name}.html`)
    writeFileSync(file, page.html)
    const height = Math.min(2400, 100 + page.markdown.split('\n').length * 19)
    const png = join(docs, `summary-${page.name}.png`)
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--force-device-scale-factor=1', '--font-render-hinting=none', `--user-data-dir=${join(scratch, 'profile')}`, `--window-size=1000,${height}`, `--screenshot=${png}`, `file://${file}`], { stdio: 'ignore' })
    console.log(`${page.name} → ${png}`)
    if (page.name === 'fail') sample = page.markdown
  }

  // docs/summary.md's sample: the fail ending's real Markdown, quoted.
  const path = join(docs, 'summary.md')
  const doc = readFileSync(path, 'utf8')
  const start = '<!-- sample-summary:start -->'
  const end = '<!-- sample-summary:end -->'
  const at = doc.indexOf(start)
  const until = doc.indexOf(end)
  if (at < 0 || until < at) throw new Error(`docs/summary.md has no ${start} … ${end} markers`)
  const quoted = sample.trimEnd().split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n')
  writeFileSync(path, `${doc.slice(0, at + start.length)}\n${quoted}\n${doc.slice(until)}`)
  console.log('docs/summary.md: sample summary regenerated from the fail ending')
}
