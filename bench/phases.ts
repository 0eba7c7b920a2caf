/**
 * What a gate spends, by phase: the API calls of one create-task run with fail-on-risk (through
 * dist/index.js against the simulator). The time the results take at HSS's budget is in
 * results-phase.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator } from '../simulator/server.ts'
import type { SimFile } from '../simulator/scans.ts'

export interface PhaseCalls {
  scenario: string
  create: number
  poll: number
  resources: number
  files: number
  risks: number
  paths: number
  throttled: number
}

/**
 * One gate's calls by phase, for a scan of `files` files, one of them unparsable. For k8s_yaml,
 * each file's risk hits one resource, so its place costs one ListIacFileRiskPaths call.
 */
export async function callsByPhase(files: number, failOnRisk: 'none' | 'high', type: 'dockerfile' | 'k8s_yaml' = 'dockerfile'): Promise<PhaseCalls> {
  const sim: SimFile[] = Array.from({ length: files }, (_, i) => ({
    file_id: `f-${i + 1}`,
    file_name: type === 'dockerfile' ? `svc-${i + 1}/Dockerfile` : `k8s/app-${i + 1}.yaml`,
    file_type: type,
    ...(i === 0 ? { scan: 'failed' as const, failed_reason: 'unknown instruction' } : {}),
    risks: [{ risk_name: 'No HEALTHCHECK', risk_level: 'low', rule_id: 'R-1', paths: [{ resource_type: 'Deployment', namespace: 'prod', resource_name: `app-${i + 1}`, hit_path: 'spec.template.spec' }] }]
  }))
  const server = await startSimulator({ files: sim, createdTiming: { readyMs: 500, finishMs: 2500 } })
  await runAction({
    inputs: { 'create-task': 'true', 'file-type': type, 'file-ids': sim.map((f) => f.file_id).join(','), 'fail-on-risk': failOnRisk, 'max-failed': '1', endpoint: server.url, 'project-id': DEMO_PROJECT_ID, 'poll-interval': '1s', timeout: '2m', summary: 'false' },
    env: { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, GITHUB_WORKSPACE: workspaceOf(sim) }
  })
  await server.close()
  const count = (route: string) => server.requests.filter((r) => r.route === route).length
  return { scenario: `create-task, ${files} ${type} files (1 fails), fail-on-risk ${failOnRisk}`, create: count('create'), poll: count('tasks'), resources: count('resources'), files: count('files'), risks: count('risks'), paths: count('paths'), throttled: server.requests.filter((r) => r.status === 429).length }
}

/** A checkout holding each file, so that YAML risks are placed (paths are read only for files in the workspace). */
function workspaceOf(files: SimFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-checkout-'))
  for (const file of files) {
    mkdirSync(join(dir, file.file_name, '..'), { recursive: true })
    writeFileSync(join(dir, file.file_name), file.file_type === 'dockerfile' ? 'FROM scratch\n' : 'kind: Deployment\nmetadata: {name: app, namespace: prod}\nspec: {template: {spec: {}}}\n')
  }
  return dir
}

export interface BigFileRun {
  bytes: number
  documents: number
  /** Findings: risks at their places. */
  risks: number
  timeoutS: number
  /** The whole process, from its start to its exit. */
  seconds: number
  placed: number
  result: string
}

/**
 * One run over a 1 MB Kubernetes YAML file of 6,000 documents with 20 findings (4 rules at 5 places
 * each, from ListIacFileRiskPaths): the file must be parsed once, not once per finding, and the run
 * must end within `timeout` (20 s) + 2 s.
 */
export async function bigFileRun(): Promise<BigFileRun> {
  const documents = 6000
  const yaml = Array.from({ length: documents }, (_, i) => ['apiVersion: v1', 'kind: Pod', `metadata: {name: pod-${i}, namespace: prod}`, 'spec:', '  containers:', `    - name: c${i}`, '      image: img:1', '      securityContext:', '        privileged: true'].join('\n')).join('\n---\n') + '\n'
  // 4 rules, each hitting 5 pods across the file: 20 places, 4 path calls (within one window of the budget, so no wait).
  const risks = Array.from({ length: 4 }, (_, i) => ({ risk_level: 'high', risk_name: `risk ${i}`, rule_id: `R-${i}`, paths: Array.from({ length: 5 }, (_, j) => ({ resource_type: 'Pod', namespace: 'prod', resource_name: `pod-${(i * 5 + j) * 290}`, hit_path: 'spec.containers[0].securityContext.privileged' })) }))
  const file: SimFile = { file_id: 'big-1', file_name: 'k8s/big.yaml', file_type: 'k8s_yaml', risks }
  const workspace = mkdtempSync(join(tmpdir(), 'bench-big-'))
  mkdirSync(join(workspace, 'k8s'))
  writeFileSync(join(workspace, 'k8s/big.yaml'), yaml)
  const server = await startSimulator({ files: [file], createdTiming: { readyMs: 0, finishMs: 100 } })
  const run = await runAction({
    inputs: { 'create-task': 'true', 'file-type': 'k8s_yaml', 'file-ids': 'big-1', 'fail-on-risk': 'high', endpoint: server.url, 'project-id': DEMO_PROJECT_ID, 'poll-interval': '1s', timeout: '20s', summary: 'false' },
    env: { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, GITHUB_WORKSPACE: workspace }
  })
  await server.close()
  const found = JSON.parse(run.outputs.risks ?? '[]') as { line?: number }[]
  return { bytes: Buffer.byteLength(yaml), documents, risks: found.length, timeoutS: 20, seconds: Math.round(run.elapsedMs / 100) / 10, placed: found.filter((risk) => risk.line !== undefined).length, result: run.outputs.result ?? '' }
}
