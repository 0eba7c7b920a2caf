/**
 * Starts the scan (CreateTask), at most once per run. A creation is repeated only when it cannot
 * have happened: a 429 (the gateway throttled it before HSS saw it), or a connection that was never
 * made. Every other failure is ambiguous, any 5xx included: Huawei's gateway answers a backend
 * time-out as 504 with an error body of its own, and the backend may have made the task. So the
 * action does not try again: it stops and says what to look for, so that the scan is not run twice.
 */
import { CancelledError, HssError } from '../../errors.ts'
import type { HssClient } from '../../hss/client.ts'
import type { CreateTaskBody } from '../../hss/models.ts'
import type { CreateSpec } from '../../inputs/config.ts'
import { formatUtc } from '../../inputs/parse.ts'
import { retryTransient, type RetryContext } from '../paging/retry.ts'

/** The creation may have happened: the message says when, and what kind of task to look for. */
export class AmbiguousCreation extends Error {
  override name = 'AmbiguousCreation'
  readonly failure: HssError
  /** `An iac_scan task may have been started at … (3 dockerfile files)`: what to look for. */
  readonly lead: string
  constructor(failure: HssError, spec: CreateSpec, at: number) {
    super(`${failure.message}. ${whatCameBack(failure)}, so ${mayExist(spec, at)}. The action does not try again, so as not to scan twice: look for that task in the HSS console and judge it with its id in task-id (and create-task: false), or re-run as is to start a new scan`)
    this.failure = failure
    const lead = mayExist(spec, at)
    this.lead = `${lead[0]?.toUpperCase() ?? ''}${lead.slice(1)}`
  }
}

/** What came back from an ambiguous creation, in words. */
function whatCameBack(failure: HssError): string {
  switch (failure.kind) {
    case 'timeout':
      return 'The answer never came'
    case 'network':
      return 'The connection broke before the answer came'
    case 'bad-body':
      return `HSS answered HTTP ${failure.status ?? '?'}, but not with the new task's id`
    default:
      return `HSS answered HTTP ${failure.status ?? '?'}${failure.errorCode ? ` ${failure.errorCode}` : ''}, which does not say whether the task was made (a gateway answers a backend time-out this way)`
  }
}

/** `an iac_scan task may have been started at … (3 dockerfile files)`. */
export function mayExist(spec: CreateSpec, at: number): string {
  return `an ${spec.taskType} task may have been started at ${formatUtc(at)} (${scope(spec)})`
}

export type CreateOutcome = { ok: true; taskId: string } | { ok: false; error: HssError }

/** The creation cannot have happened (a 429, or no connection was made), so repeating it cannot start a second scan. */
export function certainlyNotCreated(error: HssError): boolean {
  // An untrusted certificate or a redirect will not mend itself: it is not tried again.
  if (error.kind === 'tls' || error.kind === 'redirect') return false
  if (!error.sent) return true
  return error.kind === 'http' && error.status === 429
}

/**
 * Resolves to the new task's id, or (not ok) the last refusal when the time ran out while HSS kept
 * saying no. Throws AmbiguousCreation when the creation may have happened, and permanent refusals
 * (400, 401, 403, 404, a redirect) as they are.
 */
export async function startTask(client: HssClient, spec: CreateSpec, ctx: RetryContext): Promise<CreateOutcome> {
  const body = bodyOf(spec)
  let sentAt = ctx.clock.now()
  let inFlight = false
  try {
    const created = await retryTransient(async (timeoutMs) => {
      sentAt = ctx.clock.now()
      inFlight = true
      const id = await client.createTask(body, timeoutMs)
      inFlight = false
      return id
    }, { ...ctx, retryable: certainlyNotCreated })
    return created.ok ? { ok: true, taskId: created.value } : { ok: false, error: created.error }
  } catch (error) {
    // Cancelled while the request was out: HSS may have made the task all the same.
    if (error instanceof CancelledError && inFlight) throw new CancelledError(`while CreateTask was under way: ${mayExist(spec, sentAt)}; look for it in the HSS console before you re-run`)
    if (error instanceof HssError && error.transient) throw new AmbiguousCreation(error, spec, sentAt)
    throw error
  }
}

export function bodyOf(spec: CreateSpec): CreateTaskBody {
  if (spec.taskType === 'iac_scan') {
    return { task_type: 'iac_scan', iac_scan_info: { file_type: spec.fileType, file_id_list: spec.fileIds } }
  }
  return {
    task_type: 'cluster_scan',
    cluster_scan_info: {
      scan_type_list: spec.scanTypes,
      ...(spec.clusterIds.length ? { range_type: 'specific_cluster', cluster_id_list: spec.clusterIds } : { range_type: 'all_cluster' })
    }
  }
}

/** `3 dockerfile files` or `cluster_vul on all clusters`, for log lines and messages. */
export function scope(spec: CreateSpec): string {
  if (spec.taskType === 'iac_scan') return `${spec.fileIds.length} ${spec.fileType} ${spec.fileIds.length === 1 ? 'file' : 'files'}`
  const clusters = spec.clusterIds.length ? `${spec.clusterIds.length} ${spec.clusterIds.length === 1 ? 'cluster' : 'clusters'}` : 'all clusters'
  return `${spec.scanTypes.join(', ')} on ${clusters}`
}
