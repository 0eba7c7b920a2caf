/** What the workflow's event says about where the run comes from (GITHUB_EVENT_PATH), for messages. */
import { readFileSync } from 'node:fs'
import { isRecord } from '../record.ts'

/**
 * A pull_request event for a pull request from a fork: GitHub passes it no repository secrets.
 * False when there is no event file, or it cannot be read.
 */
export function isForkPullRequest(env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' || !env.GITHUB_EVENT_PATH) return false
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown
    const pr = isRecord(event) && isRecord(event.pull_request) ? event.pull_request : undefined
    const head = pr && isRecord(pr.head) && isRecord(pr.head.repo) ? pr.head.repo : undefined
    const base = pr && isRecord(pr.base) && isRecord(pr.base.repo) ? pr.base.repo : undefined
    if (!head) return false
    return head.fork === true || (typeof head.full_name === 'string' && typeof base?.full_name === 'string' && head.full_name !== base.full_name)
  } catch {
    return false
  }
}

/** The pull request a `pull_request` or `pull_request_target` run is for, as its event file tells. */
export interface PullRequestEvent {
  number: number
  /** The base commit: where the exceptions file is read from, so a pull request cannot excuse itself. */
  baseSha: string
  headSha: string
  /** GitHub's count of changed files, when the event has it. */
  changedFiles: number | undefined
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * Undefined on other events; `unreadable` on a pull-request event whose event file does not say which
 * pull request (the checks that need it then fail closed, rather than act as if this were no pull request).
 */
export function pullRequestOf(env: Readonly<Record<string, string | undefined>>): PullRequestEvent | 'unreadable' | undefined {
  if (!PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return undefined
  if (!env.GITHUB_EVENT_PATH) return 'unreadable'
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown
    const pr = isRecord(event) && isRecord(event.pull_request) ? event.pull_request : undefined
    const sha = (side: unknown) => (isRecord(side) && typeof side.sha === 'string' && /^[0-9a-f]{40,64}$/.test(side.sha) ? side.sha : undefined)
    const number = pr?.number
    const baseSha = sha(pr?.base)
    const headSha = sha(pr?.head)
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1 || !baseSha || !headSha) return 'unreadable'
    const changed = pr?.changed_files
    return { number, baseSha, headSha, changedFiles: typeof changed === 'number' && Number.isSafeInteger(changed) && changed >= 0 ? changed : undefined }
  } catch {
    return 'unreadable'
  }
}
