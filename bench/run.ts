/**
 * `npm run bench`: start-up cost, polling economy, what a gate spends by phase, the time reading
 * the results and uploading take at HSS's budget, and many gates on one credential, as ratios and
 * medians measured in one run.
 * Prints tables and writes .build/bench-results.json (ignored by git); `npm run bench -- --save`
 * writes bench/results.json instead, the figures the README quotes. Nothing here is asserted:
 * machines are shared.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdirSync } from 'node:fs'
import { capacity, type CapacityRow } from './capacity.ts'
import { bigFileRun, callsByPhase } from './phases.ts'
import { resultsPhaseTime } from './results-phase.ts'
import { uploadPhaseTime } from './upload.ts'
import { createLocator } from '../src/gate/wait/locate.ts'
import type { Task } from '../src/hss/models.ts'
import { waitForTask } from '../src/gate/wait/poller.ts'
import { adaptiveSchedule, fixedSchedule } from '../src/gate/wait/schedule.ts'
import { DEMO_PROJECT_ID, startSimulator } from '../simulator/server.ts'
import { defaultInputs, DIST, inputVariable, ROOT } from '../simulator/run-action.ts'
import { iacTask } from '../simulator/tasks.ts'
import { fakeClient } from '../__fixtures__/fake-client.ts'
import { fakeClock } from '../__fixtures__/fake-clock.ts'

const RUNS = Number(process.env.BENCH_RUNS ?? 15)
/** The cold-start target: the action's whole process against a plain fetch of the same request. */
const COLD_START_TARGET = 1.75
const TOKEN = 'bench-token'
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
const round = (x: number, digits = 1) => Number(x.toFixed(digits))

// ── cold start ───────────────────────────────────────────────────────────────────────────────
const sim = await startSimulator({ tokens: [TOKEN], tasks: [{ task: iacTask('t-1', 'bench', { scanned: 10, succeeded: 10, failed: 0 }) }] })
const dir = mkdtempSync(join(tmpdir(), 'hss-bench-'))
const rssFile = join(dir, 'rss')
const actionEnv = (extra: Record<string, string> = {}) => {
  const out = join(dir, 'out')
  writeFileSync(out, '')
  const inputs = { ...defaultInputs(), [inputVariable('task-id')]: 't-1', [inputVariable('endpoint')]: sim.url, [inputVariable('project-id')]: DEMO_PROJECT_ID, [inputVariable('auth-token')]: TOKEN, [inputVariable('summary')]: 'false' }
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...inputs, GITHUB_OUTPUT: out, ...extra }
}
const taskUrl = `${sim.url}/v5/${DEMO_PROJECT_ID}/common/tasks/batch-query?offset=0&limit=10`

interface Command {
  name: string
  args: string[]
  env: NodeJS.ProcessEnv
  expectCode: number
}
const commands: Command[] = [
  { name: 'node -e 0', args: ['-e', '0'], env: { PATH: process.env.PATH ?? '' }, expectCode: 0 },
  { name: 'plain fetch of the same request', args: [join(ROOT, 'bench/fetch-floor.mjs'), taskUrl, TOKEN], env: { PATH: process.env.PATH ?? '' }, expectCode: 0 },
  { name: 'node dist/index.js (finished task)', args: [DIST], env: actionEnv(), expectCode: 0 },
  { name: 'node --check dist/index.js (parse only)', args: ['--check', DIST], env: {}, expectCode: 0 },
  { name: 'node dist/index.js (config error: load, no request)', args: [DIST], env: actionEnv({ [inputVariable('timeout')]: 'bad' }), expectCode: 1 }
]

function time(command: Command, rss = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = rss ? ['--import', join(ROOT, 'bench/maxrss.mjs'), ...command.args] : command.args
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, args, { env: { ...command.env, ...(rss ? { BENCH_RSS_FILE: rssFile } : {}) }, stdio: 'ignore' })
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (code !== command.expectCode) reject(new Error(`${command.name} exited ${code}`))
      else resolve(ms)
    })
  })
}

const times = new Map<string, number[]>(commands.map((c) => [c.name, []]))
for (const c of commands) await time(c) // warm the file cache
for (let i = 0; i < RUNS; i++) {
  // Interleaved, so drift on a shared machine touches every command alike.
  for (const c of commands) times.get(c.name)?.push(await time(c))
}
writeFileSync(rssFile, '')
for (let i = 0; i < 5; i++) await time(commands[2] as Command, true)
const peakRssKb = median(readFileSync(rssFile, 'utf8').trim().split('\n').map(Number))
await sim.close()
rmSync(dir, { recursive: true, force: true })

