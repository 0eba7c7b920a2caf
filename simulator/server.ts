/**
 * A local HSS (and IAM project list) on 127.0.0.1, for the tests and the demo. It answers ListTasks,
 * ListTaskResources, CreateTask, ListIacFileRisks, ListIacFileRiskPaths, ListIacFiles and
 * BatchUploadFiles with HSS's parameter rules, checks tokens and SDK-HMAC-SHA256 signatures (a
 * multipart upload's with its unsigned payload), scans uploaded files by rules (rules.ts), plays
 * scripted task life-cycles, enforces an optional per-user rate budget and injects faults.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { authenticate, type SimCredential } from './auth.ts'
import { applyFault, type Fault, type QueuedFault, type Route } from './faults.ts'
import { checkCreateBody, clusterScanTask, DEFAULT_TIMING, iacScanTask, listedFile, pathsOf, risksOf, type CreatedTaskTiming, type SimFile } from './scans.ts'
import { looksLike, scanFile } from './rules.ts'
import { taskAt, type ScriptedTask } from './tasks.ts'
import type { Task } from '../src/hss/models.ts'
import { queryPairs } from '../src/hss/signer.ts'
import { isRecord } from '../src/hss/fields.ts'

export interface SimulatorOptions {
  projectId?: string
  region?: string
  /** Projects IAM lists for the region name; default one with projectId. */
  projects?: { id: string; name: string }[]
  credentials?: SimCredential[]
  tokens?: string[]
  tasks?: ScriptedTask[]
  /** IaC files uploaded to HSS: what CreateTask scans, with the risks ListIacFileRisks answers. */
  files?: SimFile[]
  /** Clusters a created cluster scan covers (all of them, or the ids given), and how many of those fail. */
  clusters?: { count: number; failing?: number }
  /** How long a created task takes. */
  createdTiming?: CreatedTaskTiming
  /**
   * Per user (AK or token) and route: at most `limit` requests in any `windowMs` (HSS's budget is per
   * API). `routes` sets another budget for some routes, e.g. the risk API's.
   */
  rateLimit?: { limit: number; windowMs: number; retryAfter?: boolean; routes?: Partial<Record<Route, { limit: number; windowMs: number }>> }
  /** The gateway's clock (epoch ms), for the signature's 15-minute rule. */
  now?: () => number
  /**
   * Replaces the answer HSS would give (for hostile and broken listings): called with the route, the
   * query and the standard answer; what it returns is sent instead, unless it returns undefined.
   */
  answer?: (route: Route, query: { offset: number; limit: number; params: ReadonlyMap<string, string> }, standard: Record<string, unknown>, body: unknown) => unknown
  /**
   * BatchUploadFiles: `available: false` answers 404 APIGW.0101 (a region without the API);
   * `refuse` names why HSS refuses a file (then it keeps none of that request's files).
   */
  upload?: { available?: boolean; refuse?: (name: string, text: string) => string | undefined }
  /** 0 (the default) picks a free port. */
  port?: number
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: string; cert: string }
}

export interface LoggedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: unknown
  status: number
  route: Route | 'unknown'
  user?: string
  at: number
}

export interface Simulator {
  url: string
  requests: LoggedRequest[]
  /** Faults served, in order, to the next matching requests. */
  queueFault(fault: Fault, route?: Route): void
  /** A fault served to every matching request until cleared. */
  setStandingFault(fault: Fault | undefined, route?: Route): void
  setTasks(tasks: ScriptedTask[]): void
  /** Every task the simulator knows, the ones CreateTask made included. */
  readonly tasks: readonly ScriptedTask[]
  /** ListTasks queries answered so far (what Phase.afterQueries counts). */
  readonly taskQueries: number
  /** Every BatchUploadFiles request answered 200: the names HSS got, and whether it kept the files. */
  readonly uploads: readonly { names: string[]; ids: string[]; kept: boolean }[]
  /** Every IaC file HSS holds, uploaded ones included. */
  readonly files: readonly SimFile[]
  close(): Promise<void>
}

export const DEMO_PROJECT_ID = '0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b'
export const DEMO_AK = 'QTWAOYTTINDUT2QVKYUC'
export const DEMO_SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'

/** The environment a runner step gets from a login step (as the HUAWEI_CLOUD_* variables), for the simulator. */
export const DEMO_ENV = { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK, HUAWEI_CLOUD_PROJECT_ID: DEMO_PROJECT_ID, HUAWEI_CLOUD_REGION: 'ap-southeast-1' }

