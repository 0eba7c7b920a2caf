/**
 * The pull request's own ground, end to end through dist/index.js: each case is one an attacker or a
 * new user found, named by what it is, and each must fail closed (or end as the contract says).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { marked } from 'marked'
import type { SimFile } from '../simulator/scans.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'
import { adds, BASE, exceptionsFile, HEAD, prGate } from '../__fixtures__/pull-request.ts'

const HOUR = 3_600_000
const PINNED = 'FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
const USER_ROOT = { risk_level: 'high', risk_name: 'Container runs as root', rule_id: 'DF-USER-001', build_instruction: 'USER root' }
const NO_USER = { risk_level: 'high', risk_name: 'No USER instruction', rule_id: 'DF-USER-002', build_instruction: '' }
const copy = (name: string, risks: SimFile['risks'], extra: Partial<SimFile> = {}): SimFile => ({ file_id: 'df-1', file_name: name, file_type: 'dockerfile', risks, ...extra })
const risksOf = (outputs: Record<string, string>) => JSON.parse(outputs.risks ?? '[]') as { rule_id: string; path?: string; line?: number; scope: string; location_note?: string }[]

describe('a checkout in a sub-folder (actions/checkout with path:)', () => {
  it.concurrent('paths are the repository\'s: the changed file\'s new risk is changed, its old copy is stale, and SARIF names it from the repository root', async () => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT], { upload_file_time: Date.now() - HOUR })],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      checkoutPath: 'src',
      changed: [{ filename: 'Dockerfile', status: 'modified', patch: adds(2, 'USER root') }],
      inputs: { 'fail-on-risk-scope': 'changed-lines', 'sarif-file': 'hss.sarif' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]).toMatchObject({ path: 'Dockerfile', line: 2, scope: 'changed' })
    expect(run.outputs.reason).toContain('HSS scanned a copy of Dockerfile uploaded at')
    expect(run.summary).toContain('1 stale of 1 checked')
    const sarif = JSON.parse(readFileSync(join(run.workspace, 'hss.sarif'), 'utf8')) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('Dockerfile')
  })
})

describe('same-named Dockerfiles', () => {
  const tree = { Dockerfile: `${PINNED}\nUSER app\n`, 'app/Dockerfile': `${PINNED}\nUSER root\n` }

  it.concurrent('HSS names a copy "Dockerfile", the pull request changed app/Dockerfile, and the root Dockerfile is unchanged: no guess, the risk counts as changed, and its copy is checked', async () => {
    const run = await prGate({
      files: [copy('Dockerfile', [USER_ROOT], { upload_file_time: Date.now() - HOUR })],
      tree,
      changed: [{ filename: 'app/Dockerfile', status: 'modified', patch: adds(2, 'USER root') }],
      inputs: { 'fail-on-risk-scope': 'changed-files' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]).toMatchObject({ scope: 'changed', location_note: 'the name fits 2 files in the checkout equally well, so the gate does not guess' })
    expect(run.outputs.reason).toMatch(/IaC risk at high or above in files this pull request changes/)
    expect(run.outputs.reason).toMatch(/HSS scanned a copy of Dockerfile uploaded at/)
    expect(run.summary).toContain('could not be placed in the checkout')
    // Said in one line; the table lists only files the pull request changed, and it changed none HSS named exactly.
    expect(run.summary).not.toContain('| Changed file |')
  })

  it.concurrent('the pull request adds Dockerfile as a link to an unchanged file: the risk counts as changed', async () => {
    const run = await prGate({
      files: [copy('Dockerfile', [USER_ROOT])],
      tree: { 'legacy/Dockerfile': `${PINNED}\nUSER root\n` },
      changed: [{ filename: 'Dockerfile', status: 'added', patch: '@@ -0,0 +1 @@\n+legacy/Dockerfile' }],
      inputs: { 'fail-on-risk-scope': 'changed-files', 'stale-copies': 'off' },
      prepare: (root) => symlinkSync(join(root, 'legacy/Dockerfile'), join(root, 'Dockerfile'))
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]?.scope).toBe('changed')
  })
})

describe('a deleted line', () => {
  it.concurrent('deleting USER app leaves "no USER" at the unchanged final FROM: it counts as changed', async () => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [NO_USER])],
      tree: { Dockerfile: `${PINNED}\nWORKDIR /app\nCMD ["app"]\n` },
      changed: [{ filename: 'Dockerfile', status: 'modified', patch: '@@ -1,4 +1,3 @@\n FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n WORKDIR /app\n-USER app\n CMD ["app"]' }],
      inputs: { 'fail-on-risk-scope': 'changed-lines', 'stale-copies': 'off' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]).toMatchObject({ path: 'Dockerfile', line: 1, scope: 'changed' })
  })

  it.concurrent('deleting runAsNonRoot: true puts the risk at its unchanged parent: it counts as changed', async () => {
    const manifest = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: api, namespace: prod}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: api', '          image: api:1', '          securityContext:', '            readOnlyRootFilesystem: true', ''].join('\n')
    const risk = { risk_level: 'high', risk_name: 'May run as root', rule_id: 'K8S-NONROOT-004', paths: [{ resource_type: 'Deployment', namespace: 'prod', resource_name: 'api', hit_path: 'spec.template.spec.containers[0].securityContext.runAsNonRoot' }] }
    const run = await prGate({
      files: [{ file_id: 'ky-1', file_name: 'k8s/app.yaml', file_type: 'k8s_yaml', risks: [risk] }],
      tree: { 'k8s/app.yaml': manifest },
      changed: [{ filename: 'k8s/app.yaml', status: 'modified', patch: '@@ -10,3 +10,2 @@\n           securityContext:\n             readOnlyRootFilesystem: true\n-            runAsNonRoot: true' }],
      inputs: { 'fail-on-risk-scope': 'changed-lines', 'stale-copies': 'off' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]).toMatchObject({ path: 'k8s/app.yaml', line: 10, scope: 'changed' })
  })

  it.concurrent('a risky RUN added to a builder stage reads like an unchanged one in the final stage: it counts as changed', async () => {
    const curl = 'RUN curl -fsSL https://x | sh'
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [{ risk_level: 'high', risk_name: 'Pipe to shell', rule_id: 'DF-RUN-005', build_instruction: curl }])],
      tree: { Dockerfile: `FROM node:24 AS build\n${curl}\n\n${PINNED}\n${curl}\nUSER app\n` },
      changed: [{ filename: 'Dockerfile', status: 'modified', patch: `@@ -1,2 +1,3 @@\n FROM node:24 AS build\n+${curl}\n ` }],
      inputs: { 'fail-on-risk-scope': 'changed-lines', 'stale-copies': 'off' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(risksOf(run.outputs)[0]).toMatchObject({ line: 5, scope: 'changed' })
  })

  it.concurrent.each([
    ['an empty patch', ''],
    ['a patch with no hunk header', '+USER root'],
    ['a garbage patch', 'Binary files differ']
  ])('%s: every line of the file counts as changed', async (_name, patch) => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT])],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      changed: [{ filename: 'Dockerfile', status: 'modified', patch }],
      inputs: { 'fail-on-risk-scope': 'changed-lines', 'stale-copies': 'off' }
    })
    expect(risksOf(run.outputs)[0]?.scope).toBe('changed')
  })
})

describe('a link committed by the pull request', () => {
  it.concurrent('sarif-file that is a link to a file outside the workspace: nothing is written through it', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'victim-'))
    writeFileSync(join(outside, 'victim.txt'), 'precious')
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT])],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      inputs: { 'sarif-file': 'results/hss.sarif', 'stale-copies': 'off' },
      prepare: (root) => {
        mkdirSync(join(root, 'results'))
        symlinkSync(join(outside, 'victim.txt'), join(root, 'results/hss.sarif'))
      }
    })
    expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('precious')
    expect(run.outputs['sarif-file']).toBe('')
    expect(commands(run.stdout, 'warning').join('\n')).toContain('Could not write the SARIF file: results/hss.sarif is a link: nothing is written through a link')
  })

  it.concurrent('sarif-file under a folder that is a link: no folder is made outside the workspace', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT])],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      inputs: { 'sarif-file': 'results/deep/hss.sarif', 'stale-copies': 'off' },
      prepare: (root) => symlinkSync(outside, join(root, 'results'))
    })
    expect(existsSync(join(outside, 'deep'))).toBe(false)
    expect(run.outputs['sarif-file']).toBe('')
  })
})

describe('a typo in an exception', () => {
  it.concurrent.each(['path: ["legacy/**"]', 'Paths: ["legacy/**"]', 'resources: {name: x}', 'paths: []'])('%s: the entry excepts nothing (not the rule everywhere), and is named', async (typo) => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT])],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      exceptions: { base: exceptionsFile(`rule: DF-USER-001\n    ${typo}\n    reason: legacy only\n    expires: 2099-01-01`) },
      inputs: { 'stale-copies': 'off' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(commands(run.stdout, 'warning').join('\n')).toContain('Exceptions file .github/hss-exceptions.yml: entry 1 (rule "DF-USER-001")')
  })
})

describe('each pull-request event', () => {
  const accepted = exceptionsFile('rule: DF-USER-001\n    reason: accepted by the pull request itself\n    expires: 2099-01-01')
  const pr = { number: 7, base: { sha: BASE }, head: { sha: HEAD }, changed_files: 1 }

  it.concurrent.each([
    ['pull_request_review', { pull_request: pr, review: { state: 'approved' } }],
    ['pull_request_review_comment', { pull_request: pr, comment: { body: 'lgtm' } }],
    ['merge_group', { merge_group: { base_sha: BASE, head_sha: HEAD, head_ref: 'gh-readonly-queue/main/pr-7' } }]
  ])('%s reads the exceptions from the base commit, never from the pull request\'s checkout', async (eventName, event) => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [USER_ROOT])],
      tree: { Dockerfile: `${PINNED}\nUSER root\n` },
      changed: [{ filename: 'Dockerfile', status: 'modified', patch: adds(2, 'USER root') }],
      exceptions: { head: accepted },
      eventName,
      event,
      inputs: { 'stale-copies': 'off' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.githubRequests.some((r) => r.path === '/repos/o/r/contents/.github/hss-exceptions.yml' && r.query.includes(`ref=${BASE}`))).toBe(true)
  })

  it.concurrent('merge_group checks the copies of every scanned file (no pull request lists its files), and judges every risk', async () => {
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [], { upload_file_time: Date.now() - HOUR })],
      tree: { Dockerfile: `${PINNED}\nUSER app\n` },
      eventName: 'merge_group',
      event: { merge_group: { base_sha: BASE, head_sha: HEAD } },
      inputs: { 'fail-on-risk-scope': 'changed-lines' }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('HSS scanned a copy of Dockerfile uploaded at')
    expect(run.stdout).toContain('A merge queue\'s group has no one pull request')
  })
})

describe('a refusal with soft-fail', () => {
  it.concurrent.each([
    ['ListIacFiles (the stale-copies check)', 'files' as const, { 'fail-on-risk': 'none' }],
    ['ListTaskResources (the stale-copies check)', 'resources' as const, { 'fail-on-risk': 'none' }],
    ['ListIacFileRiskPaths (where a YAML risk sits)', 'paths' as const, { 'fail-on-risk': 'high', 'stale-copies': 'off' }]
  ])('a 403 on %s fails the step as a permission error', async (_name, route, inputs) => {
    const yaml = route === 'paths'
    const run = await prGate({
      files: yaml ? [{ file_id: 'ky-1', file_name: 'k8s/app.yaml', file_type: 'k8s_yaml', risks: [{ risk_level: 'low', risk_name: 'x', rule_id: 'R', paths: [{ resource_type: 'Pod', resource_name: 'p', namespace: 'prod', hit_path: 'spec' }] }] }] : [copy('/builds/app/Dockerfile', [])],
      tree: yaml ? { 'k8s/app.yaml': 'kind: Pod\nmetadata: {name: p, namespace: prod}\nspec: {}\n' } : { Dockerfile: `${PINNED}\nUSER app\n` },
      changed: [{ filename: yaml ? 'k8s/app.yaml' : 'Dockerfile', status: 'modified', patch: adds(2) }],
      inputs: { 'soft-fail': 'true', ...inputs },
      setupSim: (sim) => sim.setStandingFault({ kind: 'error', status: 403, code: 'HSS.0013', message: 'insufficient permissions' }, route === 'resources' ? 'resources' : route)
    })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs.reason).toMatch(/HSS refused (ListIacFiles|ListTaskResources|ListIacFileRiskPaths) \(HTTP 403 HSS.0013\)/)
    expect(commands(run.stdout, 'error').at(-1)).toContain('a permission error, which soft-fail does not soften')
  })
})

describe('an odd time', () => {
  const tree = { Dockerfile: `${PINNED}\nUSER app\n` }
  const changed = [{ filename: 'Dockerfile', status: 'modified' as const, patch: adds(2) }]

  it.concurrent('an upload time in the year 3000 is unreadable: the copy counts as stale', async () => {
    const run = await prGate({ files: [copy('/builds/app/Dockerfile', [], { upload_file_time: Date.UTC(3000, 0, 1) })], tree, changed })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('HSS sent an upload time the gate cannot read')
  })

  it.concurrent('a copy fresh under cicd_scan but stale under manual_scan is stale: the older time rules', async () => {
    const old = Date.now() - HOUR
    const run = await prGate({
      files: [copy('/builds/app/Dockerfile', [])],
      tree,
      changed,
      sim: { answer: (route, query) => (route === 'files' && query.params.get('scan_type') === 'manual_scan' ? { total_num: 1, data_list: [{ file_id: 'df-1', file_name: '/builds/app/Dockerfile', upload_file_time: old }] } : undefined) }
    })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('HSS scanned a copy of Dockerfile uploaded at')
  })

  it.concurrent('without GITHUB_RUN_ID, stale-copies fail fails: no copy can be known fresh', async () => {
    const run = await prGate({ files: [copy('/builds/app/Dockerfile', [])], tree, changed, env: { GITHUB_RUN_ID: '' } })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.outputs.reason).toContain('no copy can be known fresh')
  })

  it.concurrent('a run_started_at GitHub garbles is unknown: the copies count as stale', async () => {
    const run = await prGate({ files: [copy('/builds/app/Dockerfile', [])], tree, changed, github: { run: { id: '777', started: 'yesterday-ish' } } })
    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    expect(run.stdout).toContain('GitHub did not say when this workflow run started')
  })
})

describe('a path with new lines', () => {
  it.concurrent('a folder whose name holds blank lines, a heading, a link and an image stays inside its code span, in the summary and the comment', async () => {
    // A name cannot hold a slash, so its link is a mailto: one.
    const folder = 'x\n\n# Approved by security\n\n[ok](mailto:evil@example.com) <img src=x>\n\n'
    const run = await prGate({
      files: [copy('Dockerfile', [USER_ROOT], { upload_file_time: Date.now() - HOUR })],
      tree: { [`${folder}/Dockerfile`]: `${PINNED}\nUSER root\n` },
      changed: [{ filename: `${folder}/Dockerfile`, status: 'modified', patch: adds(2, 'USER root') }],
      inputs: { 'comment-on-pr': 'true' }
    })
    // The path shows, in its code span, in the risks and in the stale copies.
    expect(risksOf(run.outputs)[0]?.path).toBe(`${folder}/Dockerfile`)
    expect(run.summary).toContain('`x # Approved by security [ok](mailto:evil@example.com) <img src=x> /Dockerfile')
    for (const markdown of [run.summary, run.comments[0]?.body ?? '']) {
      const html = marked.parse(markdown, { gfm: true, async: false })
      expect(html).not.toMatch(/<h1|<a href="mailto|<img/)
    }
    expect(run.comments).toHaveLength(1)
  })
})

describe('a 1 MB file with many risks', () => {
  it.concurrent('is parsed once: the run ends within its time-out, with the risks on their lines', async () => {
    const documents = Array.from({ length: 6000 }, (_, i) => [`apiVersion: v1`, 'kind: Pod', `metadata: {name: pod-${i}, namespace: prod}`, 'spec:', '  containers:', `    - name: c${i}`, '      image: img:1', '      securityContext:', '        privileged: true'].join('\n')).join('\n---\n')
    const risks = Array.from({ length: 20 }, (_, i) => ({ risk_level: 'high', risk_name: `risk ${i}`, rule_id: `R-${i}`, paths: [{ resource_type: 'Pod', namespace: 'prod', resource_name: `pod-${i * 300}`, hit_path: 'spec.containers[0].securityContext.privileged' }] }))
    const run = await prGate({
      files: [{ file_id: 'ky-big', file_name: 'k8s/big.yaml', file_type: 'k8s_yaml', risks }],
      tree: { 'k8s/big.yaml': `${documents}\n` },
      inputs: { 'stale-copies': 'off', timeout: '20s', 'poll-interval': '1s' }
    })
    expect(Buffer.byteLength(readFileSync(join(run.workspace, 'k8s/big.yaml')))).toBeGreaterThan(1_000_000)
    expect(run.outputs.result).toBe('failed')
    expect(risksOf(run.outputs).filter((r) => r.line !== undefined).length).toBeGreaterThan(0)
    // Within timeout (20 s) + 2 s by the contract; loose for a busy machine. Parsed once per risk, it took minutes.
    expect(run.elapsedMs).toBeLessThan(60_000)
  }, 180_000)
})

describe('a GitHub that never answers', () => {
  it.concurrent('holds the run no longer than its timeout: no call starts after the deadline, none outlives it', async () => {
    const run = await prGate({ files: [copy('/builds/app/Dockerfile', [])], tree: { Dockerfile: `${PINNED}\nUSER app\n` }, github: { hang: true }, inputs: { timeout: '5s' } })
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: GitHub did not answer as expected/)
    expect(run.sim.requests).toEqual([])
    // The exact bound is the GitHub client's unit test's; this one is loose, for a busy machine.
    expect(run.elapsedMs).toBeLessThan(30_000)
  })
})

describe('a refused connection', () => {
  async function closedPort(): Promise<number> {
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    return port
  }

  it.concurrent('ends with its own ending that names the endpoint, not "no task was found"', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`
    const run = await gate({}, { 'task-id': 't-1', endpoint, timeout: '8s' })
    expect(run.code).toBe(1)
    expect(run.outputs.result ?? '').toBe('')
    expect(run.summary).toMatch(/^## 📡 HSS scan gate: HSS could not be reached/)
    expect(run.summary).toContain(endpoint)
    expect(commands(run.stdout, 'error').at(-1)).toMatch(new RegExp(`^::error::${endpoint.replace(/[.:/]/g, '\\$&')} could not be reached \\(with no proxy\\): ListTasks: could not reach .*ECONNREFUSED`))
    expect(run.summary).not.toMatch(/not found|was found/)
  })

  it.concurrent('with create-task, never says that a scan may have started', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`
    const run = await gate({}, { 'create-task': 'true', 'file-type': 'dockerfile', 'file-ids': 'f-1', endpoint, timeout: '8s' })
    expect(run.code).toBe(1)
    expect(run.summary).toMatch(/^## 📡 HSS scan gate: HSS could not be reached/)
    expect(run.summary).not.toContain('may have been started')
    expect(run.summary).toContain('no scan was sent')
  })

  it.concurrent('names the proxy it went through (without its credentials)', async () => {
    const run = await gate({}, { 'task-id': 't-1', endpoint: 'https://hss.example.invalid', timeout: '5s' }, { env: { HTTPS_PROXY: 'http://user:secret-password-123@proxy.example.invalid:3128', NODE_USE_ENV_PROXY: '1' } })
    expect(commands(run.stdout, 'error').at(-1)).toContain('could not be reached (through the proxy http://proxy.example.invalid:3128)')
    expect(run.summary).toContain('Check the proxy `http://proxy.example.invalid:3128`')
    expect(`${run.stdout}${run.summary}`).not.toContain('secret-password')
  })
})