const med = (name: string) => median(times.get(name) ?? [])
const floor = med('plain fetch of the same request')
const action = med('node dist/index.js (finished task)')
// The ratio within each round (the two ran one after the other), then its median: a machine that
// slows down for a while slows both sides of a round, where the ratio of two medians takes the
// drift in. Both are reported; the target is judged on this one.
const fetchTimes = times.get('plain fetch of the same request') ?? []
const roundRatio = median((times.get('node dist/index.js (finished task)') ?? []).map((ms, i) => ms / (fetchTimes[i] ?? ms)))
const distFiles = readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.js'))
const distBytes = Object.fromEntries(distFiles.map((f) => [f, statSync(join(ROOT, 'dist', f)).size]))

// ── polling economy ──────────────────────────────────────────────────────────────────────────
const POLL = 15_000
const MIN = 60_000

interface Timeline {
  minutes: number
  /** HSS's estimates are right, or off: too optimistic or pessimistic by up to half. */
  estimates: 'right' | 'wrong'
}

async function simulate(t: Timeline, adaptive: boolean, seed: number): Promise<{ queries: number; latencyMs: number }> {
  let x = seed
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) >>> 0) / 2 ** 31
  const clock = fakeClock()
  const start = clock.now() - Math.floor(random() * POLL) // the gate starts at a random phase of the scan
  const duration = t.minutes * MIN
  const bias = t.estimates === 'right' ? 1 : 0.5 + random() // the whole estimate is off by ×0.5–1.5
  const client = fakeClient([])
  client.listTasks = async () => {
    const elapsed = clock.now() - start
    const left = duration - elapsed
    const task: Task =
      left <= 0
        ? iacTask('t-1', 'n', { scanned: 10, succeeded: 10, failed: 0 })
        : { ...iacTask('t-1', 'n', { scanned: 10, succeeded: 5, failed: 0 }), task_status: 'running', estimated_time: Math.ceil((left * bias) / MIN) }
    return { total: 1, rows: 1, items: [task] }
  }
  let queries = 0
  const counting = { ...client, listTasks: (...a: Parameters<typeof client.listTasks>) => (queries++, client.listTasks(...a)) }
  await waitForTask({
    clock,
    random,
    deadline: clock.now() + 4 * 3600_000,
    requestTimeoutMs: 30_000,
    pollIntervalMs: POLL,
    log: () => undefined,
    locator: createLocator(counting, 'iac_scan', { by: 'id', id: 't-1' }),
    taskType: 'iac_scan',
    schedule: adaptive ? adaptiveSchedule(POLL, random) : fixedSchedule(POLL)
  })
  return { queries, latencyMs: clock.now() - (start + duration) }
}

const SEEDS = 400
const economy: Record<string, number | string>[] = []
for (const minutes of [1, 5, 15, 60]) {
  for (const estimates of ['right', 'wrong'] as const) {
    const row: Record<string, number | string> = { minutes, estimates }
    for (const [label, adaptive] of [['fixed', false], ['adaptive', true]] as const) {
      const runs = await Promise.all(Array.from({ length: SEEDS }, (_, seed) => simulate({ minutes, estimates }, adaptive, seed + 1)))
      row[`${label} queries`] = median(runs.map((r) => r.queries))
      row[`${label} latency s (median)`] = round(median(runs.map((r) => r.latencyMs)) / 1000)
      row[`${label} latency s (worst)`] = round(Math.max(...runs.map((r) => r.latencyMs)) / 1000)
    }
    economy.push(row)
  }
}

// ── what a gate spends, by phase; the risk phase at HSS's budget ─────────────────────────────
const phases = [await callsByPhase(3, 'none'), await callsByPhase(3, 'high'), await callsByPhase(10, 'high'), await callsByPhase(10, 'high', 'k8s_yaml')]
const bigFile = await bigFileRun()
const resultsPhase = []
for (const files of [10, 50, 200]) for (const risky of [Math.max(1, Math.round(files / 20)), files]) resultsPhase.push(await resultsPhaseTime(files, risky))
const resultsTable = resultsPhase.map((r) => ({ files: r.files, risky: r.risky, ListTaskResources: r.calls.resources, ListIacFiles: r.calls.files, ListIacFileRisks: r.calls.risks, ListIacFileRiskPaths: r.calls.paths, seconds: r.seconds, 'floor s': r.floorS, 'time / floor': r['time / floor'], 'every file, one API after another s': r.everyFileS, '429s': r.throttled }))
const uploadPhase = []
for (const names of ['distinct', 'all Dockerfile'] as const) for (const files of [1, 10, 50]) uploadPhase.push(await uploadPhaseTime(files, names))

