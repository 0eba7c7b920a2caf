/**
 * One signed request to HSS or IAM through ky, with a per-request time-out, cancellation, and every
 * failure turned into an HssError that says whether it is worth retrying.
 */
import ky from 'ky'
import type { Auth } from '../inputs/config.ts'
import { CancelledError, HssError } from '../errors.ts'
import { clip } from '../escape.ts'
import { addSecret } from '../redact.ts'
import { isRecord } from './fields.ts'
import { sign, UNSIGNED_PAYLOAD } from './signer.ts'
import { USER_AGENT } from '../version.ts'
import type { Reachability } from './reachability.ts'

export interface TransportOptions {
  auth: Auth
  /** Sent (and signed) as X-Project-Id, as the SDKs do. */
  projectId?: string
  requestTimeoutMs: number
  /** Aborts every request: the workflow was cancelled. */
  signal?: AbortSignal
  now?: () => Date
  /** One line per answer (method, URL, status, request id), for RUNNER_DEBUG. */
  debug?: (line: string) => void
  /** Told of every answer, so that a failure can be known as the endpoint's own (it never answered). */
  reach?: Reachability
}

export interface Call<T> {
  operation: string
  method: 'GET' | 'POST'
  url: URL
  /** Sent as JSON. */
  body?: unknown
  /** Sent as multipart/form-data instead (an upload): fetch writes its Content-Type, boundary and all. */
  form?: FormData
  /** Accepts a parsed 2xx body, or says it is not the expected JSON. */
  accept: (data: unknown) => data is T
  /** Shorter than the default when little time is left. */
  timeoutMs?: number
}

export type Send = <T>(call: Call<T>) => Promise<T>

export function createTransport(options: TransportOptions): Send {
  const now = options.now ?? (() => new Date())
  // Whatever else registered them, the credentials this transport sends are never echoed back out.
  for (const secret of secretsOf(options.auth)) addSecret(secret)

  return async function send<T>(call: Call<T>): Promise<T> {
    const body = call.body === undefined ? '' : JSON.stringify(call.body)
    const headers = headersFor(options, call.url, call.method, body, now(), call.form !== undefined)
    const timeoutMs = Math.max(1, Math.min(call.timeoutMs ?? options.requestTimeoutMs, options.requestTimeoutMs))
    const deadline = AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline

    let status = 0
    let text: string
    let response: Response
    try {
      response = await ky(call.url, {
        method: call.method,
        headers,
        ...(call.form ? { body: call.form } : body ? { body } : {}),
        retry: 0,
        timeout: false,
        throwHttpErrors: false,
        // A redirect would carry the signature or token to a host nobody configured.
        redirect: 'manual',
        signal,
        hooks: { afterResponse: options.debug ? [debugHook(options.debug)] : [] }
      })
      status = response.status
      options.reach?.answered(call.url.origin)
      text = await readCapped(response, MAX_BODY_BYTES)
    } catch (error) {
      if (options.signal?.aborted) throw new CancelledError()
      const origin = call.url.origin
      if (error instanceof BodyTooLarge) throw new HssError({ kind: 'bad-body', operation: call.operation, status, cause: error, origin })
      const tls = tlsFailure(error)
      if (tls) throw new HssError({ kind: 'tls', operation: call.operation, cause: tls, sent: false, origin })
      const kind = deadline.aborted ? 'timeout' : 'network'
      throw new HssError({ kind, operation: call.operation, ...(status ? { status } : {}), cause: error, sent: status ? true : mayHaveBeenSent(error), origin })
    }

    const header = response.headers.get('x-request-id')
    const requestId = header ? clip(header, MAX_REQUEST_ID) : undefined
    if (status >= 300 && status < 400) {
      throw new HssError({ kind: 'redirect', operation: call.operation, status, location: redirectTarget(response.headers.get('location'), call.url), ...(requestId ? { requestId } : {}) })
    }
    const parsed = parseJson(text)
    if (response.ok) {
      if (parsed.ok && call.accept(parsed.value)) return parsed.value
      throw new HssError({ kind: 'bad-body', operation: call.operation, status, ...(requestId ? { requestId } : {}) })
    }
    const detail = parsed.ok ? errorDetail(parsed.value) : {}
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now())
    throw new HssError({
      kind: 'http',
      operation: call.operation,
      status,
      ...(detail.code ? { errorCode: detail.code } : {}),
      ...(detail.message ? { errorMsg: detail.message } : {}),
      ...(detail.requestId || requestId ? { requestId: detail.requestId ?? requestId } : {}),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs })
    })
  }
}

