/**
 * A gate run on a pull request, end to end: a checkout (the demo repository, or files of the test's
 * own), a stand-in GitHub with the pull request's files, the base commit's exceptions file and the
 * workflow run, an event file, and dist/index.js against the simulator.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { DEMO_REPO } from '../simulator/demo-data.ts'
import { startFakeGitHub, type FakeComment, type FakeGitHubOptions, type FakePullFile } from '../simulator/github.ts'
import type { SimFile } from '../simulator/scans.ts'
import type { Simulator, SimulatorOptions } from '../simulator/server.ts'
import { gate, type GateRun } from './e2e.ts'

export const TOKEN = 'ghs_pull_request_test_token_42'
export const BASE = 'b'.repeat(40)
export const HEAD = 'c'.repeat(40)

/** A patch that adds line `n` of the new version. */
export const adds = (n: number, text = 'x') => `@@ -${n - 1},1 +${n - 1},2 @@\n context\n+${text}`
export const exceptionsFile = (...entries: string[]) => `exceptions:\n${entries.map((e) => `  - ${e}`).join('\n')}\n`

export interface PrCase {
  /** Copies already in HSS, scanned by id (file-ids), unless `inputs` says otherwise. */
  files: SimFile[]
  changed?: FakePullFile[]
  exceptions?: { base?: string; head?: string }
  inputs?: Record<string, string>
  github?: Partial<FakeGitHubOptions>
  runStartedAt?: number
  /** The event file's content; a pull_request event for #7 by default. */
  event?: object
  eventName?: string
  /** The checkout: the demo repository by default, or these files (path → text). */
  tree?: Record<string, string>
  /** Where actions/checkout put the repository inside the workspace (its `path:`). */
  checkoutPath?: string
  sim?: Partial<SimulatorOptions>
  /** Faults and scripts on the running simulator. */
  setupSim?: (sim: Simulator) => void
  env?: Record<string, string>
  /** Last touches to the checkout (links, say), given its root. */
  prepare?: (root: string) => void
}

export type PrRun = GateRun & { githubRequests: { path: string; query: string }[]; workspace: string; comments: FakeComment[] }

export async function prGate(c: PrCase): Promise<PrRun> {
  const workspace = mkdtempSync(join(tmpdir(), 'pr-checkout-'))
  const root = c.checkoutPath ? join(workspace, c.checkoutPath) : workspace
  mkdirSync(root, { recursive: true })
  if (c.tree) {
    for (const [path, text] of Object.entries(c.tree)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
  } else cpSync(DEMO_REPO, root, { recursive: true })
  rmSync(join(root, '.github'), { recursive: true, force: true })
  // actions/checkout leaves a git checkout at the pull request's commit.
  mkdirSync(join(root, '.git'), { recursive: true })
  writeFileSync(join(root, '.git', 'HEAD'), `${HEAD}\n`)
  c.prepare?.(root)
  if (c.exceptions?.head !== undefined) {
    mkdirSync(join(root, '.github'), { recursive: true })
    writeFileSync(join(root, '.github', 'hss-exceptions.yml'), c.exceptions.head)
  }
  const github = await startFakeGitHub({
    token: TOKEN,
    files: c.changed ?? [],
    run: { id: '777', started: new Date(c.runStartedAt ?? Date.now() - 60_000).toISOString() },
    contents: c.exceptions?.base === undefined ? {} : { [BASE]: { '.github/hss-exceptions.yml': c.exceptions.base } },
    ...c.github
  })
  const eventPath = join(mkdtempSync(join(tmpdir(), 'pr-event-')), 'event.json')
  writeFileSync(eventPath, JSON.stringify(c.event ?? { pull_request: { number: 7, base: { sha: BASE }, head: { sha: HEAD }, changed_files: (c.changed ?? []).length } }))
  const type = c.files[0]?.file_type ?? 'dockerfile'
  try {
    const run = await gate(
      { files: c.files, createdTiming: { readyMs: 0, finishMs: 100 }, ...c.sim },
      { 'create-task': 'true', 'file-type': type, 'file-ids': c.files.map((f) => f.file_id).join(','), 'fail-on-risk': 'high', 'github-token': TOKEN, ...c.inputs },
      {
        env: {
          GITHUB_WORKSPACE: workspace,
          GITHUB_EVENT_NAME: c.eventName ?? 'pull_request',
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REPOSITORY: 'o/r',
          GITHUB_API_URL: github.url,
          GITHUB_RUN_ID: '777',
          GITHUB_SHA: HEAD,
          ...c.env
        },
        ...(c.setupSim ? { setup: c.setupSim } : {})
      }
    )
    return { ...run, githubRequests: github.requests, workspace, comments: github.comments }
  } finally {
    await github.close()
  }
}
