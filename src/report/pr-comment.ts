/**
 * Keeps one comment with the verdict on the pull request, updated in place on re-runs. Loaded only
 * when comment-on-pr is set, so a plain run does not pay for Octokit at start-up.
 */
import { context, getOctokit } from '@actions/github'
import { commentMarker, renderComment } from './comment.ts'
import type { Report } from '../gate/report.ts'

export type CommentOutcome = { kind: 'written'; url: string; updated: boolean } | { kind: 'skipped' | 'failed'; why: string }

/** The events whose payload names one pull request to comment on (a merge queue's group names none). */
const PR_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])

/** `signal` aborts every request (time-out or cancellation); the caller reports that. */
export async function upsertPullRequestComment(token: string, report: Report, matrix: string, signal: AbortSignal): Promise<CommentOutcome> {
  if (!PR_EVENTS.has(context.eventName)) return { kind: 'skipped', why: `not a pull-request event (${context.eventName || 'none'})` }
  const number = (context.payload.pull_request as { number?: number } | undefined)?.number
  if (!number) return { kind: 'skipped', why: 'the event has no pull request number' }
  if (!token) return { kind: 'failed', why: 'github-token is empty' }

  const { owner, repo } = context.repo
  const place = { workflow: context.workflow ?? '', job: context.job ?? '', matrix }
  const marker = commentMarker(place)
  const runUrl = context.runId ? `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}` : undefined
  const body = renderComment(report, place, runUrl)
  const octokit = getOctokit(token, { request: { signal } })
  try {
    // Only a comment this token's own identity wrote is ours to edit, whoever else copied the marker.
    const me = await viewerLogin(octokit)
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 })) {
      const mine = me === undefined ? undefined : page.data.find((comment) => comment.user?.login === me && comment.body?.startsWith(marker))
      if (mine) {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body })
        return { kind: 'written', url: data.html_url, updated: true }
      }
    }
    const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
    return { kind: 'written', url: data.html_url, updated: false }
  } catch (error) {
    if (signal.aborted) throw error
    return { kind: 'failed', why: explain(error, context.payload) }
  }
}

/**
 * The login the token acts as (`github-actions[bot]` for GITHUB_TOKEN, as REST shows it on
 * comments). Undefined when GitHub will not say: then no comment is edited, a new one is written.
 */
async function viewerLogin(octokit: ReturnType<typeof getOctokit>): Promise<string | undefined> {
  try {
    const answer = await octokit.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }')
    return typeof answer.viewer?.login === 'string' ? answer.viewer.login : undefined
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error
    return undefined
  }
}

function explain(error: unknown, payload: typeof context.payload): string {
  const status = (error as { status?: number }).status
  const message = error instanceof Error ? error.message : String(error)
  const fork = (payload.pull_request as { head?: { repo?: { fork?: boolean } } } | undefined)?.head?.repo?.fork
  if (status === 403 || status === 404) {
    const forkNote = fork ? ' Pull requests from forks get a read-only token on pull_request events.' : ''
    return `HTTP ${status}: the token cannot write pull-request comments (the job needs permissions: pull-requests: write).${forkNote}`
  }
  return status ? `HTTP ${status}: ${message}` : message
}
