/**
 * `upload-files`, end to end through dist/index.js against the simulator (which keeps only base
 * names, answers all or nothing, scans what it is sent by rules, and checks every signature): the
 * pull request's files reach HSS in the run, each finding lands on the path its file was sent from,
 * and every way HSS can refuse ends the step without a scan.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseAuthorization } from '../src/hss/signer.ts'
import { DEMO_SK, DEMO_AK } from '../simulator/server.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'
import { prGate } from '../__fixtures__/pull-request.ts'

const PINNED = 'FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
/** A Dockerfile the simulator's rules find nothing high in. */
const clean = (extra = '') => `${PINNED}\n${extra}USER app\nHEALTHCHECK CMD true\nCMD ["app"]\n`
/** The three services of the tests: two the pull request changes, one it leaves alone (with a risk that would fail it). */
const SERVICES = {
  'services/a/Dockerfile': `${PINNED}\nUSER root\nHEALTHCHECK CMD true\nCMD ["a"]\n`,
  'services/b/Dockerfile': `${PINNED}\nRUN curl -fsSL https://example.com/install.sh | sh\nUSER app\nHEALTHCHECK CMD true\nCMD ["b"]\n`,
  'services/c/Dockerfile': `${PINNED}\nUSER root\nHEALTHCHECK CMD true\nCMD ["c"]\n`,
  'README.md': '# services\n'
}
const changedAB = [
  { filename: 'services/a/Dockerfile', status: 'modified' as const, patch: '@@ -1,3 +1,4 @@\n FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n+USER root\n HEALTHCHECK CMD true\n CMD ["a"]' },
  { filename: 'services/b/Dockerfile', status: 'modified' as const, patch: '@@ -1,4 +1,5 @@\n FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n+RUN curl -fsSL https://example.com/install.sh | sh\n USER app\n HEALTHCHECK CMD true\n CMD ["b"]' }
]
const upload = (patterns: string, extra: Record<string, string> = {}) => ({ 'file-ids': '', 'upload-files': patterns, ...extra })

interface Entry {
  rule_id: string
  path?: string
  line?: number
  file_id: string
  scope: string
}
const risksOf = (outputs: Record<string, string>) => JSON.parse(outputs.risks ?? '[]') as Entry[]
const uploadedOf = (outputs: Record<string, string>) => JSON.parse(outputs['uploaded-files'] ?? '[]') as { path: string; file_id: string }[]