/** Where a 3xx pointed: its host (and port), or why that cannot be told. Never the whole URL. */
function redirectTarget(location: string | null, from: URL): string {
  if (!location) return 'no Location header'
  try {
    return `host ${clip(new URL(location, from).host, 255) || '(none)'}`
  } catch {
    return 'an unreadable Location header'
  }
}

/**
 * Error codes that prove the request never left this machine (no connection was made), so a
 * creation that failed this way certainly did not happen. Anything else may have reached HSS.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL', 'UND_ERR_CONNECT_TIMEOUT'])

function mayHaveBeenSent(error: unknown): boolean {
  return causeWithCode(error, NOT_SENT_CODES) === undefined
}

/**
 * As the official Python, Go and Node SDKs do: a signed `Content-Type: application/json` on every
 * JSON request, GET included. A multipart upload's Content-Type carries a boundary that fetch picks,
 * so it is not signed (the Node SDK leaves it out too), and with AK/SK a signed
 * `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` stands in for the body's hash.
 */
function headersFor(options: TransportOptions, url: URL, method: string, body: string, date: Date, multipart: boolean): Record<string, string> {
  const base: Record<string, string> = multipart ? {} : { 'Content-Type': 'application/json' }
  if (options.projectId) base['X-Project-Id'] = options.projectId
  const extra = { 'User-Agent': USER_AGENT, Accept: 'application/json' }
  if (options.auth.kind === 'token') {
    return { ...base, ...extra, 'X-Auth-Token': options.auth.token }
  }
  if (multipart) base['X-Sdk-Content-Sha256'] = UNSIGNED_PAYLOAD
  return { ...sign({ method, url, headers: base, body: multipart ? '' : body }, options.auth, date), ...extra }
}

/** Logs the answer and which headers were sent (names only: values may be credentials). */
function debugHook(debug: (line: string) => void) {
  return ({ request, response }: { request: Request; response: Response }): void => {
    const sent = [...request.headers.keys()].join(', ')
    debug(`${request.method} ${request.url} → HTTP ${response.status} (request id ${response.headers.get('x-request-id') ?? 'none'}; sent headers: ${sent})`)
  }
}

/** OpenSSL's verdicts on a certificate chain that no retry can change. */
const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** The certificate error somewhere in a fetch failure's chain of causes, if there is one. */
export function tlsFailure(error: unknown): Error | undefined {
  const found = causeWithCode(error, TLS_CODES)
  return found && new Error(`${found.code}: ${found.cause.message}`)
}

/** The first error in a chain of causes whose `code` is one of `codes`. */
function causeWithCode(error: unknown, codes: ReadonlySet<string>): { code: string; cause: Error } | undefined {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 8; cause = cause.cause, depth++) {
    const code = (cause as Error & { code?: unknown }).code
    if (typeof code === 'string' && codes.has(code)) return { code, cause }
  }
  return undefined
}

/** No answer this action asks for comes near this; a larger one is refused, not buffered. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024

export class BodyTooLarge extends Error {
  constructor() {
    super(`the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`)
  }
}

export async function readCapped(response: Response, cap: number): Promise<string> {
  if (!response.body) return ''
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > cap) {
    await response.body.cancel()
    throw new BodyTooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.byteLength
    if (size > cap) throw new BodyTooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

const MAX_CODE = 64
const MAX_MESSAGE = 500
const MAX_REQUEST_ID = 128

/** Reads `{error_code, error_msg}`, `{code, message}` and `{error: {code, message}}`. */
export function errorDetail(data: unknown): { code?: string; message?: string; requestId?: string } {
  if (!isRecord(data)) return {}
  const nested = isRecord(data.error) ? data.error : undefined
  const code = firstString(data.error_code, data.code, nested?.code)
  const message = firstString(data.error_msg, data.message, nested?.message)
  const requestId = firstString(data.request_id, nested?.request_id)
  return {
    ...(code ? { code: clip(code, MAX_CODE) } : {}),
    ...(message ? { message: clip(message, MAX_MESSAGE) } : {}),
    ...(requestId ? { requestId: clip(requestId, MAX_REQUEST_ID) } : {})
  }
}


/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (!header) return undefined
  const text = header.trim()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) {
    if (typeof value === 'string' && value) return value
    if (typeof value === 'number') return String(value)
  }
  return undefined
}

function secretsOf(auth: Auth): string[] {
  return auth.kind === 'token' ? [auth.token] : [auth.secretAccessKey, auth.securityToken ?? '']
}
