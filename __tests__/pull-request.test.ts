/**
 * A verdict to trust on a pull request, end to end through dist/index.js against the simulator and
 * a stand-in GitHub: exceptions read from the base commit, the scope of what the pull request
 * changed, and stale copies judged against the run's start.
 */
import { describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_REPO, UPLOADED_FROM } from '../simulator/demo-data.ts'
import type { FakePullFile } from '../simulator/github.ts'
import type { SimFile, SimRisk } from '../simulator/scans.ts'
import { commands, gate, type GateRun } from '../__fixtures__/e2e.ts'
import { adds, BASE, exceptionsFile, HEAD, prGate } from '../__fixtures__/pull-request.ts'

const DAY = 86_400_000

// The demo repository: Dockerfile line 11 is `USER root`, line 8 the final FROM; k8s/deployment.yaml has web (lines 2-15) and worker (17-29).
const USER_ROOT = { risk_level: 'high', risk_name: 'Container runs as root', rule_id: 'DF-USER-001', build_instruction: 'USER root', remediation: 'Add USER' }
const UNPINNED = { risk_level: 'high', risk_name: 'Base image not pinned', rule_id: 'DF-FROM-002', build_instruction: 'FROM node:24-slim' }
const PRIVILEGED = { risk_level: 'high', risk_name: 'Privileged container', rule_id: 'K8S-PRIV-001', paths: [{ resource_type: 'Deployment', namespace: 'prod', resource_name: 'worker', hit_path: 'spec.template.spec.containers[0].securityContext.privileged' }] }
const dockerfile = (risks: SimRisk[], extra: Partial<SimFile> = {}): SimFile => ({ file_id: 'df-web', file_name: `${UPLOADED_FROM}/Dockerfile`, file_type: 'dockerfile', risks, ...extra })
const manifest = (risks: SimRisk[], extra: Partial<SimFile> = {}): SimFile => ({ file_id: 'ky-deploy', file_name: 'k8s/deployment.yaml', file_type: 'k8s_yaml', risks, ...extra })

const entries = (run: GateRun) => JSON.parse(run.outputs.risks ?? '[]') as { rule_id: string; scope: string; excepted?: { reason: string; expires: string }; line?: number; resource?: { name: string } }[]

