/** The failures the action tells apart. Each says what went wrong in words a workflow author can act on. */

/** A bad input value, found before any request is sent. */
export class InputError extends Error {
  override name = 'InputError'
  readonly input: string

  constructor(input: string, value: string | undefined, problem: string) {
    const shown = value === undefined ? '' : ` (got ${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)})`
    super(`Input \`${input}\` ${problem}${shown}.`)
    this.input = input
  }
}

export type FailureKind = 'http' | 'network' | 'timeout' | 'bad-body' | 'tls' | 'redirect'

export interface HssErrorDetails {
  kind: FailureKind
  /** What was being asked, e.g. "ListTasks". */
  operation: string
  status?: number
  errorCode?: string
  errorMsg?: string
  requestId?: string
  /** Milliseconds the server asked us to wait (Retry-After). */
  retryAfterMs?: number
  /** For a redirect: where it pointed (the host, never the whole URL). */
  location?: string
  /** False only when the request certainly never reached the server (no connection was made). */
  sent?: boolean
  /** The endpoint asked (scheme, host and port). */
  origin?: string
  cause?: unknown
}

/**
 * A request to HSS or IAM that did not give the expected answer.
 * `transient` ones (network, time-out, 408, 429, 5xx, a body that is not the expected JSON) are retried;
 * the rest fail the step at once.
 */
export class HssError extends Error {
  override name = 'HssError'
  readonly kind: FailureKind
  readonly operation: string
  readonly status: number | undefined
  readonly errorCode: string | undefined
  readonly errorMsg: string | undefined
  readonly requestId: string | undefined
  readonly retryAfterMs: number | undefined
  /** False only when the request certainly never reached the server. */
  readonly sent: boolean
  /** The endpoint asked (scheme, host and port), when known. */
  readonly origin: string | undefined

  constructor(details: HssErrorDetails) {
    super(describe(details), { cause: details.cause })
    this.kind = details.kind
    this.operation = details.operation
    this.status = details.status
    this.errorCode = details.errorCode
    this.errorMsg = details.errorMsg
    this.requestId = details.requestId
    this.retryAfterMs = details.retryAfterMs
    this.sent = details.sent ?? true
    this.origin = details.origin
  }

  get transient(): boolean {
    // An untrusted certificate, or a redirect, does not mend itself: fail now, not at the time-out.
    if (this.kind === 'tls' || this.kind === 'redirect') return false
    if (this.kind !== 'http') return true
    const status = this.status ?? 0
    return status === 408 || status === 429 || status >= 500 || this.throttled
  }

  get throttled(): boolean {
    return this.status === 429 || this.errorCode === 'APIGW.0308'
  }
}

function describe(d: HssErrorDetails): string {
  const id = d.requestId ? ` (request id ${d.requestId})` : ''
  switch (d.kind) {
    case 'network':
      return `${d.operation}: could not reach ${d.origin ?? 'the server'}: ${causeText(d.cause)}`
    case 'timeout':
      return `${d.operation}: ${d.origin ?? 'the server'} did not answer in time`
    case 'tls':
      return `${d.operation}: TLS: the certificate of ${d.origin ?? 'the server'} is not trusted (${causeText(d.cause)}). Behind a TLS-inspecting proxy or with a private CA, set NODE_EXTRA_CA_CERTS to the CA bundle (PEM) in the step's env`
    case 'redirect':
      return `${d.operation}: HTTP ${d.status ?? '3xx'} redirect to ${d.location ?? 'an unknown place'}${id}. Redirects are not followed, so no credential goes to a host you did not configure: check endpoint and iam-endpoint`
    case 'bad-body': {
      const why = d.cause instanceof Error ? ` (${d.cause.message})` : ''
      return `${d.operation}: HTTP ${d.status ?? '?'} with a body that is not the expected JSON${why}${id}`
    }
    case 'http': {
      const code = d.errorCode ? ` ${d.errorCode}` : ''
      const msg = d.errorMsg ? `: ${d.errorMsg}` : ''
      return `${d.operation}: HTTP ${d.status ?? '?'}${code}${msg}${id}${advice(d)}`
    }
  }
}

function advice(d: HssErrorDetails): string {
  if (d.status === 401) {
    return '. Check the credentials (access-key-id/secret-access-key, security-token for temporary keys, or auth-token) and that the runner clock is right: the gateway rejects signatures more than 15 minutes off.'
  }
  if (d.status === 403 || d.errorCode === 'HSS.0010' || d.errorCode === 'HSS.0013') {
    return '. The credentials lack HSS permissions in this project: grant the IAM user or agency the "HSS ReadOnlyAccess" policy (or HSS FullAccess), and check project-id and enterprise-project-id.'
  }
  if (d.status === 404) {
    return '. Check endpoint, region and project-id.'
  }
  return ''
}

/** The failure's message, and its innermost cause's (`connect ECONNREFUSED 10.0.0.1:443`), which says what really happened. */
function causeText(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause)
  let inner: Error = cause
  for (let depth = 0; depth < 8 && inner.cause instanceof Error; depth++) inner = inner.cause
  return inner === cause ? cause.message : `${cause.message} (${inner.message})`
}

/**
 * The endpoint never answered: every connection to it failed (refused, unknown host, a proxy in the
 * way) from the run's start on, so no task could be asked for, and no scan was sent.
 */
export class UnreachableError extends Error {
  override name = 'UnreachableError'
  readonly failure: HssError
  readonly endpoint: string
  readonly region: string | undefined
  readonly proxy: string | undefined
  constructor(details: { failure: HssError; endpoint: string; region: string | undefined; proxy: string | undefined }) {
    const where = [details.region ? `region ${details.region}` : '', details.proxy ? `through the proxy ${details.proxy}` : 'with no proxy'].filter(Boolean).join(', ')
    super(`${details.endpoint} could not be reached (${where}): ${details.failure.message}`, { cause: details.failure })
    this.failure = details.failure
    this.endpoint = details.endpoint
    this.region = details.region
    this.proxy = details.proxy
  }
}

/** What the runner gave the step (its event, its environment) cannot be used as the inputs ask. */
export class RunContextError extends Error {
  override name = 'RunContextError'
}

/** The workflow was cancelled (SIGINT or SIGTERM) while the action waited. */
export class CancelledError extends Error {
  override name = 'CancelledError'
  constructor(detail?: string) {
    super(`cancelled: the workflow run was cancelled ${detail ?? 'while waiting'}`)
  }
}
