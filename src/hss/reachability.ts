/**
 * Whether an endpoint has ever answered. A connection that fails after HSS answered once is a passing
 * fault (retried until `timeout`); one that fails before HSS (or IAM) ever answered is most likely
 * the endpoint's own: a wrong region or endpoint, a firewall, a proxy. So until an answer comes,
 * connection failures are retried for at most REACH_WINDOW_MS from the run's start, and then the run
 * ends saying that HSS could not be reached, naming the endpoint, the region and the proxy: never
 * that a task is missing, and never that a scan that was never sent may have started.
 */
import { HssError, UnreachableError } from '../errors.ts'

/** How long a run waits for an endpoint that has never answered: the run then ends within 60 s. */
export const REACH_WINDOW_MS = 50_000

export interface Reachability {
  /** The run's start: the window counts from it. */
  readonly since: number
  /** An answer (any HTTP status) came from this origin. */
  answered(origin: string): void
  /** Whether any endpoint has answered yet. */
  anyAnswer(): boolean
  /** The failure, when it is a connection failure at an endpoint that has never answered; undefined otherwise. */
  unreached(error: HssError): UnreachableError | undefined
}

export interface ReachabilityOptions {
  since: number
  region: string | undefined
  env: Readonly<Record<string, string | undefined>>
}

export function reachability(options: ReachabilityOptions): Reachability {
  const answered = new Set<string>()
  return {
    since: options.since,
    answered: (origin) => void answered.add(origin),
    anyAnswer: () => answered.size > 0,
    unreached(error) {
      if (!error.origin || answered.has(error.origin) || (error.kind !== 'network' && error.kind !== 'timeout')) return undefined
      return new UnreachableError({ failure: error, endpoint: error.origin, region: options.region, proxy: proxyFor(error.origin, options.env) })
    }
  }
}

/** The proxy the environment names for this origin (its scheme, host and port only: no credentials), unless NO_PROXY leaves the origin out. */
export function proxyFor(origin: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  let target: URL
  try {
    target = new URL(origin)
  } catch {
    return undefined
  }
  const raw = target.protocol === 'https:' ? (env.HTTPS_PROXY ?? env.https_proxy) : (env.HTTP_PROXY ?? env.http_proxy)
  if (!raw) return undefined
  const noProxy = (env.NO_PROXY ?? env.no_proxy ?? '').split(',').map((entry) => entry.trim().toLowerCase()).filter(Boolean)
  const host = target.hostname.toLowerCase()
  if (noProxy.some((entry) => entry === '*' || host === entry.replace(/^\./, '') || host.endsWith(entry.startsWith('.') ? entry : `.${entry}`))) return undefined
  try {
    const proxy = new URL(raw)
    return `${proxy.protocol}//${proxy.host}`
  } catch {
    return 'a proxy whose address cannot be read'
  }
}