describe('exceptions', () => {
  const accepted = 'rule: DF-USER-001\n    paths: ["Dockerfile"]\n    reason: Needs root to bind port 80 (SEC-12)\n    expires: 2099-01-31'

  it.concurrent('a matching entry excepts the risk: it cannot break the gate, and shows with its reason everywhere', async () => {
    const run = await prGate({ files: [dockerfile([USER_ROOT])], exceptions: { base: exceptionsFile(accepted) }, inputs: { 'sarif-file': 'hss.sarif' } })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(entries(run)[0]).toMatchObject({ rule_id: 'DF-USER-001', excepted: { reason: 'Needs root to bind port 80 (SEC-12)', expires: '2099-01-31' } })
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toEqual({ high: 0, medium: 0, low: 0, tips: 0 })
    expect(run.summary).toContain('### Excepted risks (1)')
    expect(run.summary).toContain('`Needs root to bind port 80 (SEC-12)` | 2099-01-31 |')
    expect(run.githubRequests.some((r) => r.path === '/repos/o/r/contents/.github/hss-exceptions.yml' && r.query.includes(`ref=${BASE}`))).toBe(true)
  })

  it.concurrent.each([
    ['expired', 'rule: DF-USER-001\n    reason: old\n    expires: 2020-01-01', 'entry 1 (rule "DF-USER-001") expired on 2020-01-01'],
    ['without a reason', 'rule: DF-USER-001\n    expires: 2099-01-01', 'entry 1 (rule "DF-USER-001") has no `reason` (a non-empty string)']
  ])('an entry %s excepts nothing, and a warning names it', async (_name, entry, why) => {
    const run = await prGate({ files: [dockerfile([USER_ROOT])], exceptions: { base: exceptionsFile(entry) } })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(commands(run.stdout, 'warning').join('\n')).toContain(`Exceptions file .github/hss-exceptions.yml: ${why}, so it excepts nothing.`)
    expect(run.summary).toContain('⚠️ **1 entry of `.github/hss-exceptions.yml` excepts nothing**')
  })

  it.concurrent('a file that cannot be parsed is a configuration error, never "no exceptions"; HSS is asked nothing', async () => {
    const run = await prGate({ files: [dockerfile([USER_ROOT])], exceptions: { base: 'exceptions:\n  - rule: [broken\n' } })
    expect(run.code).toBe(1)
    expect(run.outputs.result ?? '').toBe('')
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: configuration error/)
    expect(commands(run.stdout, 'error').at(-1)).toMatch(/Input `exceptions-file` is not valid YAML.*as of the base commit bbbbbbbbbbbb/)
    expect(run.sim.requests).toHaveLength(0)
  })

  it.concurrent('the pull request cannot excuse its own risks: the base commit\'s file rules, not the checked-out one', async () => {
    const run = await prGate({ files: [dockerfile([USER_ROOT])], exceptions: { head: exceptionsFile(accepted) }, changed: [{ filename: '.github/hss-exceptions.yml', status: 'added', patch: adds(1) }] })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(entries(run)[0]?.excepted).toBeUndefined()
  })

  it.concurrent('on other events the checked-out file is read', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'push-checkout-'))
    cpSync(DEMO_REPO, workspace, { recursive: true })
    mkdirSync(join(workspace, '.github'), { recursive: true })
    writeFileSync(join(workspace, '.github', 'hss-exceptions.yml'), exceptionsFile(accepted))
    const files = [dockerfile([USER_ROOT])]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': 'df-web', 'fail-on-risk': 'high' }, { env: { GITHUB_WORKSPACE: workspace, GITHUB_EVENT_NAME: 'push' } })
    expect(run.outputs.result).toBe('passed')
    expect(run.stdout).toContain('stale copies are not checked')
  })

  it.concurrent('an entry with a resource excepts that resource only', async () => {
    const twoHits = { ...PRIVILEGED, paths: [...PRIVILEGED.paths, { resource_type: 'Deployment', namespace: 'prod', resource_name: 'web', hit_path: 'spec.template.spec.containers[0]' }] }
    const entry = 'rule: K8S-PRIV-001\n    resource: {kind: Deployment, namespace: prod, name: worker}\n    reason: GPU driver\n    expires: 2099-01-01'
    const run = await prGate({ files: [manifest([twoHits])], exceptions: { base: exceptionsFile(entry) } })
    expect(run.outputs.result).toBe('failed')
    expect(entries(run).map((e) => [e.resource?.name, Boolean(e.excepted)])).toEqual([['web', false], ['worker', true]])
  })
})

