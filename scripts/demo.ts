/**
 * `npm start`: the built action (dist/index.js) against the embedded HSS simulator and a stand-in
 * GitHub, as a runner runs it, on a pull request (simulator/demo-story.ts tells it). Two matrix
 * legs, Dockerfiles and Kubernetes YAML, each upload the pull request's files, start a scan, wait
 * for it, read the risks and put them on their lines. Prints each leg's log, outputs, SARIF results
 * and job summary.
 *   npm start [-- --html]   also writes the summaries as a page, rendered as GitHub does, to .build/
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { endedAsTold, runDemoStory } from '../simulator/demo-story.ts'
import { ROOT } from '../simulator/run-action.ts'

const html = process.argv.includes('--html')

console.log('Pull request #7 changes Dockerfile, services/api/Dockerfile and k8s/deployment.yaml, and leaves services/worker/Dockerfile alone.')
console.log('A matrix gates it in two legs, each one step: upload the changed files of its type, scan them, judge the changed lines.\n')
const { legs, requests } = await runDemoStory()

for (const { name, run, workspace } of legs) {
  console.log(`══ leg: ${name} ${'═'.repeat(Math.max(0, 66 - name.length))}`)
  console.log('── action log (::debug:: lines hidden, as the runner hides them) ──')
  console.log(run.stdout.split('\n').filter((line) => line && !line.startsWith('::debug::') && !line.startsWith('::add-mask::')).join('\n'))
  console.log('\n── outputs ──')
  for (const [key, value] of Object.entries(run.outputs)) console.log(`${key}: ${value.length > 140 ? `${value.slice(0, 140)}…` : value}`)
  if (run.outputs['sarif-file']) {
    const log = JSON.parse(readFileSync(join(workspace, run.outputs['sarif-file']), 'utf8')) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } } }[]; suppressions?: unknown[] }[] }[] }
    console.log(`\n── ${run.outputs['sarif-file']} (for code scanning) ──`)
    for (const result of log.runs[0]?.results ?? []) {
      const where = result.locations[0]?.physicalLocation
      const lines = where ? `${where.artifactLocation.uri}:${where.region.startLine}${where.region.endLine ? `-${where.region.endLine}` : ''}` : '?'
      console.log(`${result.level.padEnd(7)} ${result.ruleId.padEnd(16)} ${lines}${result.suppressions ? '  (suppressed: excepted)' : ''}`)
    }
  }
  console.log('\n── job summary (GITHUB_STEP_SUMMARY) ──')
  console.log(run.summary)
  console.log(`exit code ${run.code}\n`)
}
console.log(`requests to the simulator: ${Object.entries(requests).map(([route, n]) => `${route} ${n}`).join(', ')}`)

if (html) {
  const { renderHtmlPage } = await import('./summary-html.ts')
  const dir = join(ROOT, '.build')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'demo-summary.html')
  writeFileSync(path, renderHtmlPage(legs.map((leg) => leg.run.summary).join('\n\n---\n\n')))
  console.log(`the summaries as a page: ${path}`)
}
const told = endedAsTold(legs)
console.log(
  told
    ? '\nAs this demo intends: the Dockerfile leg uploaded the two changed Dockerfiles (not the worker\'s), and failed on USER root (a changed line), not on the download piped into a shell (a line the pull request left alone); the YAML leg passed (its privileged worker is excepted, the rest is below high).'
    : '\nThe demo did not end as intended: see the logs above.'
)
process.exitCode = told ? 0 : 1
