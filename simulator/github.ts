/**
 * The GitHub REST endpoints the action uses, on 127.0.0.1, for GITHUB_API_URL: the pull request's
 * comments, its files with their patches (paged), a file's contents at a commit, and the workflow
 * run (its `run_started_at`). The repository is `o/r`, the pull request 7.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeComment {
  id: number
  body: string
  html_url: string
  user: { login: string; type: 'Bot' | 'User' }
}

/** A file of the pull request, as GitHub's "list pull request files" shows it. */
export interface FakePullFile {
  filename: string
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed'
  patch?: string
  previous_filename?: string
}

export type FakeGitHubRoute = 'comments' | 'files' | 'contents' | 'runs'

export interface FakeGitHubOptions {
  token: string
  existing?: (string | { body: string; author: string })[]
  /** The pull request's files. */
  files?: FakePullFile[]
  /** Files by commit: `{ [sha]: { [path]: text } }`. */
  contents?: Record<string, Record<string, string>>
  /** The workflow run: its id and when it started (ISO 8601). */
  run?: { id: string; started: string }
  /** Refuse these routes with this status (403 for a token without the permission). */
  refuse?: Partial<Record<FakeGitHubRoute, number>>
  /** Never answer at all, from the start. */
  hang?: boolean
}

export interface FakeGitHub {
  url: string
  comments: FakeComment[]
  requests: { method: string; path: string; auth: string | undefined; query: string }[]
  /** Answer every request with this status (403 for a fork's read-only token). */
  refuseWith: number | undefined
  /** Never answer at all. */
  hang: boolean
  close(): Promise<void>
}

/** The identity the token acts as: what GraphQL's viewer and the comments it writes show. */
export const VIEWER = 'github-actions[bot]'

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  let nextId = 1000
  const make = (body: string, author = VIEWER): FakeComment => {
    const id = nextId++
    return { id, body, html_url: `https://github.example/o/r/pull/7#issuecomment-${id}`, user: { login: author, type: author.endsWith('[bot]') ? 'Bot' : 'User' } }
  }
  const state: FakeGitHub = {
    url: '',
    comments: (options.existing ?? []).map((c) => (typeof c === 'string' ? make(c, 'someone') : make(c.body, c.author))),
    requests: [],
    refuseWith: undefined,
    hang: options.hang ?? false,
    close: async () => undefined
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x')
      state.requests.push({ method: req.method ?? '', path: url.pathname, auth: req.headers.authorization, query: url.search })
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.headers.authorization !== `token ${options.token}` && req.headers.authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' })
      if (state.hang) return
      if (state.refuseWith) return send(state.refuseWith, { message: 'Resource not accessible by integration' })
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body?: string }) : {}
      if (url.pathname === '/graphql' && req.method === 'POST') return send(200, { data: { viewer: { login: VIEWER } } })
      const refused = (route: FakeGitHubRoute) => options.refuse?.[route]
      if (req.method === 'GET' && url.pathname === '/repos/o/r/pulls/7/files') {
        if (refused('files')) return send(refused('files') ?? 403, { message: 'Resource not accessible by integration' })
        const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30))
        const page = Number(url.searchParams.get('page') ?? 1)
        return send(200, (options.files ?? []).slice((page - 1) * perPage, page * perPage))
      }
      const contents = /^\/repos\/o\/r\/contents\/(.+)$/.exec(url.pathname)
      if (req.method === 'GET' && contents) {
        if (refused('contents')) return send(refused('contents') ?? 403, { message: 'Resource not accessible by integration' })
        const path = decodeURIComponent(contents[1] ?? '')
        const text = options.contents?.[url.searchParams.get('ref') ?? '']?.[path]
        if (text === undefined) return send(404, { message: 'Not Found' })
        return send(200, { type: 'file', encoding: 'base64', size: Buffer.byteLength(text), name: path.split('/').pop(), path, content: Buffer.from(text).toString('base64') })
      }
      const run = /^\/repos\/o\/r\/actions\/runs\/(\d+)$/.exec(url.pathname)
      if (req.method === 'GET' && run) {
        if (refused('runs')) return send(refused('runs') ?? 403, { message: 'Resource not accessible by integration' })
        if (!options.run || options.run.id !== run[1]) return send(404, { message: 'Not Found' })
        return send(200, { id: Number(options.run.id), run_started_at: options.run.started, status: 'in_progress' })
      }
      if (refused('comments')) return send(refused('comments') ?? 403, { message: 'Resource not accessible by integration' })
      let m = /^\/repos\/o\/r\/issues\/7\/comments$/.exec(url.pathname)
      if (m && req.method === 'GET') {
        const perPage = Number(url.searchParams.get('per_page') ?? 30)
        const page = Number(url.searchParams.get('page') ?? 1)
        return send(200, state.comments.slice((page - 1) * perPage, page * perPage))
      }
      if (m && req.method === 'POST') {
        if ((body.body ?? '').length > 65_536) return send(422, { message: 'Body is too long (maximum is 65536 characters)' })
        const comment = make(body.body ?? '')
        state.comments.push(comment)
        return send(201, comment)
      }
      m = /^\/repos\/o\/r\/issues\/comments\/(\d+)$/.exec(url.pathname)
      if (m && req.method === 'PATCH') {
        const comment = state.comments.find((c) => c.id === Number(m?.[1]))
        if (!comment) return send(404, { message: 'Not Found' })
        comment.body = body.body ?? ''
        return send(200, comment)
      }
      send(404, { message: 'Not Found' })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return state
}