const TASK_TYPES = ['iac_scan', 'cluster_scan']
const STATUSES = ['ready', 'running', 'finished']

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const projectId = options.projectId ?? DEMO_PROJECT_ID
  const region = options.region ?? 'ap-southeast-1'
  const projects = options.projects ?? [{ id: projectId, name: region }]
  const credentials = options.credentials ?? [{ accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }]
  const tokens = options.tokens ?? []
  const now = options.now ?? (() => Date.now())
  const started = Date.now()
  let tasks = options.tasks ?? []
  // Copies, so that one run's scans never mark another run's files.
  const files = (options.files ?? []).map((file) => ({ ...file }))
  const uploads: { names: string[]; ids: string[]; kept: boolean }[] = []
  let taskQueries = 0
  const queue: QueuedFault[] = []
  const standing = new Map<Route | 'any', Fault>()
  const budget = new Map<string, number[]>()
  const requests: LoggedRequest[] = []
  const stopped = new AbortController()

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const route = routeOf(req.method ?? '', url.pathname)
    const requestId = randomBytes(16).toString('hex')
    const entry: LoggedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(queryPairs(url.search)),
      headers: req.headers,
      body: safeJson(body.toString('utf8')),
      status: 0,
      route: route?.name ?? 'unknown',
      at: Date.now()
    }
    requests.push(entry)
    let late: Extract<Fault, { kind: 'late-error' }> | undefined
    const reply = (status: number, payload: unknown, extra: Record<string, string> = {}): void => {
      // The work is done; the gateway's error goes out in place of the answer.
      const [code, body] = late ? [late.status, { error_code: late.code, error_msg: late.message, request_id: requestId }] : [status, payload]
      entry.status = code
      res.writeHead(code, { 'Content-Type': 'application/json', 'X-Request-Id': requestId, ...extra })
      res.end(JSON.stringify(body))
    }
    const fail = (status: number, code: string, message: string, extra: Record<string, string> = {}): void =>
      reply(status, { error_code: code, error_msg: message, request_id: requestId }, extra)

    // The gateway: faults first (they stand in for what sits in front of HSS), then auth, then throttling.
    const fault = takeFault(route?.name)
    if (fault?.kind === 'late-error') late = fault
    if (fault) {
      entry.status = fault.kind === 'status' || fault.kind === 'error' || fault.kind === 'redirect' ? fault.status : fault.kind === 'throttle' ? 429 : -1
      if ((await applyFault(fault, res, requestId, stopped.signal)) === 'done') return
    }
    if (!route) return fail(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment')

    const auth = authenticate(req, url, body, { credentials, tokens, now })
    if (!auth.ok) return fail(auth.status, auth.code, auth.message)
    entry.user = auth.user
    const limit = options.rateLimit ? (options.rateLimit.routes?.[route.name] ?? options.rateLimit) : undefined
    if (limit && overBudget(`${auth.user}:${route.name}`, limit)) {
      const retryAfter: Record<string, string> = options.rateLimit?.retryAfter ? { 'Retry-After': String(Math.ceil(limit.windowMs / 1000)) } : {}
      return fail(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user over ratelimit', retryAfter)
    }

    if (route.name === 'projects') {
      const name = entry.query.name
      return reply(200, { projects: projects.filter((p) => !name || p.name === name), links: {} })
    }

    if (route.projectId !== projectId) return fail(400, 'HSS.0010', 'access denied: project id does not match the credentials')
    const xProject = req.headers['x-project-id']
    if (xProject !== undefined && xProject !== projectId) return fail(400, 'HSS.0001', 'invalid parameter: X-Project-Id')

    const params = new Map(queryPairs(url.search))
    const query = checkQuery(params)
    if (typeof query === 'string') return fail(400, 'HSS.0001', `invalid parameter: ${query}`)
    const answer = (standard: Record<string, unknown>, json?: unknown): void => {
      const replaced = options.answer?.(route.name as Route, { ...query, params }, standard, json)
      reply(200, replaced === undefined ? standard : replaced)
    }

    if (route.name === 'upload') {
      if (options.upload?.available === false) return fail(404, 'APIGW.0101', 'The API does not exist or has not been published in the environment')
      const parsed = await uploadOf(req, body)
      if (typeof parsed === 'string') return fail(400, parsed.startsWith('the request') ? 'HSS.0002' : 'HSS.0001', parsed)
      const succeeded: { file_name: string; file_id: string; text: string }[] = []
      const failed: { file_name: string; fail_reason: string }[] = []
      for (const part of parsed.files) {
        // HSS keeps only the base name of what it is sent.
        const name = part.name.split(/[\\/]/).pop() ?? ''
        const text = part.bytes.toString('utf8')
        const reason = part.bytes.length > MAX_UPLOAD_BYTES ? 'The file size exceeds 1 MB' : part.bytes.length === 0 ? 'The file is empty' : !looksLike(parsed.type, text) ? `The file is not a valid ${parsed.type} file` : options.upload?.refuse?.(name, text)
        if (reason) failed.push({ file_name: name, fail_reason: reason })
        else succeeded.push({ file_name: name, file_id: `iac-${randomUUID()}`, text })
      }
      // All or nothing: one refused file, and none of the request's files is kept.
      if (!failed.length) for (const file of succeeded) files.push({ file_id: file.file_id, file_name: file.file_name, file_type: parsed.type, scan_type: 'manual_scan', upload_file_time: Date.now(), risks: scanFile(parsed.type, file.text) })
      uploads.push({ names: parsed.files.map((f) => f.name), ids: succeeded.map((f) => f.file_id), kept: !failed.length })
      return answer({ success_file_info: succeeded.map(({ file_name, file_id }) => ({ file_name, file_id })), fail_file_info: failed })
    }

    if (route.name === 'risks' || route.name === 'paths' || route.name === 'files') {
      // GET, no body. The SDKs mark offset and limit required on all three.
      const missing = ['offset', 'limit', ...REQUIRED[route.name]].find((name) => !params.has(name))
      if (missing) return fail(400, 'HSS.0001', `invalid parameter: ${missing}`)
      const bad = checkGetParams(params)
      if (bad) return fail(400, 'HSS.0001', `invalid parameter: ${bad}`)
      const page = <T>(rows: T[]) => ({ total_num: rows.length, data_list: rows.slice(query.offset, query.offset + query.limit) })
      if (route.name === 'risks') {
        const fileId = params.get('file_id')
        return answer(page(files.filter((file) => file.file_id === fileId).flatMap((file) => risksOf(file, Date.now()))))
      }
      if (route.name === 'paths') {
        const file = files.find((f) => f.file_id === params.get('file_id'))
        return answer(page(file ? pathsOf(file, params.get('rule_id') ?? '') : []))
      }
      const listed = files
        .filter((file) => file.listed !== false && (file.scan_type ?? 'cicd_scan') === params.get('scan_type'))
        .filter((file) => !params.has('file_id') || file.file_id === params.get('file_id'))
        .filter((file) => !params.has('file_name') || file.file_name.includes(params.get('file_name') ?? ''))
        .filter((file) => !params.has('file_type') || file.file_type === params.get('file_type'))
      return answer(page(listed.map((file) => listedFile(file, started))))
    }

    if (!/^application\/json/.test(String(req.headers['content-type'] ?? ''))) return fail(400, 'HSS.0002', 'the request could not be parsed: Content-Type')
    const json = safeJson(body.toString('utf8'))
    if (!isRecord(json)) return fail(400, 'HSS.0002', 'the request could not be parsed')
    if (!TASK_TYPES.includes(String(json.task_type))) return fail(400, 'HSS.0001', 'invalid parameter: task_type')

    const moment = { queries: taskQueries, elapsedMs: Date.now() - started }
    if (route.name === 'create') {
      const asked = checkCreateBody(json, files)
      if ('problem' in asked) return fail(400, asked.code, `invalid parameter: ${asked.problem}`)
      const timing = options.createdTiming ?? DEFAULT_TIMING
      // The scan's summary of each file dates from its finish.
      if ('files' in asked) for (const file of asked.files) file.scanned_at = Date.now() + timing.finishMs
      const created = 'files' in asked
        ? iacScanTask(asked.files, moment.elapsedMs, timing, Date.now())
        : clusterScanTask(asked.clusters === 'all' ? (options.clusters?.count ?? 3) : asked.clusters.length, options.clusters?.failing ?? 0, asked.scanTypes, moment.elapsedMs, timing, Date.now())
      tasks = [...tasks, created]
      return answer({ task_id: created.task.task_id }, json)
    }
    if (route.name === 'tasks') {
      const problem = checkTaskBody(json)
      if (problem) return fail(400, 'HSS.0001', `invalid parameter: ${problem}`)
      taskQueries++
      const listed = tasks
        .map((script) => taskAt(script, moment))
        .filter((task): task is Task => task !== undefined && matches(task, json))
      if (json.sort_key === 'start_time') {
        const dir = json.sort_dir === 'asc' ? 1 : -1
        listed.sort((a, b) => dir * (Number(a.start_time ?? 0) - Number(b.start_time ?? 0)))
      }
      return answer({ total_num: listed.length, data_list: listed.slice(query.offset, query.offset + query.limit) }, json)
    }

    const script = tasks.find((s) => s.task.task_id === route.taskId && taskAt(s, moment))
    if (!script) return fail(400, 'HSS.0011', 'resource not found: task')
    const info = isRecord(json.iac_scan_info) ? json.iac_scan_info : {}
    const resources = (script.resources ?? []).filter(
      (r) =>
        (info.scan_status === undefined || r.scan_status === info.scan_status) &&
        (typeof info.file_name !== 'string' || (r.file_name ?? '').includes(info.file_name))
    )
    // The SDKs read a cluster task's resources from cluster_scan_data_list.
    const list = script.task.task_type === 'cluster_scan' ? 'cluster_scan_data_list' : 'iac_scan_data_list'
    return answer({ total_num: resources.length, [list]: resources.slice(query.offset, query.offset + query.limit) }, json)
  }

  function takeFault(route: Route | undefined): Fault | undefined {
    const index = queue.findIndex((q) => q.route === undefined || q.route === route)
    if (index >= 0) return queue.splice(index, 1)[0]?.fault
    return (route && standing.get(route)) ?? standing.get('any')
  }

  function overBudget(key: string, limit: { limit: number; windowMs: number }): boolean {
    const t = Date.now()
    const recent = (budget.get(key) ?? []).filter((at) => t - at < limit.windowMs)
    const over = recent.length >= limit.limit
    if (!over) recent.push(t)
    budget.set(key, recent)
    return over
  }

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ error_code: 'SIM.500', error_msg: String(error) }))
      }
    })
  }
  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener)
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    queueFault: (fault, route) => queue.push({ fault, ...(route ? { route } : {}) }),
    setStandingFault: (fault, route) => (fault ? standing.set(route ?? 'any', fault) : standing.delete(route ?? 'any')),
    setTasks: (next) => {
      tasks = next
    },
    get tasks() {
      return tasks
    },
    get taskQueries() {
      return taskQueries
    },
    get uploads() {
      return uploads
    },
    get files() {
      return files
    },
    close: () =>
      new Promise<void>((resolve) => {
        stopped.abort()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

type RouteMatch = { name: 'tasks' | 'resources' | 'create' | 'risks' | 'paths' | 'files' | 'upload'; projectId: string; taskId?: string } | { name: 'projects' }

/** HSS's limits for BatchUploadFiles: 10 files a request, 1 MB each. */
const MAX_UPLOAD_FILES = 10
const MAX_UPLOAD_BYTES = 1024 * 1024

/** A BatchUploadFiles body as HSS reads it, or the problem (a message for HSS.0001 or HSS.0002). */
async function uploadOf(req: IncomingMessage, body: Buffer): Promise<{ type: 'dockerfile' | 'k8s_yaml'; files: { name: string; bytes: Buffer }[] } | string> {
  const contentType = String(req.headers['content-type'] ?? '')
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) return 'the request could not be parsed: Content-Type'
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData()
  } catch {
    return 'the request could not be parsed: multipart body'
  }
  const type = form.get('upload_type')
  if (type !== 'dockerfile' && type !== 'k8s_yaml') return 'invalid parameter: upload_type'
  const parts = form.getAll('files')
  if (parts.length === 0 || parts.length > MAX_UPLOAD_FILES || !parts.every((part) => part instanceof File)) return 'invalid parameter: files'
  return { type, files: await Promise.all((parts as File[]).map(async (part) => ({ name: part.name, bytes: Buffer.from(await part.arrayBuffer()) }))) }
}

