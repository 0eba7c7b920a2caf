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
    expect(all.some((w) => w.includes('huaweicloud/auth-action') && w.includes('pull_request'))).toBe(true)
    expect(all.some((w) => w.includes('"auth-token"'))).toBe(true)
    expect(all.some((w) => w.includes('"cluster_scan"') && w.includes('"schedule"'))).toBe(true)
    expect(all.some((w) => w.includes('"soft-fail":true'))).toBe(true)
    expect(all.some((w) => w.includes('"matrix"') && w.includes('poll-interval'))).toBe(true)
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
