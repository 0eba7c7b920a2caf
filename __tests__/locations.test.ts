/**
 * Every finding on its line, end to end through dist/index.js: the demo repository's Dockerfiles and
 * multi-document Kubernetes YAML checked out as the workspace, HSS's risks (instructions, paths in
 * every format) from the simulator. The SARIF log validates as GitHub validates it, and its lines
 * are the lines of the files; annotations carry lines; the summary links them.
 */
import { describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_FILES, DEMO_REPO, UPLOADED_FROM } from '../simulator/demo-data.ts'
import type { SimFile } from '../simulator/scans.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'
import { multitoolValidate, uploadProblems } from '../__fixtures__/sarif.ts'

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9001122334'

/** A fresh checkout of the demo repository. */
function checkout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-'))
  cpSync(DEMO_REPO, dir, { recursive: true })
  return dir
}

const repoEnv = (workspace: string) => ({ GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: 'o/r', GITHUB_SERVER_URL: 'https://github.com', GITHUB_SHA: SHA })
const ofType = (type: 'dockerfile' | 'k8s_yaml') => DEMO_FILES.filter((f) => f.file_type === type)
const createFor = (files: SimFile[], type: string) => ({ 'create-task': 'true', 'file-ids': files.map((f) => f.file_id).join(','), 'file-type': type })

interface RiskEntry {
  rule_id: string
  path?: string
  line?: number
  end_line?: number
  resource?: { kind: string; namespace: string; name: string }
  hit_path?: string
  location_note?: string
}
interface SarifResult {
  ruleId: string
  level: string
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } } }[]
  suppressions?: unknown[]
}

