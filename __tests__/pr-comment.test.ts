/** The sticky pull-request comment, end to end against a fake of GitHub's REST API (GITHUB_API_URL). */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../simulator/github.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { commands, gate } from '../__fixtures__/e2e.ts'

const TOKEN = 'ghs_fake_installation_token_123'
let github: FakeGitHub

function prEnv(event = 'pull_request', fork = false): Record<string, string> {
  const eventPath = join(mkdtempSync(join(tmpdir(), 'event-')), 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: 'b'.repeat(40) }, head: { sha: 'c'.repeat(40), repo: { fork } } }, repository: { name: 'r', owner: { login: 'o' } } }))
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'o/r',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_WORKFLOW: 'PR gate',
    GITHUB_JOB: 'iac',
    GITHUB_RUN_ID: '4242'
  }
}

const failing = () => [{ task: iacTask('t-1', 'iac-pr-7', { scanned: 4, succeeded: 2, failed: 2 }), resources: failedFiles(2) }]
// These runs are about the comment: the stale-copy check (stale.test.ts) is off.
const inputs = { 'task-id': 't-1', 'comment-on-pr': 'true', 'github-token': TOKEN, 'stale-copies': 'off' }

beforeEach(async () => {
  github = await startFakeGitHub({ token: TOKEN, existing: ['an unrelated comment'] })
})
afterEach(() => github.close())

describe('comment-on-pr', () => {
  it('creates one short comment with the verdict, the leg and the reasons, links the run, and sets comment-url', async () => {
    const run = await gate({ tasks: failing() }, inputs, { env: prEnv() })
    expect(run.code).toBe(1)
    expect(github.comments).toHaveLength(2)
    const mine = github.comments[1]
    expect(mine?.body).toMatch(/^<!-- hss-scan-gate workflow="PR gate" job="iac" matrix="" -->\n### ❌ HSS scan gate failed — `PR gate` \/ `iac`\n/)
    expect(mine?.body).toContain('> 2 files failed to scan, more than max-failed 0')
    expect(mine?.body).toContain('[The run\'s full summary](https://github.example/o/r/actions/runs/4242)')
    expect(mine?.body.split('\n').length).toBeLessThan(60)
    expect(run.outputs['comment-url']).toBe(mine?.html_url)
    expect(github.requests.every((r) => r.auth === `token ${TOKEN}`)).toBe(true)
  })

  it('updates its own comment in place on a re-run', async () => {
    await gate({ tasks: failing() }, inputs, { env: prEnv() })
    const first = github.comments[1]
    const passing = [{ task: iacTask('t-1', 'iac-pr-7', { scanned: 4, succeeded: 4, failed: 0 }) }]
    const run = await gate({ tasks: passing }, inputs, { env: prEnv('pull_request_target') })
    expect(run.code).toBe(0)
    expect(github.comments).toHaveLength(2)
    expect(github.comments[1]?.id).toBe(first?.id)
    expect(github.comments[1]?.body).toMatch(/## ✅ HSS scan gate passed/)
    expect(run.stdout).toContain('Updated the pull-request comment')
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })

  it('keeps one comment per gate when every run starts a new scan (create-task), and one per matrix leg', async () => {
    const files = [{ file_id: 'f-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const }]
    const create = { 'comment-on-pr': 'true', 'github-token': TOKEN, 'stale-copies': 'off', 'create-task': 'true', 'file-ids': 'f-1', 'file-type': 'dockerfile' }
    const first = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, create, { env: prEnv() })
    const second = await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, create, { env: prEnv() })
    expect(first.outputs['task-id']).not.toBe(second.outputs['task-id'])
    expect(github.comments).toHaveLength(2)
    expect(second.stdout).toContain('Updated the pull-request comment')
    // Two legs of a matrix: two comments, each updated by its own leg.
    await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...create, matrix: '{"file":"k8s"}' }, { env: prEnv() })
    await gate({ files, createdTiming: { readyMs: 0, finishMs: 0 } }, { ...create, matrix: '{"file":"k8s"}' }, { env: prEnv() })
    expect(github.comments).toHaveLength(3)
    expect(github.comments[2]?.body).toMatch(/^<!-- hss-scan-gate workflow="PR gate" job="iac" matrix="file=k8s" -->/)
  })

  it('never edits a comment another identity wrote, even one that starts with the marker', async () => {
    const marker = '<!-- hss-scan-gate workflow="PR gate" job="iac" matrix="" -->'
    await github.close()
    github = await startFakeGitHub({ token: TOKEN, existing: [{ body: `${marker}\nplanted by someone else`, author: 'mallory' }] })
    const run = await gate({ tasks: failing() }, inputs, { env: prEnv() })
    expect(github.comments[0]?.body).toBe(`${marker}\nplanted by someone else`)
    expect(github.comments).toHaveLength(2)
    expect(github.comments[1]?.user.login).toBe('github-actions[bot]')
    expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0)
    expect(run.stdout).toContain('Wrote the pull-request comment')
  })

  it('turns a 403 (a fork\'s read-only token) into a warning and keeps the verdict', async () => {
    github.refuseWith = 403
    const run = await gate({ tasks: failing() }, inputs, { env: prEnv('pull_request', true) })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs['comment-url']).toBe('')
    expect(commands(run.stdout, 'warning')).toContainEqual(expect.stringMatching(/^::warning::Could not write the pull-request comment: HTTP 403: .*pull-requests: write.*forks/))
    expect(commands(run.stdout, 'error').at(-1)).toBe('::error::HSS scan gate failed: 2 files failed to scan, more than max-failed 0')
  })

  it('a 403 does not turn a passing gate into a failure either', async () => {
    github.refuseWith = 404
    const run = await gate({ tasks: [{ task: iacTask('t-1', 'n', { scanned: 4, succeeded: 4, failed: 0 }) }] }, inputs, { env: prEnv() })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
  })

  it('a GitHub API that never answers holds the verdict up at most 30 s', async () => {
    github.hang = true
    const run = await gate({ tasks: failing() }, inputs, { env: prEnv() })
    expect(run.code).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(commands(run.stdout, 'warning')).toContainEqual('::warning::Could not write the pull-request comment: GitHub did not answer within 30 s')
    // The action gives up after 30 s; the bound here is loose, for busy machines.
    expect(run.elapsedMs).toBeLessThan(120_000)
  }, 150_000)

  it('does nothing on other events', async () => {
    const run = await gate({ tasks: failing() }, inputs, { env: prEnv('push') })
    expect(github.requests).toHaveLength(0)
    expect(run.stdout).toContain('No pull-request comment: not a pull-request event (push)')
  })

  it('stays under 65,536 characters with thousands of hostile failed files', async () => {
    const hostile = '<|>'.repeat(100)
    const tasks = [{ task: iacTask('t-1', hostile, { scanned: 9000, succeeded: 0, failed: 9000 }), resources: failedFiles(5000, () => ({ file_name: hostile, failed_reason: hostile.repeat(3) })) }]
    const run = await gate({ tasks }, inputs, { env: prEnv() })
    expect(run.outputs['comment-url']).not.toBe('')
    expect(github.comments[1]?.body.length).toBeLessThan(65_536)
  })
})