describe('fail-on-risk-scope', () => {
  const changedDockerfile = (line: number): FakePullFile => ({ filename: 'Dockerfile', status: 'modified', patch: adds(line, 'changed') })

  it.concurrent('all (the default): every risk can break the gate', async () => {
    const run = await prGate({ files: [dockerfile([UNPINNED])], changed: [{ filename: 'README.md', status: 'modified', patch: adds(3) }] })
    expect(run.outputs.result).toBe('failed')
  })

  it.concurrent('changed-files: only risks in files the pull request changes; the rest are pre-existing', async () => {
    const files = [dockerfile([UNPINNED])]
    const untouched = await prGate({ files, changed: [{ filename: 'README.md', status: 'modified', patch: adds(3) }], inputs: { 'fail-on-risk-scope': 'changed-files' } })
    expect(untouched.outputs.result).toBe('passed')
    expect(entries(untouched)[0]?.scope).toBe('pre-existing')
    expect(untouched.summary).toContain('pre-existing')
    const touched = await prGate({ files, changed: [changedDockerfile(3)], inputs: { 'fail-on-risk-scope': 'changed-files' } })
    expect(touched.outputs.result).toBe('failed')
  })

  it.concurrent('changed-lines: only risks on lines the pull request adds or changes', async () => {
    const files = [dockerfile([USER_ROOT, UNPINNED])]
    const run = await prGate({ files, changed: [changedDockerfile(11)], inputs: { 'fail-on-risk-scope': 'changed-lines' } })
    expect(run.outputs.result).toBe('failed')
    expect(Object.fromEntries(entries(run).map((e) => [e.rule_id, e.scope]))).toEqual({ 'DF-USER-001': 'changed', 'DF-FROM-002': 'pre-existing' })
    expect(run.outputs.reason).toBe('1 IaC risk at high or above on lines this pull request changes (high 1): fail-on-risk high allows none')
    const elsewhere = await prGate({ files, changed: [changedDockerfile(4)], inputs: { 'fail-on-risk-scope': 'changed-lines' } })
    expect(elsewhere.outputs.result).toBe('passed')
  })

  it.concurrent('a renamed file counts as changed, every line of it', async () => {
    const run = await prGate({ files: [dockerfile([UNPINNED])], changed: [{ filename: 'Dockerfile', status: 'renamed', previous_filename: 'Dockerfile.web' }], inputs: { 'fail-on-risk-scope': 'changed-lines' } })
    expect(run.outputs.result).toBe('failed')
  })

  it.concurrent('a risk whose file cannot be mapped counts as changed', async () => {
    const run = await prGate({ files: [dockerfile([USER_ROOT], { file_name: 'not/in/the/checkout.Dockerfile' })], changed: [{ filename: 'README.md', status: 'modified', patch: adds(2) }], inputs: { 'fail-on-risk-scope': 'changed-files' } })
    expect(run.outputs.result).toBe('failed')
    expect(entries(run)[0]?.scope).toBe('changed')
  })

  it.concurrent('with changed-lines, a risk without a line counts as changed', async () => {
    // HSS gives no path for the YAML risk, so its line is unknown.
    const run = await prGate({ files: [manifest([{ ...PRIVILEGED, paths: [] }])], changed: [{ filename: 'README.md', status: 'modified', patch: adds(2) }], inputs: { 'fail-on-risk-scope': 'changed-lines' } })
    expect(run.outputs.result).toBe('failed')
    expect(entries(run)[0]).toMatchObject({ scope: 'changed' })
  })

  it.concurrent('reads every page of the changed files', async () => {
    const filler = Array.from({ length: 230 }, (_, i): FakePullFile => ({ filename: `docs/page-${i}.md`, status: 'added', patch: adds(2) }))
    const run = await prGate({ files: [dockerfile([USER_ROOT])], changed: [...filler, changedDockerfile(11)], inputs: { 'fail-on-risk-scope': 'changed-lines' } })
    expect(run.outputs.result).toBe('failed')
    expect(run.githubRequests.filter((r) => r.path === '/repos/o/r/pulls/7/files').map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['1', '2', '3'])
  })

  it.concurrent('a changed file repeated by paging drift stands in for none: every risk counts as changed', async () => {
    // 101 changed files; page 2 repeats the last file of page 1 instead of the Dockerfile.
    const filler = Array.from({ length: 100 }, (_, i): FakePullFile => ({ filename: `docs/page-${i}.md`, status: 'added', patch: adds(2) }))
    const served = [...filler, filler[99] as FakePullFile]
    const event = { pull_request: { number: 7, base: { sha: BASE }, head: { sha: HEAD }, changed_files: 101 } }
    const run = await prGate({ files: [dockerfile([USER_ROOT])], changed: served, event, inputs: { 'fail-on-risk-scope': 'changed-files', 'stale-copies': 'off' } })
    expect(run.outputs.result).toBe('failed')
    expect(run.stdout).toContain('GitHub listed 100 of the pull request\'s 101 changed files')
  })

  it.concurrent('outside pull-request events the scope is all, and the log says so', async () => {
    const files = [dockerfile([UNPINNED])]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': 'df-web', 'fail-on-risk': 'high', 'fail-on-risk-scope': 'changed-lines' }, { env: { GITHUB_EVENT_NAME: 'push' } })
    expect(run.outputs.result).toBe('failed')
    expect(run.stdout).toContain('Not a pull-request event: every risk counts (fail-on-risk-scope all), and stale copies are not checked.')
  })
})