describe('Dockerfile risks on their lines', () => {
  it.concurrent('the instruction\'s line (final stage, last match), and a missing instruction at the final FROM', async () => {
    const workspace = checkout()
    const files = ofType('dockerfile')
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 200 } }, { ...createFor(files, 'dockerfile'), 'fail-on-risk': 'high', 'sarif-file': 'results/hss.sarif' }, { env: repoEnv(workspace) })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const risks = JSON.parse(run.outputs.risks ?? '[]') as RiskEntry[]
    const at = (rule: string, path: string) => risks.find((r) => r.rule_id === rule && r.path === path)
    expect(at('DF-USER-001', 'Dockerfile')).toMatchObject({ line: 11, end_line: 11 })
    expect(at('DF-FROM-002', 'Dockerfile')).toMatchObject({ line: 8, end_line: 8 })
    expect(at('DF-HC-003', 'Dockerfile')).toMatchObject({ line: 8, location_note: 'about an instruction that is missing: the final stage starts here' })
    expect(at('DF-APT-007', 'services/api/Dockerfile')).toMatchObject({ line: 2, end_line: 3 })

    // The annotation lands on the line; the summary links it.
    expect(commands(run.stdout, 'error')[0]).toBe('::error title=high IaC risk%3A Container runs as root,file=Dockerfile,line=11,endLine=11::workload: Add a USER instruction that switches to a non-root user before CMD (rule DF-USER-001)')
    expect(run.summary).toContain(`[\`Dockerfile:11\`](https://github.com/o/r/blob/${SHA}/Dockerfile#L11)`)
    expect(run.summary).toContain(`[\`services/api/Dockerfile:2\`](https://github.com/o/r/blob/${SHA}/services/api/Dockerfile#L2-L3)`)
    expect(run.summary).toContain('`USER root`')
    expect(run.summary).toContain('<details><summary>What HSS says of these risks</summary>')

    // SARIF, written although the verdict failed the step, at the same lines.
    expect(run.outputs['sarif-file']).toBe('results/hss.sarif')
    const path = join(workspace, 'results/hss.sarif')
    const log = JSON.parse(readFileSync(path, 'utf8')) as { runs: { results: SarifResult[] }[] }
    const results = log.runs[0]?.results ?? []
    expect(results).toHaveLength(5)
    for (const result of results) {
      const { uri } = result.locations[0]?.physicalLocation.artifactLocation ?? { uri: '' }
      const { startLine } = result.locations[0]?.physicalLocation.region ?? { startLine: 0 }
      const line = readFileSync(join(workspace, uri), 'utf8').split('\n')[startLine - 1] ?? ''
      const expected: Record<string, RegExp> = { 'DF-USER-001': /^USER root$/, 'DF-FROM-002': /^FROM node:24-slim$/, 'DF-HC-003': /^FROM /, 'DF-APT-007': /^RUN apt-get update/ }
      expect({ rule: result.ruleId, line }).toEqual({ rule: result.ruleId, line: expect.stringMatching(expected[result.ruleId] ?? /never/) })
    }
    expect(uploadProblems(log)).toEqual([])
    expect(multitoolValidate(path)).toEqual({ errors: [], warnings: [] })
  })

  it.concurrent('an instruction that is not in the checked-out file: HSS scanned a different copy', async () => {
    const workspace = checkout()
    writeFileSync(join(workspace, 'Dockerfile'), 'FROM node:24-slim\nUSER app\nCMD ["node"]\n')
    const files: SimFile[] = [{ file_id: 'f-1', file_name: `${UPLOADED_FROM}/Dockerfile`, file_type: 'dockerfile', risks: [{ risk_level: 'high', risk_name: 'Container runs as root', rule_id: 'DF-USER-001', build_instruction: 'USER root' }] }]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'dockerfile'), 'fail-on-risk': 'high' }, { env: repoEnv(workspace) })
    const [risk] = JSON.parse(run.outputs.risks ?? '[]') as RiskEntry[]
    expect(risk).toMatchObject({ path: 'Dockerfile', location_note: 'HSS scanned a different copy of this file: its instruction is not in the checked-out file' })
    expect(risk?.line).toBeUndefined()
    expect(run.summary).toContain('HSS scanned a different copy of this file')
    expect(run.outputs.result).toBe('failed')
  })

  it.concurrent('a base name two files fit equally well stays at file level, and the summary says why', async () => {
    const workspace = checkout()
    const files: SimFile[] = [{ file_id: 'f-1', file_name: 'Dockerfile2', file_type: 'dockerfile', risks: [{ risk_level: 'low', risk_name: 'x', rule_id: 'R' }] }]
    writeFileSync(join(workspace, 'Dockerfile2'), 'FROM a\n')
    cpSync(join(workspace, 'Dockerfile2'), join(workspace, 'services/Dockerfile2'))
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'dockerfile'), 'fail-on-risk': 'high' }, { env: repoEnv(workspace) })
    const [risk] = JSON.parse(run.outputs.risks ?? '[]') as RiskEntry[]
    expect(risk?.path).toBeUndefined()
    expect(risk?.location_note).toBe('the name fits 2 files in the checkout equally well, so the gate does not guess')
    expect(run.summary).toContain('so the gate does not guess')
  })
})

