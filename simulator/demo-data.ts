/** The demo's HSS: IaC files (Dockerfiles with the risks HSS finds in them) and tasks, for npm start and npm run simulator. */
import type { SimFile, SimRisk } from './scans.ts'
import { clusterTask, failedFiles, iacTask, type ScriptedTask } from './tasks.ts'

const risk = (risk_level: string, risk_name: string, remediation: string, extra: Partial<SimRisk> = {}): SimRisk => ({ risk_level, risk_name, remediation, risk_category: 'workload', ...extra })

/** Three Dockerfiles: one runs as root (high), the others have lesser findings. */
export const DEMO_FILES: SimFile[] = [
  {
    file_id: 'df-9c1e2a7b-web',
    file_name: 'Dockerfile',
    file_type: 'dockerfile',
    risks: [
      risk('high', 'Container runs as root', 'Add a USER instruction that switches to a non-root user before CMD', { rule_id: 'DF-USER-001' }),
      risk('medium', 'Base image not pinned by digest', 'Pin the FROM image by @sha256 digest', { rule_id: 'DF-FROM-002' }),
      risk('low', 'No HEALTHCHECK instruction', 'Add a HEALTHCHECK so the runtime can tell a hung container', { rule_id: 'DF-HC-003' })
    ]
  },
  {
    file_id: 'df-4b7d21e0-api',
    file_name: 'services/api/Dockerfile',
    file_type: 'dockerfile',
    risks: [risk('low', 'No HEALTHCHECK instruction', 'Add a HEALTHCHECK so the runtime can tell a hung container', { rule_id: 'DF-HC-003' }), risk('tips', 'apt-get lists not removed', 'Remove /var/lib/apt/lists/* in the same RUN', { rule_id: 'DF-APT-007' })]
  },
  { file_id: 'df-0a5f33c8-worker', file_name: 'services/worker/Dockerfile', file_type: 'dockerfile', risks: [] },
  { file_id: 'ky-77e1c0d2-deploy', file_name: 'k8s/deployment.yaml', file_type: 'k8s_yaml', risks: [risk('high', 'Privileged container', 'Set securityContext.privileged to false', { risk_category: 'node_escape', rule_id: 'K8S-PRIV-001' })] }
]

/** ready → running → finished over a few seconds from the simulator's start. */
function lifeCycle(task: ScriptedTask['task']): Pick<ScriptedTask, 'task' | 'phases'> {
  return {
    task: { ...task, task_status: 'ready', estimated_time: 1 },
    phases: [
      { afterMs: 1000, status: 'running', patch: { estimated_time: 1 } },
      { afterMs: 3000, status: 'finished', patch: { estimated_time: 0 } }
    ]
  }
}

/** Tasks to wait for by name: demo-pass (24 files, 0 failed), demo-fail (3 failed), demo-cluster (1 cluster failed). */
export const DEMO_TASKS: ScriptedTask[] = [
  lifeCycle(iacTask('demo-pass', 'demo-pass', { scanned: 24, succeeded: 24, failed: 0 })),
  { ...lifeCycle(iacTask('demo-fail', 'demo-fail', { scanned: 24, succeeded: 21, failed: 3 })), resources: failedFiles(3) },
  lifeCycle(clusterTask('demo-cluster', 'demo-cluster', { scanning: 0, succeeded: 3, failed: 1 }))
]
