/** The demo's HSS: IaC files (Dockerfiles with the risks HSS finds in them) and tasks, for npm start and npm run simulator. */
import { join } from 'node:path'
import type { SimFile, SimRisk } from './scans.ts'
import { clusterTask, failedFiles, iacTask, type ScriptedTask } from './tasks.ts'

const risk = (risk_level: string, risk_name: string, remediation: string, extra: Partial<SimRisk> = {}): SimRisk => ({ risk_level, risk_name, remediation, risk_category: 'workload', ...extra })

/** The checked-out repository the demo's files come from (simulator/demo-repo): the lines the risks point at. */
export const DEMO_REPO = join(import.meta.dirname, 'demo-repo')

/** Where the uploader had its checkout: HSS keeps the path a file was uploaded from. */
export const UPLOADED_FROM = '/builds/demo'

/**
 * Copies of three Dockerfiles and a Kubernetes manifest with two Deployments, already in HSS (as an
 * uploader outside the gate leaves them, named by the path it had them at), with what HSS found in
 * them: each Dockerfile risk names its instruction, each YAML risk its resources and paths (in the
 * formats a hit_path may come in). `upload-files` makes its own copies instead (rules.ts scans those).
 */
export const DEMO_FILES: SimFile[] = [
  {
    file_id: 'df-9c1e2a7b-web',
    file_name: `${UPLOADED_FROM}/Dockerfile`,
    file_type: 'dockerfile',
    risks: [
      risk('high', 'Container runs as root', 'Add a USER instruction that switches to a non-root user before CMD', { rule_id: 'DF-USER-001', build_instruction: 'USER root', description: 'The image runs its process as root: a breakout from the container starts with root on the host.' }),
      risk('medium', 'Base image not pinned by digest', 'Pin the FROM image by @sha256 digest', { rule_id: 'DF-FROM-002', build_instruction: 'FROM node:24-slim', description: 'A tag can be moved to another image; a digest cannot.' }),
      risk('low', 'No HEALTHCHECK instruction', 'Add a HEALTHCHECK so the runtime can tell a hung container', { rule_id: 'DF-HC-003' })
    ]
  },
  {
    file_id: 'df-4b7d21e0-api',
    file_name: `${UPLOADED_FROM}/services/api/Dockerfile`,
    file_type: 'dockerfile',
    risks: [
      risk('low', 'No HEALTHCHECK instruction', 'Add a HEALTHCHECK so the runtime can tell a hung container', { rule_id: 'DF-HC-003' }),
      risk('tips', 'apt-get lists not removed', 'Remove /var/lib/apt/lists/* in the same RUN', { rule_id: 'DF-APT-007', build_instruction: 'RUN apt-get update && apt-get install -y --no-install-recommends curl' })
    ]
  },
  { file_id: 'df-0a5f33c8-worker', file_name: `${UPLOADED_FROM}/services/worker/Dockerfile`, file_type: 'dockerfile', risks: [] },
  {
    file_id: 'ky-77e1c0d2-deploy',
    file_name: `${UPLOADED_FROM}/k8s/deployment.yaml`,
    file_type: 'k8s_yaml',
    risks: [
      risk('high', 'Privileged container', 'Set securityContext.privileged to false', {
        risk_category: 'node_escape',
        rule_id: 'K8S-PRIV-001',
        description: 'A privileged container has every capability of the host.',
        paths: [{ resource_type: 'Deployment', namespace: 'prod', resource_name: 'worker', hit_path: '/spec/template/spec/containers/0/securityContext/privileged' }]
      }),
      risk('medium', 'Container may run as root', 'Set securityContext.runAsNonRoot to true', {
        risk_category: 'access_control',
        rule_id: 'K8S-NONROOT-004',
        paths: [
          { resource_type: 'Deployment', namespace: 'prod', resource_name: 'web', hit_path: 'spec.template.spec.containers[0].securityContext.runAsNonRoot' },
          { resource_type: 'Deployment', namespace: 'prod', resource_name: 'worker', hit_path: '$.spec.template.spec.containers[0].securityContext.runAsNonRoot' }
        ]
      })
    ]
  }
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
