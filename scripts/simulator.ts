/**
 * The HSS simulator as a standalone server, for the self-test workflow, `npm run local-action` and
 * trying things by hand.
 *   npm run simulator [-- --port 8080] [--scenario scenario.json]
 *
 * Without a scenario it holds the demo: tasks demo-pass, demo-fail and demo-cluster (ready →
 * running → finished over a few seconds), and four uploaded IaC files that create-task can scan
 * (their ids are printed). A scenario file is JSON with any of SimulatorOptions' data fields
 * (see simulator/server.ts): tasks, files, clusters, createdTiming, rateLimit, tokens, projectId;
 * and "faults": [{ "route": "create", "fault": { "kind": "throttle" } }] queued in order, or
 * "standingFaults" likewise, served to every request of that route.
 * Credentials: AK QTWAOYTTINDUT2QVKYUC / SK MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc (Huawei's public
 * test-vector keys), or the token demo-token. Project id 0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b.
 */
import { readFileSync } from 'node:fs'
import { DEMO_FILES, DEMO_TASKS } from '../simulator/demo-data.ts'
import type { Fault, Route } from '../simulator/faults.ts'
import { startSimulator, type SimulatorOptions } from '../simulator/server.ts'

const flag = (name: string): string | undefined => {
  const at = process.argv.indexOf(name)
  return at >= 0 ? process.argv[at + 1] : undefined
}
const port = Number(flag('--port') ?? 8080)
const scenarioPath = flag('--scenario')

type Scenario = SimulatorOptions & { faults?: { route?: Route; fault: Fault }[]; standingFaults?: { route?: Route; fault: Fault }[] }
const scenario: Scenario = scenarioPath ? (JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario) : { tasks: DEMO_TASKS, files: DEMO_FILES }

const { faults = [], standingFaults = [], ...options } = scenario
const sim = await startSimulator({ tokens: ['demo-token'], ...options, port })
for (const { route, fault } of faults) sim.queueFault(fault, route)
for (const { route, fault } of standingFaults) sim.setStandingFault(fault, route)

console.log(`HSS simulator listening on ${sim.url}${scenarioPath ? ` (scenario ${scenarioPath})` : ''}`)
for (const file of options.files ?? []) console.log(`  IaC file ${file.file_id}  ${file.file_type}  ${file.file_name}  (${file.risks?.length ?? 0} risks)`)
for (const script of options.tasks ?? []) console.log(`  task ${String(script.task.task_name)}  (${String(script.task.task_type)})`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sim.close().then(() => process.exit(0)))
