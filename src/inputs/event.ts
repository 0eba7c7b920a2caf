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
