/**
 * What a gate spends, by phase: the API calls of one create-task run with fail-on-risk (through
 * dist/index.js against the simulator), and the time the risk phase adds for 1, 10 and 50 files at
 * HSS's real budget of 5 ListIacFileRisks calls a minute (on a fake clock: an hour in milliseconds).
 */
import { budgetPacer } from '../src/gate/deps.ts'
import { readRiskPaths } from '../src/gate/risks/risk-paths.ts'
import { readRisks } from '../src/gate/risks/risks.ts'
import { HssError } from '../src/errors.ts'
import type { IacFileRisk, IacRiskPath, ListPage } from '../src/hss/models.ts'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator } from '../simulator/server.ts'
import type { SimFile } from '../simulator/scans.ts'
import { fakeClient } from '../__fixtures__/fake-client.ts'
import { fakeClock, type FakeClock } from '../__fixtures__/fake-clock.ts'

export interface PhaseCalls {
  scenario: string
  create: number
  poll: number
  resources: number
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
  return { scenario: `create-task, ${files} ${type} files (1 fails), fail-on-risk ${failOnRisk}`, create: count('create'), poll: count('tasks'), resources: count('resources'), risks: count('risks'), paths: count('paths'), throttled: server.requests.filter((r) => r.status === 429).length }
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

/** What one phase costs at HSS's budget, on a fake clock. */
export interface PhaseTime {
  files: number
  pollIntervalS: number
  /** From the phase's first call to its last answer. */
  seconds: number
  calls: number
  throttled: number
}

/** HSS's budget for one API: at most 5 answered calls in any minute, per user; the rest get 429. */
function hssBudget(clock: FakeClock, operation: string) {
  const answered: number[] = []
  let throttled = 0
  return {
    call<T>(answer: () => T): T | HssError {
      const now = clock.now()
      if (answered.filter((at) => at > now - 60_000).length >= 5) {
        throttled++
        return new HssError({ kind: 'http', operation, status: 429, errorCode: 'APIGW.0308' })
      }
      answered.push(now)
      return answer()
    },
    done: (files: number, pollIntervalMs: number, start: number): PhaseTime => ({ files, pollIntervalS: pollIntervalMs / 1000, seconds: Math.round((clock.now() - start) / 1000), calls: answered.length + throttled, throttled })
  }
}

const pacedOptions = (clock: FakeClock, pollIntervalMs: number) => ({
  clock,
  random: () => 0.5,
  deadline: clock.now() + 3600_000,
  requestTimeoutMs: 30_000,
  pollIntervalMs,
  log: () => undefined,
  pacer: budgetPacer(clock, pollIntervalMs)
})

/** The risk phase for `files` files of under 200 risks each, against HSS's budget of 5 ListIacFileRisks calls a minute. */
export async function riskPhaseTime(files: number, pollIntervalMs: number): Promise<PhaseTime> {
  const clock = fakeClock()
  const budget = hssBudget(clock, 'ListIacFileRisks')
  const client = fakeClient([], undefined, { risks: () => budget.call((): ListPage<IacFileRisk> => ({ items: [{ risk_level: 'low' }], rows: 1, total: 1 })) })
  const start = clock.now()
  await readRisks(client, Array.from({ length: files }, (_, i) => ({ id: `f-${i}`, name: `f-${i}`, status: 'success', type: 'dockerfile' })), pacedOptions(clock, pollIntervalMs))
  return budget.done(files, pollIntervalMs, start)
}

/** The paths phase for `files` risky YAML files (one rule each), against HSS's budget of 5 ListIacFileRiskPaths calls a minute. */
export async function pathsPhaseTime(files: number, pollIntervalMs: number): Promise<PhaseTime> {
  const clock = fakeClock()
  const budget = hssBudget(clock, 'ListIacFileRiskPaths')
  const client = fakeClient([], undefined, { paths: () => budget.call((): ListPage<IacRiskPath> => ({ items: [{ resource_type: 'Deployment', namespace: 'prod', resource_name: 'app', hit_path: 'spec' }], rows: 1, total: 1 })) })
  const start = clock.now()
  await readRiskPaths(client, Array.from({ length: files }, (_, i) => ({ fileId: `f-${i}`, ruleId: 'R-1' })), pacedOptions(clock, pollIntervalMs))
  return budget.done(files, pollIntervalMs, start)
}