// ── many gates, one credential ───────────────────────────────────────────────────────────────
const capacityRows: CapacityRow[] = []
for (const gates of [1, 4, 12, 25]) capacityRows.push(await capacity(gates))
const capacityTable = capacityRows.map((r) => {
  const delays = [...r.delays].sort((a, b) => a - b)
  const max = delays.at(-1) ?? 0
  return {
    gates: r.gates,
    'verdict delay s (median)': round(median(delays) / 1000),
    'verdict delay s (max)': round(max / 1000),
    'budget floor s': round(r.floorMs / 1000),
    'max / floor': round(max / r.floorMs, 2),
    'chain floor s': round(r.chainFloorMs / 1000),
    queries: r.queries,
    '429s': r.throttled,
    'gates not passed': r.wrong
  }
})

// ── targets (issue: performance) ─────────────────────────────────────────────────────────────
const row = (minutes: number, estimates: 'right' | 'wrong') => economy.find((r) => r.minutes === minutes && r.estimates === estimates) ?? {}
const n = (r: Record<string, number | string>, key: string) => Number(r[key])
const nightly = resultsPhase.find((r) => r.files === 200 && r.risky === 10)
const targets: { target: string; measured: string; met: boolean }[] = [
  ...resultsPhase.map((r) => ({ target: `results of ${r.files} files, ${r.risky} risky: within 1.1 × the slowest API's floor`, measured: `${r.seconds} s / ${r.floorS} s`, met: r.seconds <= 1.1 * r.floorS })),
  { target: 'results of 200 files, 10 risky, at HSS\'s budget: under 90 s', measured: `${nightly?.seconds} s`, met: (nightly?.seconds ?? Infinity) < 90 },
  { target: `a ${Math.round(bigFile.bytes / 1024)} KiB YAML file, 20 findings: the whole run within timeout + 2 s, every finding on its line`, measured: `${bigFile.seconds} s of ${bigFile.timeoutS + 2} s; ${bigFile.placed} of ${bigFile.risks} placed; ${bigFile.result}`, met: bigFile.seconds <= bigFile.timeoutS + 2 && bigFile.risks === 20 && bigFile.placed === 20 },
  // 1.75, not 1.5: @actions/core's only entry point (3.0.1, the latest) imports @actions/http-client and
  // undici for OIDC, which the action never uses: 906 KiB of the 1.37 MiB start-up bundle, about 50 ms
  // to parse here, and no supported way to leave it out (docs/performance.md).
  { target: `cold start ≤ ${COLD_START_TARGET} × plain fetch (median of the ratios within each round)`, measured: `${round(roundRatio, 2)}× (medians' ratio ${round(action / floor, 2)}×)`, met: roundRatio <= COLD_START_TARGET },
  ...(['right', 'wrong'] as const).map((e) => ({
    target: `60-min scan (${e} estimates): queries ≤ ½ of fixed`,
    measured: `${n(row(60, e), 'adaptive queries')} vs ${n(row(60, e), 'fixed queries')}`,
    met: n(row(60, e), 'adaptive queries') <= n(row(60, e), 'fixed queries') / 2
  })),
  {
    target: '60-min scan, right estimates: median latency ≤ 1.25 × poll-interval',
    measured: `${n(row(60, 'right'), 'adaptive latency s (median)')} s ≤ ${1.25 * (POLL / 1000)} s`,
    met: n(row(60, 'right'), 'adaptive latency s (median)') <= 1.25 * (POLL / 1000)
  },
  ...[1, 5, 15, 60].map((m) => ({
    target: `${m}-min scan, wrong estimates: worst latency ≤ stretch cap (4 × poll-interval)`,
    measured: `${n(row(m, 'wrong'), 'adaptive latency s (worst)')} s ≤ ${(4 * POLL) / 1000} s`,
    met: n(row(m, 'wrong'), 'adaptive latency s (worst)') <= (4 * POLL) / 1000
  })),
  ...capacityTable.filter((r) => r.gates >= 12).map((r) => ({
    target: `${r.gates} gates on one credential: every gate passes, last verdict ≤ 1.5 × the budget's floor`,
    measured: `${r['verdict delay s (max)']} s / ${r['budget floor s']} s = ${r['max / floor']}×; ${r['gates not passed']} not passed`,
    met: r['max / floor'] <= 1.5 && r['gates not passed'] === 0
  })),
  ...[1, 5].flatMap((m) =>
    (['right', 'wrong'] as const).map((e) => {
      const r = row(m, e)
      return {
        target: `${m}-min scan (${e}): queries and latency no worse than fixed`,
        measured: `queries ${n(r, 'adaptive queries')} vs ${n(r, 'fixed queries')}; median ${n(r, 'adaptive latency s (median)')} vs ${n(r, 'fixed latency s (median)')} s; worst ${n(r, 'adaptive latency s (worst)')} vs ${n(r, 'fixed latency s (worst)')} s`,
        met:
          n(r, 'adaptive queries') <= n(r, 'fixed queries') &&
          n(r, 'adaptive latency s (median)') <= n(r, 'fixed latency s (median)') &&
          n(r, 'adaptive latency s (worst)') <= n(r, 'fixed latency s (worst)')
      }
    })
  )
]

