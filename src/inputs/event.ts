/** What the workflow's event says about where the run comes from (GITHUB_EVENT_PATH), for messages. */
import { readFileSync } from 'node:fs'
import { isRecord } from '../record.ts'

/**
 * A pull request's run from a fork (pull_request and its review events): GitHub passes it no
 * repository secrets. False when there is no event file, or it cannot be read.
 */
export function isForkPullRequest(env: Readonly<Record<string, string | undefined>>): boolean {
  if (!FORK_WITHOUT_SECRETS.has(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH) return false
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

/** The pull request a run is on, as its event file tells. */
export interface PullRequestEvent {
  /** Undefined for a merge queue's group, which has no one pull request. */
  number: number | undefined
  /** The base commit: where the exceptions file is read from, so a pull request cannot excuse itself. */
  baseSha: string
  headSha: string
  /** GitHub's count of changed files, when the event has it. */
  changedFiles: number | undefined
}

/**
 * Every event that runs on a pull request's code: the pull request's own, its reviews and review
 * comments (the payload's `pull_request`), and the merge queue's group (its `base_sha` is the base).
 */
export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'merge_group'])
/** The events whose runs from a fork get no secrets. */
const FORK_WITHOUT_SECRETS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

/**
 * Undefined on other events; `unreadable` on a pull-request event whose event file does not say which
 * pull request (the checks that need it then fail closed, rather than act as if this were no pull request).
 */
export function pullRequestOf(env: Readonly<Record<string, string | undefined>>): PullRequestEvent | 'unreadable' | undefined {
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (!PULL_REQUEST_EVENTS.has(name)) return undefined
  if (!env.GITHUB_EVENT_PATH) return 'unreadable'
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as unknown
    const sha = (value: unknown) => (typeof value === 'string' && /^[0-9a-f]{40,64}$/.test(value) ? value : undefined)
    if (name === 'merge_group') {
      const group = isRecord(event) && isRecord(event.merge_group) ? event.merge_group : undefined
      const baseSha = sha(group?.base_sha)
      const headSha = sha(group?.head_sha)
      return baseSha && headSha ? { number: undefined, baseSha, headSha, changedFiles: undefined } : 'unreadable'
    }
    const pr = isRecord(event) && isRecord(event.pull_request) ? event.pull_request : undefined
    const side = (value: unknown) => (isRecord(value) ? sha(value.sha) : undefined)
    const number = pr?.number
    const baseSha = side(pr?.base)
    const headSha = side(pr?.head)
    if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1 || !baseSha || !headSha) return 'unreadable'
    const changed = pr?.changed_files
    return { number, baseSha, headSha, changedFiles: typeof changed === 'number' && Number.isSafeInteger(changed) && changed >= 0 ? changed : undefined }
  } catch {
    return 'unreadable'
  }
}
