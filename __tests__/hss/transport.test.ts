import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { CancelledError, HssError } from '../../src/errors.ts'
import { createHssClient, type HssClient } from '../../src/hss/client.ts'
import { createTransport, errorDetail, parseRetryAfter } from '../../src/hss/transport.ts'
import { clip } from '../../src/escape.ts'
import { addSecret } from '../../src/redact.ts'
import { USER_AGENT } from '../../src/version.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator, type Simulator } from '../../simulator/server.ts'
import { iacTask } from '../../simulator/tasks.ts'

let sim: Simulator
beforeAll(async () => {
  sim = await startSimulator({ tasks: [{ task: iacTask('t-1', 'iac-pr-1', { scanned: 3, succeeded: 3, failed: 0 }) }], tokens: ['good-token'] })
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.requests.length = 0
  sim.setStandingFault(undefined)
})

function client(overrides: Partial<Parameters<typeof createTransport>[0]> = {}): HssClient {
  const send = createTransport({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, projectId: DEMO_PROJECT_ID, requestTimeoutMs: 2000, ...overrides })
  return createHssClient(send, { endpoint: sim.url, projectId: DEMO_PROJECT_ID, enterpriseProjectId: undefined })
}

const query = { task_type: 'iac_scan', task_id: 't-1' } as const
const page = { offset: 0, limit: 10 }

/** A server that records whatever reaches it (headers included): a redirect must never get here. */
async function startCapture(host: string): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    seen.push(req.headers)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ total_num: 1, data_list: [iacTask('t-1', 'forged', { scanned: 1, succeeded: 1, failed: 0 })] }))
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://${host}:${port}`, seen, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function failure(promise: Promise<unknown>): Promise<HssError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof HssError) return error
    throw error
  }
  throw new Error('expected an HssError')
}

describe('signed requests', () => {
  it('are accepted by the simulator and carry the headers the SDKs send', async () => {
    const answer = await client().listTasks(query, page)
    expect(answer.items.map((t) => t.task_id)).toEqual(['t-1'])
    const [request] = sim.requests
    expect(request?.headers['user-agent']).toBe(USER_AGENT)
    expect(request?.headers['x-project-id']).toBe(DEMO_PROJECT_ID)
    expect(request?.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/)
    expect(request?.query).toEqual({ offset: '0', limit: '10' })
  })

  it('sends enterprise_project_id when set', async () => {
    const send = createTransport({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, requestTimeoutMs: 2000 })
    await createHssClient(send, { endpoint: sim.url, projectId: DEMO_PROJECT_ID, enterpriseProjectId: 'all_granted_eps' }).listTasks(query, page)
    expect(sim.requests[0]?.query.enterprise_project_id).toBe('all_granted_eps')
  })

  it('sends a token as X-Auth-Token, unsigned', async () => {
    await client({ auth: { kind: 'token', token: 'good-token' } }).listTasks(query, page)
    expect(sim.requests[0]?.headers['x-auth-token']).toBe('good-token')
    expect(sim.requests[0]?.headers.authorization).toBeUndefined()
  })
})

