/** Every example and workflow is valid YAML, and uses the action only with inputs action.yml declares. */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT, readActionYaml } from '../simulator/run-action.ts'

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
}
interface Workflow {
  on: unknown
  permissions?: Record<string, string>
  jobs: Record<string, { steps: Step[] }>
}

const declared = Object.keys(readActionYaml().inputs)
const files = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.yml')).map((f) => join(dir, f))
const examples = files('examples')
const workflows = files('.github/workflows')
const isThisAction = (uses: string) => uses === './' || uses.startsWith('OWNER/hss-scan-gate@')

const load = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8')) as Workflow
const stepsOf = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps)

describe.each([...examples, ...workflows])('%s', (file) => {
  const workflow = load(file)

  it('uses the action only with inputs action.yml declares', () => {
    for (const step of stepsOf(workflow).filter((s) => s.uses && isThisAction(s.uses))) {
      expect(declared).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})))
    }
  })

  it('declares least-privilege permissions', () => {
    expect(workflow.permissions?.contents).toBe('read')
  })
})

describe('the examples', () => {
  it.each(examples)('%s is a workflow that uses the action, or the workflow_run companion of one that does', (file) => {
    const workflow = load(file)
    const companionOf = (workflow.on as { workflow_run?: { workflows?: string[] } }).workflow_run?.workflows ?? []
    const named = examples.map(load).filter((w) => companionOf.includes((w as Workflow & { name?: string }).name ?? ''))
    const usesAction = (w: Workflow) => stepsOf(w).some((s) => s.uses && isThisAction(s.uses))
    expect(usesAction(workflow) || (named.length > 0 && named.every(usesAction))).toBe(true)
  })

  it('show the fork-safe split: the gate on pull_request, the comment on workflow_run, without the fork\'s code', () => {
    const comment = load('examples/pr-gate-comment.yml')
    expect(Object.keys(comment.on as object)).toEqual(['workflow_run'])
    expect(stepsOf(comment).some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false)
    expect(Object.keys(load('examples/pr-gate-forks.yml').on as object)).toEqual(['pull_request'])
  })

  describe('the comment companion trusts no pull-request number the fork chose', () => {
    const script = stepsOf(load('examples/pr-gate-comment.yml')).find((s) => s.run?.includes('gh pr comment'))?.run ?? ''
    const headOf = { '7': 'a'.repeat(40), '8': 'b'.repeat(40) }

    /** Runs the step's script with a stand-in `gh` that knows each pull request's head and records comments. */
    function comment(prNumber: string, headSha: string): { code: number | null; commented: string } {
      const dir = mkdtempSync(join(tmpdir(), 'comment-'))
      mkdirSync(join(dir, 'verdict'))
      mkdirSync(join(dir, 'bin'))
      writeFileSync(join(dir, 'verdict/pr-number'), prNumber)
      writeFileSync(join(dir, 'verdict/result'), 'failed')
      writeFileSync(join(dir, 'verdict/reason'), '1 file failed to scan')
      const gh = [
        '#!/usr/bin/env bash',
        `case "$1 $2" in`,
        `  "pr view") case "$3" in ${Object.entries(headOf).map(([n, sha]) => `${n}) echo ${sha} ;;`).join(' ')} *) echo "" ;; esac ;;`,
        `  "pr comment") echo "$3" >> "${join(dir, 'commented')}" ;;`,
        'esac'
      ].join('\n')
      writeFileSync(join(dir, 'bin/gh'), gh, { mode: 0o755 })
      const run = spawnSync('bash', ['-e', '-c', script], { cwd: dir, env: { PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`, REPO: 'o/r', RUN_URL: 'https://x', HEAD_SHA: headSha, GH_TOKEN: 't' } })
      const commented = existsSync(join(dir, 'commented')) ? readFileSync(join(dir, 'commented'), 'utf8').trim() : ''
      return { code: run.status, commented }
    }

    it('comments on the pull request whose head is the commit the gate ran on', () => {
      expect(comment('7', headOf['7'])).toEqual({ code: 0, commented: '7' })
    })

    it.each([
      ['another pull request', '8'],
      ['a pull request that does not exist', '9']
    ])('refuses %s, named by the artifact', (_name, pr) => {
      expect(comment(pr, headOf['7'])).toEqual({ code: 1, commented: '' })
    })

    it('refuses a number that is not one', () => {
      expect(comment('7; rm -rf /', headOf['7']).commented).toBe('')
    })
  })

  it('cover a PR gate, token auth, a scheduled cluster scan, soft-fail and a shared-credential matrix', () => {
    const all = examples.map((file) => JSON.stringify(load(file)))
    expect(all.some((w) => w.includes('"fail-on-risk-scope":"changed-lines"') && w.includes('pull_request'))).toBe(true)
    expect(all.some((w) => w.includes('"auth-token"'))).toBe(true)
    expect(all.some((w) => w.includes('"cluster_scan"') && w.includes('"schedule"'))).toBe(true)
    expect(all.some((w) => w.includes('"soft-fail":true'))).toBe(true)
    expect(all.some((w) => w.includes('"matrix"') && w.includes('poll-interval'))).toBe(true)
  })

  it('never store an IAM token (it lasts 24 hours), and never depend on huaweicloud/auth-action (no v1 tag resolves)', () => {
    for (const file of examples) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      expect({ file, token: /secrets\.[A-Z_]*TOKEN/.test(text) }).toEqual({ file, token: false })
      expect(text).not.toContain('huaweicloud/auth-action')
    }
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toContain('huaweicloud/auth-action@')
  })

  it('include a pull-request gate that starts the scan and fails on high risks, and a nightly cluster scan that starts its own', () => {
    const withs = examples.map((file) => ({ on: JSON.stringify(load(file).on), steps: stepsOf(load(file)).filter((s) => s.uses && isThisAction(s.uses)).map((s) => s.with ?? {}) }))
    expect(withs.some((w) => w.on.includes('pull_request') && w.steps.some((s) => s['create-task'] === true && s['fail-on-risk'] === 'high'))).toBe(true)
    expect(withs.some((w) => w.on.includes('schedule') && w.steps.some((s) => s['create-task'] === true && s['task-type'] === 'cluster_scan'))).toBe(true)
  })

  it.each(examples)('%s runs no script that does not exist', (file) => {
    for (const step of stepsOf(load(file))) {
      for (const script of (step.run ?? '').match(/\.\/[\w./-]+/g) ?? []) expect(existsSync(join(ROOT, script))).toBe(true)
    }
  })
})

/**
 * What the job's token needs, from the inputs a step sets and the events the workflow runs on: the
 * README's Prerequisites table as data. `write` covers `read`.
 */
type Grants = Record<string, 'read' | 'write'>
type Job = { permissions?: Grants; steps: (Step & { env?: Record<string, string> })[] }
function needs(workflow: Workflow, job: Job): Grants {
  const on = typeof workflow.on === 'string' ? [workflow.on] : Array.isArray(workflow.on) ? (workflow.on as string[]) : Object.keys(workflow.on as object)
  const pr = on.some((event) => event.startsWith('pull_request'))
  const grants: Grants = {}
  const grant = (scope: string, level: 'read' | 'write') => {
    if (grants[scope] !== 'write') grants[scope] = level
  }
  for (const step of job.steps) {
    const w = step.with ?? {}
    const text = (key: string, fallback: string) => String(w[key] ?? readActionYaml().inputs[key]?.default ?? fallback)
    if (step.uses?.startsWith('actions/checkout@')) grant('contents', 'read')
    if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) grant('security-events', 'write')
    if (step.uses?.startsWith('actions/download-artifact@') && w['run-id']) grant('actions', 'read')
    if (step.run?.includes('gh pr comment')) grant('pull-requests', 'write')
    if (!step.uses || !isThisAction(step.uses)) continue
    grant('contents', 'read')
    const iac = text('task-type', 'iac_scan') === 'iac_scan'
    if (!pr || !iac) continue
    const readsRisks = text('fail-on-risk', 'none') !== 'none' || Boolean(w['sarif-file'])
    const uploads = Boolean(w['upload-files'])
    // The changed files: the scope of the risks, and which matched files to upload.
    if (text('fail-on-risk-scope', 'all') !== 'all' && (readsRisks || uploads)) grant('pull-requests', 'read')
    // Stale copies: of files given by id, or in a task found; copies this run uploads are fresh.
    const onlyUploads = String(w['create-task']) === 'true' && !w['file-ids']
    if (text('stale-copies', 'fail') !== 'off' && !onlyUploads) {
      grant('pull-requests', 'read')
      grant('actions', 'read')
    }
    if (String(w['comment-on-pr']) === 'true') grant('pull-requests', 'write')
  }
  return grants
}

describe('each example\'s permissions are exactly what its inputs need', () => {
  // The table: what each example grants. The test below derives the same from its inputs.
  const GRANTED: Record<string, Grants> = {
    'examples/pr-gate.yml': { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' },
    'examples/pr-gate-forks.yml': { contents: 'read', 'pull-requests': 'read' },
    'examples/pr-gate-comment.yml': { actions: 'read', 'pull-requests': 'write' },
    'examples/matrix-shared-credential.yml': { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' },
    'examples/sarif-code-scanning.yml': { contents: 'read', 'security-events': 'write' },
    'examples/soft-fail-report.yml': { contents: 'read', 'pull-requests': 'write', 'security-events': 'write' },
    'examples/token-auth.yml': { contents: 'read' },
    'examples/cluster-scan-schedule.yml': { contents: 'read' }
  }

  it('lists every example', () => {
    expect(Object.keys(GRANTED).sort()).toEqual([...examples].sort())
  })

  it.each(examples)('%s grants what the table says, and that is what its inputs need: no less, no more', (file) => {
    const workflow = load(file)
    for (const job of Object.values(workflow.jobs) as Job[]) {
      const granted = job.permissions ?? workflow.permissions ?? {}
      expect({ file, granted }).toEqual({ file, granted: GRANTED[file] })
      expect({ file, needed: needs(workflow, job) }).toEqual({ file, needed: granted })
    }
  })

  it('the rule sees what the old fork example lacked: stale copies of ids from a variable need pull-requests and actions', () => {
    const old = { on: { pull_request: null }, jobs: {} } as unknown as Workflow
    const job: Job = { steps: [{ uses: 'OWNER/hss-scan-gate@v1', with: { 'create-task': true, 'file-type': 'dockerfile', 'file-ids': '${{ vars.IDS }}', 'fail-on-risk': 'high' } }] }
    expect(needs(old, job)).toEqual({ contents: 'read', 'pull-requests': 'read', actions: 'read' })
  })
})

/**
 * Every action the README and the examples use, the refs their docs say exist, and the inputs they
 * declare (from each action's action.yml at that ref). This action: the moving major tag `v1`
 * (RELEASING.md), or a release's commit; its inputs come from action.yml.
 */
const KNOWN_ACTIONS: Record<string, { refs: Record<string, string>; inputs: string[] }> = {
  'actions/checkout': {
    refs: { '11bd71901bbe5b1630ceea73d27597364c9af683': 'v4.2.2' },
    inputs: ['repository', 'ref', 'token', 'ssh-key', 'ssh-known-hosts', 'ssh-strict', 'ssh-user', 'persist-credentials', 'path', 'clean', 'filter', 'sparse-checkout', 'sparse-checkout-cone-mode', 'fetch-depth', 'fetch-tags', 'show-progress', 'lfs', 'submodules', 'set-safe-directory', 'github-server-url']
  },
  'actions/upload-artifact': { refs: { ea165f8d65b6e75b540449e92b4886f43607fa02: 'v4.6.2' }, inputs: ['name', 'path', 'if-no-files-found', 'retention-days', 'compression-level', 'overwrite', 'include-hidden-files'] },
  'actions/download-artifact': { refs: { d3f86a106a0bac45b974a628896c90dbdf5c8093: 'v4.3.0' }, inputs: ['name', 'path', 'pattern', 'merge-multiple', 'github-token', 'repository', 'run-id'] },
  'github/codeql-action/upload-sarif': { refs: { '181d5eefc20863364f96762470ba6f862bdef56b': 'v3.29.2' }, inputs: ['sarif_file', 'checkout_path', 'ref', 'sha', 'token', 'matrix', 'category', 'wait-for-processing'] }
}

/** `uses:` lines of a YAML text, with the comment that names the version. */
function usesIn(text: string): { action: string; ref: string; comment: string; with: Record<string, unknown> }[] {
  const found: { action: string; ref: string; comment: string; with: Record<string, unknown> }[] = []
  const docs = text.includes('\n```yaml') ? [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '') : [text]
  for (const doc of docs) {
    const lines = doc.split('\n')
    lines.forEach((line, i) => {
      const m = /^\s*(?:- )?uses: ([^@\s]+)@([^\s#]+)(?:\s*#\s*(.*))?$/.exec(line)
      if (!m) return
      // The step's with: block, read from the indented lines that follow.
      const indent = (/^(\s*)/.exec(line)?.[1] ?? '').length + (line.trimStart().startsWith('- ') ? 2 : 0)
      const block: string[] = []
      for (let j = i + 1; j < lines.length && ((/^(\s*)/.exec(lines[j] ?? '')?.[1] ?? '').length >= indent || (lines[j] ?? '').trim() === ''); j++) {
        if ((lines[j] ?? '').trimStart().startsWith('- ') && (/^(\s*)/.exec(lines[j] ?? '')?.[1] ?? '').length <= indent - 2) break
        block.push((lines[j] ?? '').slice(indent))
      }
      const step = parse(block.join('\n') || '{}') as { with?: Record<string, unknown> } | null
      found.push({ action: m[1] ?? '', ref: m[2] ?? '', comment: (m[3] ?? '').trim(), with: step?.with ?? {} })
    })
  }
  return found
}

describe('every uses: in the README and the examples', () => {
  const sources = ['README.md', ...examples]
  const all = sources.flatMap((file) => usesIn(readFileSync(join(ROOT, file), 'utf8')).map((use) => ({ file, ...use })))

  it('finds them (the README\'s and each example\'s)', () => {
    expect(new Set(all.map((u) => u.file))).toEqual(new Set(sources))
  })

  it.each(all.map((u) => [`${u.file}: ${u.action}@${u.ref}`, u] as const))('%s names a ref that exists, with inputs the action declares', (_name, use) => {
    if (use.action === 'OWNER/hss-scan-gate') {
      expect(use.ref === 'v1' || /^[0-9a-f]{40}$/.test(use.ref)).toBe(true)
      expect(declared).toEqual(expect.arrayContaining(Object.keys(use.with)))
      return
    }
    const known = KNOWN_ACTIONS[use.action]
    expect(known).toBeDefined()
    expect(Object.keys(known?.refs ?? {})).toContain(use.ref)
    expect(use.comment).toBe(known?.refs[use.ref])
    expect(known?.inputs).toEqual(expect.arrayContaining(Object.keys(use.with)))
  })

  it('the check sees an unknown action, a tag nobody published, and an input the action lacks', () => {
    const bad = usesIn('steps:\n  - uses: huaweicloud/auth-action@v1\n    with:\n      access_key: x\n  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n    with:\n      persist-credential: false\n')
    expect(KNOWN_ACTIONS[bad[0]?.action ?? '']).toBeUndefined()
    expect(KNOWN_ACTIONS['actions/checkout']?.inputs).not.toEqual(expect.arrayContaining(Object.keys(bad[1]?.with ?? {})))
  })
})

describe('the README\'s quick start', () => {
  type Job = { if?: string; permissions?: Record<string, string>; steps: (Step & { id?: string; name?: string; if?: string; env?: Record<string, string> })[] }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const block = /## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? ''
  const quick = parse(block) as Workflow & { jobs: Record<string, Job> }
  const selfTest = parse(readFileSync(join(ROOT, '.github/workflows/self-test.yml'), 'utf8')) as { jobs: Record<string, Job> }

  it('is a pull-request workflow, with least privilege', () => {
    expect(Object.keys(quick.on as object)).toEqual(['pull_request'])
    expect(quick.permissions).toEqual({ contents: 'read' })
  })

  it('is one step after the checkout: the gate uploads the files itself', () => {
    const [readmeJob] = Object.values(quick.jobs)
    expect(readmeJob?.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/checkout', 'OWNER/hss-scan-gate'])
    expect(readmeJob?.steps[1]?.with?.['upload-files']).toBeTruthy()
    expect(readmeJob?.steps[1]?.with?.['file-ids']).toBeUndefined()
  })

  it('runs as written in the self-test, but for the endpoint and the credentials', () => {
    const [readmeJob] = Object.values(quick.jobs)
    const job = selfTest.jobs['quick-start']
    if (!readmeJob || !job) throw new Error('no quick-start job')
    expect(job.if).toBe("github.event_name == 'pull_request'")
    expect(job.permissions).toEqual(readmeJob.permissions)
    // The self-test's own set-up (node, npm ci, the simulator) follows the checkout.
    const steps = job.steps.filter((s) => !s.uses?.startsWith('actions/setup-node') && s.run !== 'npm ci' && s.name !== 'Start the HSS simulator')
    const [checkout, gate, check] = steps
    const [readmeCheckout, readmeGate] = readmeJob.steps
    expect(checkout).toEqual(readmeCheckout)
    expect(gate?.uses).toBe('./')
    expect(readmeGate?.uses).toBe('OWNER/hss-scan-gate@v1')
    const substituted = ['region', 'access-key-id', 'secret-access-key']
    const local = ['endpoint', 'poll-interval', 'timeout']
    const kept = (w: Record<string, unknown> = {}) => Object.fromEntries(Object.entries(w).filter(([k]) => !substituted.includes(k) && !local.includes(k)))
    expect(kept(gate?.with)).toEqual(kept(readmeGate?.with))
    expect(Object.keys(gate?.with ?? {}).filter((k) => !(k in (readmeGate?.with ?? {})))).toEqual(local)
    expect(check?.env?.UPLOADED).toBe('${{ steps.gate.outputs.uploaded-files }}')
  })
})

describe('the project workflows', () => {
  it.each(workflows)('%s pins third-party actions by commit SHA', (file) => {
    for (const step of stepsOf(load(file))) {
      if (!step.uses || step.uses === './') continue
      expect(step.uses).toMatch(/@[0-9a-f]{40}$/)
    }
  })

  it('run the action itself in the self-test', () => {
    expect(stepsOf(load('.github/workflows/self-test.yml')).filter((s) => s.uses === './').length).toBeGreaterThanOrEqual(3)
  })

  it('are CI, check-dist, CodeQL, lint and a self-test', () => {
    expect(workflows.map((f) => f.split('/').pop()).sort()).toEqual(['check-dist.yml', 'ci.yml', 'codeql.yml', 'lint.yml', 'self-test.yml'])
  })

  it.each([...workflows, ...examples])('%s checks out without keeping the token in the git config', (file) => {
    for (const step of stepsOf(load(file)).filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false)
  })

  it('dependabot watches npm and GitHub Actions', () => {
    const config = parse(readFileSync(join(ROOT, '.github/dependabot.yml'), 'utf8')) as { updates: { 'package-ecosystem': string }[] }
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm'])
  })
})