/** Query parameters the Go and Node SDKs mark required, beyond offset and limit. */
const REQUIRED = { risks: ['file_id'], paths: ['file_id', 'rule_id'], files: ['scan_type'] } as const

/** The GET APIs' parameter rules (lengths and enumerations from HSS's API reference). */
function checkGetParams(params: ReadonlyMap<string, string>): string | undefined {
  const length = (name: string, max: number) => params.has(name) && ((params.get(name) ?? '').length < 1 || (params.get(name) ?? '').length > max)
  if (length('file_id', 64)) return 'file_id'
  if (length('rule_id', 64)) return 'rule_id'
  if (length('file_name', 512)) return 'file_name'
  if (params.has('scan_type') && !['manual_scan', 'cicd_scan'].includes(params.get('scan_type') ?? '')) return 'scan_type'
  if (params.has('file_type') && !['dockerfile', 'k8s_yaml'].includes(params.get('file_type') ?? '')) return 'file_type'
  if (params.has('risk_level') && !['high', 'medium', 'low', 'tips'].includes(params.get('risk_level') ?? '')) return 'risk_level'
  return undefined
}

function routeOf(method: string, path: string): RouteMatch | undefined {
  let c = /^\/v5\/([^/]+)\/common\/files\/batch-upload$/.exec(path)
  if (c && method === 'POST') return { name: 'upload', projectId: decodeURIComponent(c[1] ?? '') }
  c = /^\/v5\/([^/]+)\/common\/task$/.exec(path)
  if (c && method === 'POST') return { name: 'create', projectId: decodeURIComponent(c[1] ?? '') }
  c = /^\/v5\/([^/]+)\/container\/iac\/file\/risks$/.exec(path)
  if (c && method === 'GET') return { name: 'risks', projectId: decodeURIComponent(c[1] ?? '') }
  c = /^\/v5\/([^/]+)\/container\/iac\/file\/risk\/paths$/.exec(path)
  if (c && method === 'GET') return { name: 'paths', projectId: decodeURIComponent(c[1] ?? '') }
  c = /^\/v5\/([^/]+)\/container\/iac\/files$/.exec(path)
  if (c && method === 'GET') return { name: 'files', projectId: decodeURIComponent(c[1] ?? '') }
  let m = /^\/v5\/([^/]+)\/common\/tasks\/batch-query$/.exec(path)
  if (m && method === 'POST') return { name: 'tasks', projectId: decodeURIComponent(m[1] ?? '') }
  m = /^\/v5\/([^/]+)\/common\/tasks\/([^/]+)\/resources\/batch-query$/.exec(path)
  if (m && method === 'POST') return { name: 'resources', projectId: decodeURIComponent(m[1] ?? ''), taskId: decodeURIComponent(m[2] ?? '') }
  if (path === '/v3/projects' && method === 'GET') return { name: 'projects' }
  return undefined
}