describe('stale copies', () => {
  const changed = [{ filename: 'Dockerfile', status: 'modified' as const, patch: adds(11, 'USER root') }]

  it.concurrent('a copy uploaded after the run started is fresh', async () => {
    const run = await prGate({ files: [dockerfile([])], changed })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(run.summary).toContain('✅ fresh')
  })

  it.concurrent('a copy uploaded before the run started fails the gate, naming the file and both times', async () => {
    const started = Date.now() - 60_000
    const run = await prGate({ files: [dockerfile([], { upload_file_time: started - DAY })], changed, runStartedAt: started })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const at = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC')
    expect(run.outputs.reason).toBe(`HSS scanned a copy of Dockerfile uploaded at ${at(started - DAY)}, before this workflow run started at ${at(started)}: it cannot hold this pull request's change`)
  })

  it.concurrent('with stale-copies warn, it is a warning and the gate passes', async () => {
    const run = await prGate({ files: [dockerfile([], { upload_file_time: Date.now() - DAY })], changed, inputs: { 'stale-copies': 'warn' } })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(commands(run.stdout, 'warning').join('\n')).toContain('Stale copy: HSS scanned Dockerfile: uploaded before this workflow run started')
  })

  it.concurrent.each([
    ['a file HSS does not list', { listed: false }, 'HSS does not list the file it scanned'],
    ['an odd time', { upload_file_time: 'yesterday' }, 'HSS sent an upload time the gate cannot read'],
    ['a time in seconds, not milliseconds', { upload_file_time: Math.floor(Date.now() / 1000) }, 'HSS sent an upload time the gate cannot read']
  ])('%s counts as stale', async (_name, extra, why) => {
    const run = await prGate({ files: [dockerfile([], extra)], changed })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toBe(`HSS's copy of Dockerfile counts as stale: ${why}`)
  })

  it.concurrent('a file the pull request does not change is not checked; a file found through a manual upload is', async () => {
    const untouched = await prGate({ files: [dockerfile([], { upload_file_time: Date.now() - DAY })], changed: [{ filename: 'README.md', status: 'modified', patch: adds(2) }] })
    expect(untouched.outputs.result).toBe('passed')
    expect(untouched.summary).toContain('Copies HSS scanned (0 stale of 0 checked)')
    const manual = await prGate({ files: [dockerfile([], { scan_type: 'manual_scan' })], changed })
    expect(manual.outputs.result).toBe('passed')
    // Its copy is dated from the rows HSS's file summaries read already: the project's list under both scan types, no look-up by id.
    expect(manual.sim.requests.filter((r) => r.route === 'files').map((r) => [r.query.scan_type, r.query.file_id])).toEqual([['manual_scan', undefined], ['cicd_scan', undefined]])
    expect(manual.summary).toContain('0 stale of 1 checked')
  })

  it.concurrent('never trusts a commit\'s date: only the run\'s start counts', async () => {
    // A backdated head commit changes nothing: the run started after the upload.
    const run = await prGate({ files: [dockerfile([], { upload_file_time: Date.now() - DAY })], changed, event: { pull_request: { number: 7, base: { sha: BASE }, head: { sha: HEAD, commit: { committer: { date: '2001-01-01T00:00:00Z' } } }, changed_files: 1 } } })
    expect(run.outputs.result).toBe('failed')
  })

  it.concurrent('without actions: read on the token, the run stops and names the permission', async () => {
    const run = await prGate({ files: [dockerfile([])], changed, github: { refuse: { runs: 403 } } })
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/^## 🔒 HSS scan gate: GitHub refused the job's token/)
    expect(commands(run.stdout, 'error').at(-1)).toContain('needs `permissions: actions: read`')
    expect(run.sim.requests).toHaveLength(0)
  })

  it.concurrent('without pull-requests: read, the same', async () => {
    const run = await prGate({ files: [dockerfile([])], changed, github: { refuse: { files: 403 } } })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').at(-1)).toContain('needs `permissions: pull-requests: read`')
  })

  it.concurrent('without a GitHub token the pull-request checks cannot pass unchecked: a configuration error names it', async () => {
    const run = await prGate({ files: [dockerfile([])], changed, inputs: { 'github-token': '' } })
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: configuration error/)
    expect(commands(run.stdout, 'error').at(-1)).toContain('Input `github-token` is empty')
    expect(run.sim.requests).toHaveLength(0)
  })

  it.concurrent('a pull-request event file that does not say which pull request stops the run', async () => {
    const run = await prGate({ files: [dockerfile([])], changed, event: { pull_request: { number: 7 } } })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').at(-1)).toContain('does not say which pull request')
    expect(commands(run.stdout, 'error').at(-1)).not.toContain('Unexpected error')
  })

  it.concurrent('stale-copies off asks GitHub for nothing it does not need', async () => {
    const run = await prGate({ files: [dockerfile([], { upload_file_time: Date.now() - DAY })], changed, inputs: { 'stale-copies': 'off' }, github: { refuse: { runs: 403, files: 403 } } })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
  })
})