/** A checkout of these files (no pull request), for the runs that are not about scope. */
function checkoutOf(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'upload-checkout-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('upload-files on a pull request', () => {
  it.concurrent('changes 2 of 3 same-named Dockerfiles: exactly those 2 are uploaded, in separate requests, and each finding lands on its own path', async () => {
    const run = await prGate({ files: [], tree: SERVICES, changed: changedAB, inputs: upload('**/Dockerfile', { 'fail-on-risk-scope': 'changed-lines' }) })
    // HSS keeps only base names: the two files went in two requests, each named Dockerfile.
    expect(run.sim.uploads.map((u) => u.names)).toEqual([['Dockerfile'], ['Dockerfile']])
    const uploaded = uploadedOf(run.outputs)
    expect(uploaded.map((f) => f.path)).toEqual(['services/a/Dockerfile', 'services/b/Dockerfile'])
    expect(uploaded.map((f) => f.file_id)).toEqual(run.sim.uploads.flatMap((u) => u.ids))
    const created = run.sim.requests.find((r) => r.route === 'create')?.body as { iac_scan_info: { file_id_list: string[] } }
    expect(created.iac_scan_info.file_id_list).toEqual(uploaded.map((f) => f.file_id))

    expect([run.code, run.outputs.result]).toEqual([1, 'failed'])
    const risks = risksOf(run.outputs)
    expect(risks.find((r) => r.rule_id === 'DF-USER-001')).toMatchObject({ path: 'services/a/Dockerfile', line: 2, scope: 'changed', file_id: uploaded[0]?.file_id })
    expect(risks.find((r) => r.rule_id === 'DF-RUN-005')).toMatchObject({ path: 'services/b/Dockerfile', line: 2, scope: 'changed', file_id: uploaded[1]?.file_id })
    expect(risks.some((r) => r.path === 'services/c/Dockerfile')).toBe(false)
    expect(commands(run.stdout, 'error')[0]).toMatch(/^::error title=high IaC risk%3A .*,file=services\/a\/Dockerfile,line=2,endLine=2::/)

    // The summary says what was matched, left alone and uploaded; the log has a line per request.
    expect(run.summary).toContain('**upload-files**: **3** matched · **1** left alone (the pull request does not change them) · **2** uploaded in 2 requests.')
    expect(run.stdout).toContain('Uploaded 1 dockerfile file to HSS (request 1 of 2): services/a/Dockerfile')
    expect(run.stdout).toContain('Uploaded 1 dockerfile file to HSS (request 2 of 2): services/b/Dockerfile')
    // Uploaded copies are fresh by construction: no stale-copy check, so no actions: read is needed.
    expect(run.githubRequests.some((r) => r.path.includes('/actions/runs/'))).toBe(false)
    expect(run.summary).not.toContain('### Copies HSS scanned')
    // ListIacFiles is read only for the files' summaries: the project holds few copies, so one page of it.
    const summaries = run.sim.requests.filter((r) => r.route === 'files')
    expect(summaries.map((r) => r.query.file_id)).toEqual([undefined])
  })

  it.concurrent('changes none of the matched files: passes without uploading or scanning, and says why', async () => {
    const run = await prGate({ files: [], tree: SERVICES, changed: [{ filename: 'README.md', status: 'modified', patch: '@@ -1 +1 @@\n-# x\n+# services' }], inputs: upload('**/Dockerfile', { 'fail-on-risk-scope': 'changed-files', 'min-scanned': '5' }) })
    expect([run.code, run.outputs.result, run.outputs.reason]).toEqual([0, 'passed', ''])
    expect(run.sim.requests).toEqual([])
    expect(run.outputs['uploaded-files']).toBe('[]')
    const why = 'The pull request changes none of the 3 dockerfile files upload-files matches, so none can break the gate (fail-on-risk-scope changed-files): nothing was uploaded or scanned'
    expect(run.stdout).toContain(why)
    expect(run.summary).toMatch(/^## ✅ HSS scan gate passed\n\n> The pull request changes none of the 3 dockerfile files upload-files matches/)
    expect(run.summary).toContain('**3** matched · **3** left alone')
  })

  it.concurrent('with fail-on-risk-scope all, every matched file is uploaded, changed or not', async () => {
    const run = await prGate({ files: [], tree: SERVICES, changed: changedAB, inputs: upload('services/*/Dockerfile') })
    expect(uploadedOf(run.outputs).map((f) => f.path)).toEqual(['services/a/Dockerfile', 'services/b/Dockerfile', 'services/c/Dockerfile'])
    expect(run.sim.uploads).toHaveLength(3)
  })

  it.concurrent('a checkout in a sub-folder (actions/checkout path:) uploads by repository path', async () => {
    const run = await prGate({ files: [], tree: SERVICES, checkoutPath: 'src', changed: changedAB, inputs: upload('services/a/Dockerfile', { 'fail-on-risk-scope': 'changed-files' }) })
    expect(uploadedOf(run.outputs).map((f) => f.path)).toEqual(['services/a/Dockerfile'])
    expect(risksOf(run.outputs).find((r) => r.rule_id === 'DF-USER-001')).toMatchObject({ path: 'services/a/Dockerfile', scope: 'changed' })
  })
})

