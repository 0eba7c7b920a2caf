/**
 * The GitHub REST calls the pull-request checks need: the pull request's files (every page), a file
 * at the base commit (for the exceptions file), and when this workflow run started. Each request has
 * a time-out; 429, 5xx and connection failures are tried again on the injected clock, never past the
 * deadline; a refusal names the permission the job's token lacks. No redirect is followed, and no
 * answer is read past 8 MiB.
 */
import ky from 'ky'
import type { Clock } from '../clock.ts'
import { CancelledError } from '../errors.ts'
import { clip } from '../escape.ts'
import { isRecord } from '../record.ts'
import { MAX_BODY_BYTES, readCapped } from '../hss/transport.ts'
import { USER_AGENT } from '../version.ts'
import type { PullFile } from './changes.ts'

export interface GitHubApi {
  /** Every file of the pull request, or throws. */
  pullRequestFiles(number: number): Promise<PullFile[]>
  /** The file's text at `ref`; undefined when it does not exist there. */
  fileAt(path: string, ref: string): Promise<string | undefined>
  /** When this workflow run (its latest attempt) started, in epoch ms; undefined when GitHub's answer does not say. */
  runStartedAt(runId: string): Promise<number | undefined>
}

export interface GitHubOptions {
  apiUrl: string
  token: string
  owner: string
  repo: string
  clock: Clock
  deadline: number
  signal?: AbortSignal
  requestTimeoutMs?: number
}

/** A GitHub call that did not give what was asked; `permission` names what the token needs when GitHub refused. */
export class GitHubError extends Error {
  override name = 'GitHubError'
  readonly status: number | undefined
  readonly refused: boolean
  constructor(what: string, status: number | undefined, detail: string, permission?: string) {
    const refused = status === 401 || status === 403 || (status === 404 && permission !== undefined)
    const hint = refused && permission ? `: the job's github-token needs \`permissions: ${permission}\`` : ''
    super(`GitHub ${what}: ${status ? `HTTP ${status}` : 'no answer'}${detail ? ` (${detail})` : ''}${hint}`)
    this.status = status
    this.refused = refused
  }
}

/** GitHub lists at most 3,000 files of a pull request, 100 a page. */
export const MAX_FILE_PAGES = 30
const ATTEMPTS = 3

export function createGitHubApi(options: GitHubOptions): GitHubApi {
  const base = options.apiUrl.replace(/\/+$/, '')
  const repoPath = `/repos/${encodeURIComponent(options.owner)}/${encodeURIComponent(options.repo)}`

  async function get(what: string, path: string, permission: string, allow404 = false): Promise<unknown> {
    let lastError: GitHubError | undefined
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      // No attempt starts after the deadline, and none outlives it: the run ends within timeout.
      const left = options.deadline - options.clock.now()
      if (left <= 0) break
      const timeout = AbortSignal.timeout(Math.min(options.requestTimeoutMs ?? 30_000, left))
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
      let status = 0
      try {
        const response = await ky(`${base}${path}`, {
          headers: { Authorization: `Bearer ${options.token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': USER_AGENT },
          retry: 0,
          timeout: false,
          throwHttpErrors: false,
          redirect: 'manual',
          signal
        })
        status = response.status
        const text = await readCapped(response, MAX_BODY_BYTES)
        if (status === 404 && allow404) return undefined
        if (response.ok) return JSON.parse(text) as unknown
        const message = messageOf(text)
        lastError = new GitHubError(what, status, message, permission)
        if (status !== 429 && status < 500) throw lastError
      } catch (error) {
        if (options.signal?.aborted) throw new CancelledError()
        if (error instanceof GitHubError) throw error
        lastError = new GitHubError(what, status || undefined, error instanceof SyntaxError ? 'not JSON' : timeout.aborted ? 'no answer in time' : clip(error instanceof Error ? error.message : String(error), 200))
      }
      const wait = Math.min(1000 * attempt, options.deadline - options.clock.now())
      if (attempt < ATTEMPTS && wait > 0) await options.clock.sleep(wait, options.signal)
    }
    throw lastError ?? new GitHubError(what, undefined, 'the time-out came first')
  }

  return {
    async pullRequestFiles(number) {
      const files: PullFile[] = []
      for (let page = 1; page <= MAX_FILE_PAGES; page++) {
        const answer = await get('list pull request files', `${repoPath}/pulls/${number}/files?per_page=100&page=${page}`, 'pull-requests: read')
        if (!Array.isArray(answer)) throw new GitHubError('list pull request files', 200, 'not a list')
        for (const row of answer) {
          if (!isRecord(row) || typeof row.filename !== 'string' || typeof row.status !== 'string') throw new GitHubError('list pull request files', 200, 'a file row without filename or status')
          files.push({
            filename: row.filename,
            status: row.status,
            ...(typeof row.patch === 'string' ? { patch: row.patch } : {}),
            ...(typeof row.previous_filename === 'string' ? { previous_filename: row.previous_filename } : {})
          })
        }
        if (answer.length < 100) break
      }
      return files
    },
    async fileAt(path, ref) {
      const encoded = path.split('/').map(encodeURIComponent).join('/')
      const answer = await get('read the exceptions file at the base commit', `${repoPath}/contents/${encoded}?ref=${encodeURIComponent(ref)}`, 'contents: read', true)
      if (answer === undefined) return undefined
      if (!isRecord(answer) || answer.type !== 'file') throw new GitHubError('read the exceptions file at the base commit', 200, 'not a file')
      if (answer.encoding !== 'base64' || typeof answer.content !== 'string') throw new GitHubError('read the exceptions file at the base commit', 200, 'too large to read through the contents API')
      return Buffer.from(answer.content, 'base64').toString('utf8')
    },
    async runStartedAt(runId) {
      const answer = await get('read this workflow run', `${repoPath}/actions/runs/${encodeURIComponent(runId)}`, 'actions: read')
      const started = isRecord(answer) && typeof answer.run_started_at === 'string' ? Date.parse(answer.run_started_at) : Number.NaN
      return Number.isNaN(started) ? undefined : started
    }
  }
}

function messageOf(text: string): string {
  try {
    const body = JSON.parse(text) as unknown
    return isRecord(body) && typeof body.message === 'string' ? clip(body.message, 200) : ''
  } catch {
    return ''
  }
}