describe('Kubernetes YAML risks on their lines', () => {
  it.concurrent('each resource and path HSS names, in a multi-document file; a missing key at its nearest parent', async () => {
    const workspace = checkout()
    const files = ofType('k8s_yaml')
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 200 } }, { ...createFor(files, 'k8s_yaml'), 'fail-on-risk': 'high', 'sarif-file': 'hss.sarif' }, { env: repoEnv(workspace) })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const risks = JSON.parse(run.outputs.risks ?? '[]') as RiskEntry[]
    const at = (rule: string, name: string) => risks.find((r) => r.rule_id === rule && r.resource?.name === name)
    expect(at('K8S-PRIV-001', 'worker')).toMatchObject({ path: 'k8s/deployment.yaml', line: 29, end_line: 29, hit_path: '/spec/template/spec/containers/0/securityContext/privileged' })
    expect(at('K8S-NONROOT-004', 'web')).toMatchObject({ line: 12, end_line: 15, location_note: 'the rest of the path is not in the file: this is its nearest existing part' })
    expect(at('K8S-NONROOT-004', 'worker')).toMatchObject({ line: 28, end_line: 29 })
    expect(commands(run.stdout, 'error')[0]).toMatch(/^::error title=high IaC risk%3A Privileged container,file=k8s\/deployment.yaml,line=29,endLine=29::/)
    expect(run.summary).toContain(`[\`k8s/deployment.yaml:29\`](https://github.com/o/r/blob/${SHA}/k8s/deployment.yaml#L29)`)
    expect(run.summary).toContain('`Deployment prod/worker`')
    expect(run.sim.requests.filter((r) => r.route === 'paths').map((r) => r.query.rule_id)).toEqual(['K8S-PRIV-001', 'K8S-NONROOT-004'])
    const path = join(workspace, 'hss.sarif')
    expect(uploadProblems(JSON.parse(readFileSync(path, 'utf8')))).toEqual([])
    expect(multitoolValidate(path)).toEqual({ errors: [], warnings: [] })
  })

  it.concurrent('paths that do not come in time leave the risk at file level, and never change the verdict', async () => {
    const workspace = checkout()
    const files = ofType('k8s_yaml')
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'k8s_yaml'), 'fail-on-risk': 'high', timeout: '6s', 'sarif-file': 'hss.sarif' }, { env: repoEnv(workspace), setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body: 'busy' }, 'paths') })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const risks = JSON.parse(run.outputs.risks ?? '[]') as RiskEntry[]
    expect(risks.every((r) => r.line === undefined && r.path === 'k8s/deployment.yaml')).toBe(true)
    expect(JSON.parse(run.outputs['risk-counts'] ?? '')).toMatchObject({ high: 1, medium: 1 })
    // Not on line 1 in code scanning: with no place, they stay out of the log (two documents: the gate does not guess).
    const log = JSON.parse(readFileSync(join(workspace, 'hss.sarif'), 'utf8')) as { runs: { results: unknown[] }[] }
    expect(log.runs[0]?.results).toEqual([])
    expect(run.stdout).toContain('left out: 2 with no line')
  })
})

describe('SARIF', () => {
  it.concurrent('with fail-on-risk none, the risks are read only to report them: the gate passes, the log is written', async () => {
    const workspace = checkout()
    const files = ofType('dockerfile')
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'dockerfile'), 'sarif-file': 'hss.sarif' }, { env: repoEnv(workspace) })
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    const log = JSON.parse(readFileSync(join(workspace, 'hss.sarif'), 'utf8')) as { runs: { tool: { driver: { rules: { id: string; properties: Record<string, unknown>; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[] }
    const rules = Object.fromEntries((log.runs[0]?.tool.driver.rules ?? []).map((r) => [r.id, [r.properties['security-severity'], r.defaultConfiguration.level]]))
    // Every level, with GitHub's severities: high 8.0, medium 5.5, low 2.0, tips none.
    expect(rules).toEqual({ 'DF-USER-001': ['8.0', 'error'], 'DF-FROM-002': ['5.5', 'warning'], 'DF-HC-003': ['2.0', 'note'], 'DF-APT-007': [undefined, 'note'] })
    expect(commands(run.stdout, 'error')).toEqual([])
  })

  it.concurrent('is not written when not every risk could be read: it would close the alerts of the risks it lacks', async () => {
    const workspace = checkout()
    const files = ofType('dockerfile')
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'dockerfile'), 'sarif-file': 'hss.sarif', timeout: '5s' }, { env: repoEnv(workspace), setup: (sim) => sim.setStandingFault({ kind: 'status', status: 503, body: 'down' }, 'risks') })
    expect(run.outputs['sarif-file']).toBe('')
    expect(existsSync(join(workspace, 'hss.sarif'))).toBe(false)
    expect(commands(run.stdout, 'warning').join('\n')).toContain('No SARIF file was written: not every risk could be read')
  })

  it.concurrent('a level HSS does not document is an error at 8.0, failing closed', async () => {
    const workspace = checkout()
    const files: SimFile[] = [{ file_id: 'f-1', file_name: `${UPLOADED_FROM}/Dockerfile`, file_type: 'dockerfile', risks: [{ risk_level: 'critical', risk_name: 'New kind of risk', rule_id: 'NEW-1' }] }]
    const run = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...createFor(files, 'dockerfile'), 'sarif-file': 'hss.sarif', 'fail-on-risk': 'high' }, { env: repoEnv(workspace) })
    expect(run.outputs.result).toBe('failed')
    const text = readFileSync(join(workspace, 'hss.sarif'), 'utf8')
    expect(text).toContain('"security-severity": "8.0"')
    expect(text).toContain('"level": "error"')
  })
})