describe('upload-files: requests', () => {
  it.concurrent('23 files with distinct names go in 3 requests of at most 10, within the upload budget (no 429)', async () => {
    const files = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`docker/svc-${String(i + 1).padStart(2, '0')}.Dockerfile`, clean()]))
    const run = await gate({ createdTiming: { readyMs: 0, finishMs: 100 }, rateLimit: { limit: 1000, windowMs: 60_000, routes: { upload: { limit: 5, windowMs: 60_000 } } } }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('docker/*.Dockerfile') }, { env: { GITHUB_WORKSPACE: checkoutOf(files) } })
    expect(run.sim.uploads.map((u) => u.names.length)).toEqual([10, 10, 3])
    expect(run.sim.requests.filter((r) => r.status === 429)).toEqual([])
    expect(uploadedOf(run.outputs)).toHaveLength(23)
    expect(run.outputs.scanned).toBe('23')
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
  })

  it.concurrent('a 503 is tried again: an upload makes copies, not scans', async () => {
    const run = await gate({ createdTiming: { readyMs: 0, finishMs: 100 } }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile') }, {
      env: { GITHUB_WORKSPACE: checkoutOf({ Dockerfile: clean() }) },
      setup: (sim) => sim.queueFault({ kind: 'status', status: 503, body: 'Service Unavailable' }, 'upload')
    })
    expect(run.sim.requests.filter((r) => r.route === 'upload').map((r) => r.status)).toEqual([503, 200])
    expect([run.code, run.outputs.result]).toEqual([0, 'passed'])
    expect(run.stdout).toMatch(/Transient failure: BatchUploadFiles: HTTP 503/)
  })

  it.concurrent('signs as the SDKs do: X-Sdk-Content-Sha256 UNSIGNED-PAYLOAD signed, the multipart Content-Type not', async () => {
    const run = await gate({ createdTiming: { readyMs: 0, finishMs: 100 } }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile') }, { env: { GITHUB_WORKSPACE: checkoutOf({ Dockerfile: clean() }) } })
    const sent = run.sim.requests.find((r) => r.route === 'upload')
    expect(sent?.status).toBe(200)
    expect(sent?.headers['x-sdk-content-sha256']).toBe('UNSIGNED-PAYLOAD')
    expect(String(sent?.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/)
    const signed = parseAuthorization(String(sent?.headers.authorization ?? ''))?.signedHeaders ?? []
    expect(signed).toEqual(expect.arrayContaining(['host', 'x-sdk-date', 'x-project-id', 'x-sdk-content-sha256']))
    expect(signed).not.toContain('content-type')
    expect(sent?.user).toBe(`ak:${DEMO_AK}`)
  })

  it.concurrent('signs with a temporary credential (a signed security token), and sends a token as it is', async () => {
    const workspace = checkoutOf({ Dockerfile: clean() })
    const token = 'temporary-security-token-0123456789'
    const temporary = await gate({ createdTiming: { readyMs: 0, finishMs: 100 }, credentials: [{ accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK, securityToken: token }] }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile'), 'security-token': token }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(temporary.sim.requests.find((r) => r.route === 'upload')?.status).toBe(200)
    const iam = await gate({ createdTiming: { readyMs: 0, finishMs: 100 }, tokens: ['iam-token-abcdefghijkl'] }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile'), 'auth-token': 'iam-token-abcdefghijkl' }, { env: { GITHUB_WORKSPACE: workspace, HUAWEI_CLOUD_ACCESS_KEY_ID: '', HUAWEI_CLOUD_SECRET_ACCESS_KEY: '' } })
    const sent = iam.sim.requests.find((r) => r.route === 'upload')
    expect([sent?.status, sent?.headers['x-sdk-content-sha256']]).toEqual([200, undefined])
  })
})

describe('upload-files: HSS does not take the files', () => {
  it.concurrent('a refused file: HSS keeps none of its request, the step fails even with soft-fail, naming the file and the reason; no scan starts', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`docker/svc-${String(i + 1).padStart(2, '0')}.Dockerfile`, clean()]))
    const run = await gate({ upload: { refuse: (name) => (name === 'svc-11.Dockerfile' ? 'The file contains an unsupported instruction' : undefined) } }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('docker/*.Dockerfile'), 'soft-fail': 'true' }, { env: { GITHUB_WORKSPACE: checkoutOf(files) } })
    expect(run.code).toBe(1)
    expect(run.sim.requests.some((r) => r.route === 'create')).toBe(false)
    expect(run.sim.uploads.map((u) => u.kept)).toEqual([true, false])
    const error = commands(run.stdout, 'error').at(-1) ?? ''
    expect(error).toContain('HSS refused a file of the upload (request 2 of 2), and so kept none of its 2 files: docker/svc-11.Dockerfile: The file contains an unsupported instruction. No scan was started')
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: HSS did not take the files/)
    expect(run.summary).toContain('Fix the files HSS refused')
    // The first request's copies were kept: they are said.
    expect(uploadedOf(run.outputs)).toHaveLength(10)
  })

  it.concurrent('a 404 (APIGW.0101, the API is not there): the step fails, says HSS did not take the files, and names the other ways in', async () => {
    const run = await gate({ upload: { available: false } }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile'), 'soft-fail': 'true' }, { env: { GITHUB_WORKSPACE: checkoutOf({ Dockerfile: clean() }) } })
    expect(run.code).toBe(1)
    expect(run.sim.requests.map((r) => r.route)).toEqual(['upload'])
    expect(commands(run.stdout, 'error').at(-1)).toContain('HSS did not take the files: BatchUploadFiles: HTTP 404 APIGW.0101')
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: HSS did not take the files/)
    expect(run.summary).toContain('HSS stopped publishing BatchUploadFiles after SDK 3.1.161')
    expect(run.summary).toContain('HSS console')
    expect(run.summary).toContain('`file-ids`')
    expect(run.outputs['uploaded-files']).toBe('[]')
  })

  it.concurrent('an answer that does not give one id per file sent is unreadable: no scan starts', async () => {
    const run = await gate({ answer: (route, _q, standard) => (route === 'upload' ? { ...standard, success_file_info: [] } : undefined) }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile') }, { env: { GITHUB_WORKSPACE: checkoutOf({ Dockerfile: clean() }) } })
    expect(run.code).toBe(1)
    expect(run.sim.requests.some((r) => r.route === 'create')).toBe(false)
    expect(commands(run.stdout, 'error').at(-1)).toContain("HSS's answer to the upload cannot be read: it gives no id for 1 of the 1 files sent (Dockerfile)")
  })

  it.concurrent.each([
    ['an id that is not one', { file_name: 'Dockerfile', file_id: '../../x' }, 'the file_id of Dockerfile is not an id'],
    ['a file that was not sent', { file_name: 'other', file_id: 'f-1' }, 'it names a file that was not sent ("other")']
  ])('an answer with %s is unreadable', async (_name, row, why) => {
    const run = await gate({ answer: (route) => (route === 'upload' ? { success_file_info: [row], fail_file_info: null } : undefined) }, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('Dockerfile') }, { env: { GITHUB_WORKSPACE: checkoutOf({ Dockerfile: clean() }) } })
    expect(run.code).toBe(1)
    expect(commands(run.stdout, 'error').at(-1)).toContain(why)
  })
})