describe('failures are classified', () => {
  it('401 is permanent and points at credentials and the clock', async () => {
    const error = await failure(client({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: 'wrong' } }).listTasks(query, page))
    expect(error.transient).toBe(false)
    expect(error.status).toBe(401)
    expect(error.errorCode).toBe('APIGW.0301')
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/)
    expect(error.message).toMatch(/HTTP 401 APIGW.0301: Incorrect IAM authentication information.*request id [0-9a-f]{32}.*credentials.*clock/)
  })

  it('a clock more than 15 minutes off is refused as 401', async () => {
    const error = await failure(client({ now: () => new Date(Date.now() - 20 * 60_000) }).listTasks(query, page))
    expect(error.status).toBe(401)
  })

  it('403 is permanent and names the IAM permissions', async () => {
    sim.queueFault({ kind: 'error', status: 400, code: 'HSS.0013', message: 'insufficient permissions' })
    const error = await failure(client().listTasks(query, page))
    expect(error.transient).toBe(false)
    expect(error.message).toMatch(/HTTP 400 HSS.0013: insufficient permissions.*HSS ReadOnlyAccess/)
  })

  it('400 and 404 are permanent', async () => {
    const badLimit = await failure(client().listTasks(query, { offset: 0, limit: 5 }))
    expect([badLimit.status, badLimit.errorCode, badLimit.transient]).toEqual([400, 'HSS.0001', false])
    const send = createTransport({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, requestTimeoutMs: 2000 })
    const missing = await failure(createHssClient(send, { endpoint: `${sim.url}/nope`, projectId: DEMO_PROJECT_ID, enterpriseProjectId: undefined }).listTasks(query, page))
    expect([missing.status, missing.errorCode, missing.transient]).toEqual([404, 'APIGW.0101', false])
  })

  it.each([
    ['5xx', { kind: 'status', status: 503, body: 'upstream down' }, 'http'],
    ['an HTML gateway page', { kind: 'html' }, 'http'],
    ['HTML with 200', { kind: 'html', status: 200 }, 'bad-body'],
    ['malformed JSON', { kind: 'malformed' }, 'bad-body'],
    ['an empty body', { kind: 'empty-body' }, 'bad-body'],
    ['a connection reset', { kind: 'reset' }, 'network'],
    ['a truncated body', { kind: 'truncated' }, 'network'],
    ['a hung connection', { kind: 'hang' }, 'timeout']
  ] as const)('%s is transient', async (_name, fault, kind) => {
    sim.queueFault(fault)
    const error = await failure(client({ requestTimeoutMs: 500 }).listTasks(query, page))
    expect(error.kind).toBe(kind)
    expect(error.transient).toBe(true)
  })

  it('429 APIGW.0308 is transient, throttled, and keeps Retry-After', async () => {
    sim.queueFault({ kind: 'throttle', retryAfter: '7' })
    const error = await failure(client().listTasks(query, page))
    expect([error.status, error.errorCode, error.transient, error.throttled, error.retryAfterMs]).toEqual([429, 'APIGW.0308', true, true, 7000])
  })

  it.each([301, 302, 303, 307, 308])('a %i redirect is not followed: a permanent error that names the status and the host', async (status) => {
    const elsewhere = await startCapture('127.0.0.2')
    try {
      sim.queueFault({ kind: 'redirect', status, location: `${elsewhere.url}/v5/${DEMO_PROJECT_ID}/common/tasks/batch-query` })
      const error = await failure(client({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK, securityToken: 'st-0123456789' } }).listTasks(query, page))
      expect([error.kind, error.status, error.transient]).toEqual(['redirect', status, false])
      expect(error.message).toContain(`HTTP ${status} redirect to host ${new URL(elsewhere.url).host}`)
      expect(elsewhere.seen).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })

  it('a redirect with a hostile Location names no more than one clean line', async () => {
    sim.queueFault({ kind: 'redirect', status: 307, location: 'http://[bad ::error::x' })
    const error = await failure(client().listTasks(query, page))
    expect(error.message).toContain('redirect to an unreadable Location header')
  })

  it('a cancelled workflow aborts the request at once', async () => {
    sim.queueFault({ kind: 'hang' })
    const cancel = new AbortController()
    const pending = client({ signal: cancel.signal, requestTimeoutMs: 10_000 }).listTasks(query, page)
    setTimeout(() => cancel.abort(), 50)
    await expect(pending).rejects.toBeInstanceOf(CancelledError)
  })

  it('never echoes a credential that the server put in its error message', async () => {
    sim.queueFault({ kind: 'error', status: 400, code: 'HSS.0001', message: `invalid parameter: secret ${DEMO_SK} and token tok-SECRET-123` })
    const error = await failure(client({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK, securityToken: 'tok-SECRET-123' } }).listTasks(query, page))
    expect(error.message).not.toContain(DEMO_SK)
    expect(error.message).not.toContain('tok-SECRET-123')
    expect(error.message).toContain('***')
  })
})

describe('helpers', () => {
  it('reads the three error shapes', () => {
    expect(errorDetail({ error_code: 'HSS.0001', error_msg: 'bad', request_id: 'r1' })).toEqual({ code: 'HSS.0001', message: 'bad', requestId: 'r1' })
    expect(errorDetail({ code: 'APIGW.0101', message: 'no api' })).toEqual({ code: 'APIGW.0101', message: 'no api' })
    expect(errorDetail({ error: { code: 'IAM.0001', message: 'nested\nline' } })).toEqual({ code: 'IAM.0001', message: 'nested line' })
    expect(errorDetail('<html>')).toEqual({})
  })

  it('reads Retry-After as seconds or a date', () => {
    const now = new Date('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
  })

  it('removes secrets from server text before it cuts it, so no piece survives the cut', () => {
    addSecret(DEMO_SK)
    // Cut first, the first 14 characters of the secret key would stay.
    const code = `${'E'.repeat(50)}${DEMO_SK}`
    expect(clip(code, 64)).toBe(`${'E'.repeat(50)}***`)
    expect(errorDetail({ error_code: code, request_id: `r ${DEMO_SK}` })).toEqual({ code: `${'E'.repeat(50)}***`, requestId: 'r ***' })
  })
})
