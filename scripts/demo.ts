/**
 * `npm start`: the built action against the embedded HSS simulator, on a scripted IaC scan that goes
 * ready → running → finished with two failed files. Prints the log, the outputs and the job summary.
 */
import { writeFileSync } from 'node:fs'
import { DEMO_AK, DEMO_SK, DEMO_PROJECT_ID, startSimulator } from '../simulator/server.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { runAction } from '../simulator/run-action.ts'

const htmlFlag = process.argv.indexOf('--html')
const htmlPath = htmlFlag >= 0 ? (process.argv[htmlFlag + 1] ?? 'demo-summary.html') : undefined

const start = Date.now()
const task = iacTask('b9a1c1e0-7f3e-4c55-9c1b-2f8d1e0a6c31', 'iac-pr-42', { scanned: 24, succeeded: 22, failed: 2 }, {
  start_time: start,
  end_time: start + 4000
})
const sim = await startSimulator({
  tasks: [
    {
      task: { ...task, task_status: 'ready', estimated_time: 1, iac_scan_info: { file_type: 'k8s_yaml', scan_file_num: 24, success_file_num: 0, failed_file_num: 0 } },
      phases: [
        { afterMs: 1500, status: 'running', patch: { estimated_time: 1, iac_scan_info: { file_type: 'k8s_yaml', scan_file_num: 24, success_file_num: 11, failed_file_num: 1 } } },
        { afterMs: 3500, status: 'finished', patch: { estimated_time: 0, end_time: task.end_time ?? 0, iac_scan_info: task.iac_scan_info ?? {} } }
      ],
      resources: failedFiles(2, (i) => ({
        file_name: ['charts/web/templates/deployment.yaml', 'k8s/ingress.yaml'][i] ?? '',
        failed_reason: ['yaml: line 14: mapping values are not allowed in this context', 'file exceeds the 1 MiB size limit'][i] ?? ''
      }))
    },
    // A decoy with a longer name: HSS matches names fuzzily, the gate must not.
    { task: iacTask('0d4c2b7a-1111-4a0b-8c9d-0123456789ab', 'iac-pr-421', { scanned: 3, succeeded: 0, failed: 3 }) }
  ]
})

console.log(`HSS simulator on ${sim.url}; running dist/index.js as a runner would…\n`)
const run = await runAction({
  inputs: {
    'task-name': 'iac-pr-42',
    endpoint: sim.url,
    'poll-interval': '1s',
    timeout: '1m',
    'max-failed': '2',
    'max-failed-percent': '10'
  },
  env: { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, HUAWEI_CLOUD_PROJECT_ID: DEMO_PROJECT_ID, HUAWEI_CLOUD_REGION: 'ap-southeast-1' }
})
await sim.close()

console.log('── action log (::debug:: lines hidden, as the runner hides them) ──')
console.log(run.stdout.split('\n').filter((line) => !line.startsWith('::debug::')).join('\n').trimEnd())
console.log('\n── outputs ─────────────────────────────────────────────')
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value.length > 160 ? `${value.slice(0, 160)}…` : value}`)
console.log('\n── job summary (GITHUB_STEP_SUMMARY) ───────────────────')
console.log(run.summary)
console.log(`exit code ${run.code}, ${sim.requests.length} requests to the simulator`)
if (htmlPath) {
  const { renderHtmlPage } = await import('./summary-html.ts')
  writeFileSync(htmlPath, renderHtmlPage(run.summary))
  console.log(`the summary as a page: ${htmlPath}`)
}
process.exitCode = run.code === 0 && run.outputs.result === 'passed' ? 0 : 1