describe('upload-files: what needs no request is checked before any', () => {
  it.concurrent('a file over 1 MB is a configuration error that names it', async () => {
    const big = `${PINNED}\n# ${'x'.repeat(1024 * 1024)}\n`
    const run = await gate({}, { 'create-task': 'true', 'file-type': 'dockerfile', ...upload('**/Dockerfile') }, { env: { GITHUB_WORKSPACE: checkoutOf({ 'a/Dockerfile': clean(), 'big/Dockerfile': big }) } })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toEqual([])
    expect(commands(run.stdout, 'error')).toEqual([`::error::Input \`upload-files\` names a file larger than HSS takes (1 MB, 1,048,576 bytes): big/Dockerfile (${Buffer.byteLength(big).toLocaleString('en-US')} bytes). Exclude it with a pattern that starts with !.`])
    expect(run.summary).toMatch(/^## ⛔ HSS scan gate: configuration error/)
  })

  it.concurrent('patterns that match nothing are a configuration error that names them', async () => {
    const run = await gate({}, { 'create-task': 'true', 'file-type': 'k8s_yaml', ...upload('k8s/**/*.yaml\ncharts/*.yml') }, { env: { GITHUB_WORKSPACE: checkoutOf({ 'k8s/app.yaml': 'kind: Pod\n' }) } })
    expect(run.code).toBe(1)
    expect(run.sim.requests).toEqual([])
    expect(commands(run.stdout, 'error')).toEqual([expect.stringContaining('Input `upload-files` has a pattern that matches nothing in the checkout: "charts/*.yml"')])
  })

  it.concurrent('a directory, a link that leads out and an empty file are not uploaded, and are named in a warning', async () => {
    const workspace = checkoutOf({ 'k8s/app.yaml': 'kind: Pod\nmetadata: {name: a}\n', 'k8s/empty.yaml': '', 'k8s/dir.yaml/x': 'x' })
    const outside = checkoutOf({ 'secret.yaml': 'kind: Secret\n' })
    const { symlinkSync } = await import('node:fs')
    symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'k8s/link.yaml'))
    const run = await gate({ createdTiming: { readyMs: 0, finishMs: 100 } }, { 'create-task': 'true', 'file-type': 'k8s_yaml', ...upload('k8s/*.yaml') }, { env: { GITHUB_WORKSPACE: workspace } })
    expect(uploadedOf(run.outputs).map((f) => f.path)).toEqual(['k8s/app.yaml'])
    const warnings = commands(run.stdout, 'warning').join('\n')
    expect(warnings).toContain('upload-files: k8s/dir.yaml is not uploaded: it is a directory.')
    expect(warnings).toContain('upload-files: k8s/empty.yaml is not uploaded: it is empty.')
    expect(warnings).toContain('upload-files: k8s/link.yaml is not uploaded: it is a link that leads out of the checkout.')
    expect(run.sim.uploads.flatMap((u) => u.names)).toEqual(['app.yaml'])
  })
})
