/**
 * The HSS simulator as a standalone server, for the self-test workflow and `npm run local-action`.
 *   node scripts/simulator.ts [--port 8080]
 * Tasks (ready → running → finished over a few seconds from start):
 *   demo-pass  24 files, 0 failed          demo-fail  24 files, 3 failed
 *   demo-cluster (cluster_scan) 4 clusters, 1 failed
 * Credentials: AK QTWAOYTTINDUT2QVKYUC / SK MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc (Huawei's public
 * test vector keys), or the token demo-token. Project id 0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b.
 */
import { startSimulator } from '../simulator/server.ts'
import { clusterTask, failedFiles, iacTask, type ScriptedTask } from '../simulator/tasks.ts'

const portFlag = process.argv.indexOf('--port')
const port = portFlag >= 0 ? Number(process.argv[portFlag + 1]) : 8080

function lifeCycle(task: ScriptedTask['task']): Pick<ScriptedTask, 'task' | 'phases'> {
  return {
    task: { ...task, task_status: 'ready', estimated_time: 1 },
    phases: [
      { afterMs: 1000, status: 'running', patch: { estimated_time: 1 } },
      { afterMs: 3000, status: 'finished', patch: { estimated_time: 0 } }
    ]
  }
}

const sim = await startSimulator({
  port,
  tokens: ['demo-token'],
  tasks: [
    lifeCycle(iacTask('demo-pass', 'demo-pass', { scanned: 24, succeeded: 24, failed: 0 })),
    { ...lifeCycle(iacTask('demo-fail', 'demo-fail', { scanned: 24, succeeded: 21, failed: 3 })), resources: failedFiles(3) },
    lifeCycle(clusterTask('demo-cluster', 'demo-cluster', { scanning: 0, succeeded: 3, failed: 1 }))
  ]
})
console.log(`HSS simulator listening on ${sim.url}`)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void sim.close().then(() => process.exit(0)))
