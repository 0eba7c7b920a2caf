/**
 * What every phase of the gate gets: the services that talk to HSS, GitHub and the checkout, the
 * clock and the log. Everything that talks to a server comes in through `GateDeps`, so tests run
 * the phases on a fake clock; a phase imports its types from here, never from run.ts.
 */
import type { Clock } from '../clock.ts'
import type { HssClient } from '../hss/client.ts'
import type { Reachability } from '../hss/reachability.ts'
import type { PullRequestEvent } from '../inputs/event.ts'
import type { GitHubApi } from '../repo/github.ts'
import type { Checkout } from '../repo/checkout.ts'
import { slidingWindow, type Pacer } from './paging/pace.ts'
import type { SourceLinks } from './report.ts'

export interface GateLog {
  info(line: string): void
  warning(line: string): void
  /** Folds a phase's lines in the log (the runner's ::group::), when the log can. */
  group?(title: string): void
  endGroup?(): void
}

export interface GateDeps {
  clock: Clock
  random: () => number
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal
  log: GateLog
  /** One IAM look-up of the project id (the gate retries it); undefined when project-id is given. */
  lookUpProjectId?: (timeoutMs: number) => Promise<string>
  /** An HSS client for the project. */
  hss: (projectId: string) => HssClient
  /** The checked-out repository: where HSS's files are, and what upload-files names. */
  checkout: Checkout
  /** The pull request of a pull-request event; `unreadable` when its event file does not say. */
  pullRequest: PullRequestEvent | 'unreadable' | undefined
  /** GitHub's API, on pull-request events. */
  github: GitHubApi | undefined
  /** GITHUB_RUN_ID: whose start decides which copies are stale. */
  runId: string | undefined
  /** Which endpoints have answered (the transports tell it), so a failure can be known as the endpoint's own. */
  reach?: Reachability
  source?: SourceLinks
}

/** The longest a single request may take. */
export const REQUEST_TIMEOUT_MS = 30_000
/**
 * HSS allows one user 5 calls a minute per API, and each API that lists or uploads (all but ListTasks,
 * whose pace is poll-interval) is paced within it: at most 5 calls in any minute. A poll-interval
 * below 12 s (a simulator's) shortens that minute in proportion, so tests and demos run fast.
 */
export function budgetPacer(clock: Clock, pollIntervalMs: number): Pacer {
  return slidingWindow(clock, { calls: BUDGET_CALLS, windowMs: BUDGET_CALLS * Math.min(pollIntervalMs, BUDGET_SPACING_MS) })
}
export const BUDGET_CALLS = 5
/** One call every 12 s spends the whole budget of 5 a minute. */
export const BUDGET_SPACING_MS = 12_000

/** Runs one phase with its log lines folded under a title. */
export async function phase<T>(deps: GateDeps, title: string, work: () => Promise<T>): Promise<T> {
  deps.log.group?.(title)
  try {
    return await work()
  } finally {
    deps.log.endGroup?.()
  }
}