// ── report ───────────────────────────────────────────────────────────────────────────────────
const startup = commands.map((c) => ({ command: c.name, 'median ms': round(med(c.name)), 'runs': RUNS }))
const results = {
  measuredAt: new Date().toISOString(),
  node: process.version,
  coldStart: {
    runs: RUNS,
    medians: Object.fromEntries(startup.map((s) => [s.command, s['median ms']])),
    actionOverFetch: round(action / floor, 2),
    actionOverFetchByRound: round(roundRatio, 2),
    actionOverNodeE0: round(action / med('node -e 0'), 2),
    target: `action ≤ ${COLD_START_TARGET} × plain fetch`
  },
  dist: { bytes: distBytes, indexKiB: round((distBytes['index.js'] ?? 0) / 1024) },
  peakRssMiB: round(peakRssKb / 1024),
  polling: { pollIntervalS: POLL / 1000, seeds: SEEDS, rows: economy },
  phases,
  resultsPhase,
  bigFile,
  uploadPhase,
  capacity: { budget: '5 calls per 6 s per user per API (HSS\'s 5 a minute, 10 × faster)', pollIntervalS: 1, finishAfterS: 3, rows: capacityTable },
  targets
}
const resultsPath = process.argv.includes('--save') ? join(ROOT, 'bench/results.json') : join(ROOT, '.build/bench-results.json')
mkdirSync(join(resultsPath, '..'), { recursive: true })
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n')

console.log(`Node ${process.version}, ${RUNS} interleaved runs each\n`)
console.table(startup)
console.log(`action / plain fetch: ${results.coldStart.actionOverFetchByRound}× (median of each round's ratio; ratio of the medians ${results.coldStart.actionOverFetch}×)   action / node -e 0: ${results.coldStart.actionOverNodeE0}×   (target: action ≤ ${COLD_START_TARGET} × plain fetch)`)
console.log(`dist: ${Object.entries(distBytes).map(([f, b]) => `${f} ${round(b / 1024)} KiB`).join(', ')}   peak RSS of the action: ${results.peakRssMiB} MiB\n`)
console.log(`Polling economy: poll-interval ${POLL / 1000} s, ${SEEDS} simulated runs per row (fake clock); latency = finish → verdict`)
console.table(economy)
console.log('\nAPI calls of one gate, by phase (create, poll = ListTasks, resources = ListTaskResources, files = ListIacFiles, risks = ListIacFileRisks, paths = ListIacFileRiskPaths):')
console.table(phases)
console.log('Reading the results (summaries, risks, places, every API at once) of YAML files with one risk each, against HSS\'s 5 calls a minute per API (virtual clock), answered calls per API, next to the slowest API\'s floor and to reading every file one API after another:')
console.table(resultsTable)
console.log(`A ${Math.round(bigFile.bytes / 1024)} KiB Kubernetes YAML file of ${bigFile.documents} documents with ${bigFile.risks} findings, each placed (dist/index.js against the simulator, timeout ${bigFile.timeoutS} s): the whole run took ${bigFile.seconds} s, ${bigFile.placed} of ${bigFile.risks} findings on their lines, ${bigFile.result}.`)
console.log('The upload phase (upload-files) against HSS\'s 5 BatchUploadFiles calls a minute (fake clock); the floor: the sixth and later requests each wait 12 s:')
console.table(uploadPhase)
console.log('Many gates on one credential (separate processes; 5 calls per 6 s; poll-interval 1 s; the task finishes 3 s in):')
console.table(capacityTable)
console.log('\nTargets (measured in this run):')
console.table(targets.map((t) => ({ ...t, met: t.met ? 'yes' : 'NO' })))
console.log(`\nwritten to ${resultsPath}`)
const missed = targets.filter((t) => !t.met)
if (missed.length) console.log(`\n${missed.length} ${missed.length === 1 ? 'target' : 'targets'} missed: ${missed.map((t) => t.target).join('; ')}`)
process.exitCode = missed.length ? 1 : 0