/** HSS's query rules: offset 0–2,000,000, limit 10–200 (default 10), enterprise_project_id 1–256 chars. */
function checkQuery(params: ReadonlyMap<string, string>): { offset: number; limit: number } | string {
  const offset = params.has('offset') ? wholeNumber(params.get('offset')) : 0
  if (offset === undefined || offset > 2_000_000) return 'offset'
  const limit = params.has('limit') ? wholeNumber(params.get('limit')) : 10
  if (limit === undefined || limit < 10 || limit > 200) return 'limit'
  const ep = params.get('enterprise_project_id')
  if (ep !== undefined && (ep.length < 1 || ep.length > 256)) return 'enterprise_project_id'
  return { offset, limit }
}

function checkTaskBody(body: Record<string, unknown>): string | undefined {
  for (const field of ['task_id', 'task_name', 'trigger_type']) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return field
  }
  if (body.task_status !== undefined && !STATUSES.includes(String(body.task_status))) return 'task_status'
  if (body.sort_key !== undefined && body.sort_key !== 'start_time') return 'sort_key'
  if (body.sort_dir !== undefined && body.sort_dir !== 'asc' && body.sort_dir !== 'desc') return 'sort_dir'
  return undefined
}

/** Server-side filters: exact id, fuzzy (substring) name, status. */
function matches(task: Task, body: Record<string, unknown>): boolean {
  if (task.task_type !== body.task_type) return false
  if (typeof body.task_id === 'string' && task.task_id !== body.task_id) return false
  if (typeof body.task_name === 'string' && !String(task.task_name ?? '').includes(body.task_name)) return false
  if (typeof body.task_status === 'string' && task.task_status !== body.task_status) return false
  return true
}

function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function safeJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined
  } catch {
    return text
  }
}
