/**
 * `npm start`: the built action (dist/index.js) against the embedded HSS simulator, as a runner runs
 * it. The action starts an IaC scan of three Dockerfiles, waits for it (ready → running →
 * finished), reads the risks HSS found, finds a high one, and fails the gate on it, as this demo
 * intends. Prints the log, the outputs and the job summary.
 *   npm start [-- --html summary.html]   also writes the summary as a page, rendered as GitHub does
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_FILES } from '../simulator/demo-data.ts'
import { runAction } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator } from '../simulator/server.ts'

const htmlFlag = process.argv.indexOf('--html')
const htmlPath = htmlFlag >= 0 ? (process.argv[htmlFlag + 1] ?? 'demo-summary.html') : undefined

const dockerfiles = DEMO_FILES.filter((file) => file.file_type === 'dockerfile')
const sim = await startSimulator({ files: DEMO_FILES, createdTiming: { readyMs: 1500, finishMs: 3500 } })
// A checkout with the scanned files in it, so the annotations point at them.
const workspace = mkdtempSync(join(tmpdir(), 'hss-demo-workspace-'))
writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:24\nCOPY . /app\nCMD ["node", "/app/server.js"]\n')

console.log(`HSS simulator on ${sim.url}; running dist/index.js as a runner would…\n`)
const run = await runAction({
  inputs: {
    'create-task': 'true',
    'file-type': 'dockerfile',
    'file-ids': dockerfiles.map((file) => file.file_id).join(', '),
    'fail-on-risk': 'high',
    endpoint: sim.url,
    'poll-interval': '1s',
    timeout: '1m'
  },
  env: { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, HUAWEI_CLOUD_PROJECT_ID: DEMO_PROJECT_ID, HUAWEI_CLOUD_REGION: 'ap-southeast-1', GITHUB_WORKSPACE: workspace }
})
await sim.close()

console.log('── action log (::debug:: lines hidden, as the runner hides them) ──')
console.log(run.stdout.split('\n').filter((line) => !line.startsWith('::debug::')).join('\n').trimEnd())
console.log('\n── outputs ─────────────────────────────────────────────')
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value.length > 160 ? `${value.slice(0, 160)}…` : value}`)
console.log('\n── job summary (GITHUB_STEP_SUMMARY) ───────────────────')
console.log(run.summary)
const calls = Object.entries(Object.groupBy(sim.requests, (r) => r.route)).map(([route, list]) => `${route} ${list?.length ?? 0}`).join(', ')
console.log(`exit code ${run.code}; ${sim.requests.length} requests to the simulator (${calls})`)
if (htmlPath) {
  const { renderHtmlPage } = await import('./summary-html.ts')
  writeFileSync(htmlPath, renderHtmlPage(run.summary))
  console.log(`the summary as a page: ${htmlPath}`)
}
// The story: the gate fails on the high risk in Dockerfile. Anything else means the demo broke.
const asIntended = run.code === 1 && run.outputs.result === 'failed' && (run.outputs.reason ?? '').includes('fail-on-risk high')
console.log(asIntended ? '\nThe gate failed on the high-severity risk, as this demo intends.' : '\nThe demo did not end as intended: see the log above.')
process.exitCode = asIntended ? 0 : 1
