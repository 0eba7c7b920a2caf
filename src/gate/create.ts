/**
 * Starts the scan (CreateTask), at most once per run. A creation is repeated only when HSS said it
 * did not happen: a 429, a 5xx with an error body, or a connection that was never made. After an
 * ambiguous failure (no answer, a cut connection, a gateway page, an answer that is not the
 * expected JSON) a task may exist, so the action does not try again: it stops and says what to
 * look for, so that the scan is not run twice.
 */
import { HssError } from '../errors.ts'
import type { HssClient } from '../hss/client.ts'
import type { CreateTaskBody } from '../hss/models.ts'
import type { CreateSpec } from '../inputs/config.ts'
import { formatUtc } from '../inputs/parse.ts'
import { retryTransient, type RetryContext } from './retry.ts'

/** The creation may have happened: the message says when, and what kind of task to look for. */
export class AmbiguousCreation extends Error {
  override name = 'AmbiguousCreation'
  readonly failure: HssError
  constructor(failure: HssError, spec: CreateSpec, at: number) {
    super(
      `${failure.message}. The answer never came, so an ${spec.taskType} task may have been started at ${formatUtc(at)} (${scope(spec)}). ` +
        'The action does not try again, so as not to scan twice: look for that task in the HSS console, and re-run with its id in task-id, or re-run as is to start a new scan'
    )
    this.failure = failure
  }
}

export type CreateOutcome = { ok: true; taskId: string } | { ok: false; error: HssError }

/** HSS said the creation did not happen (and may say otherwise later), so repeating it cannot start a second scan. */
export function certainlyNotCreated(error: HssError): boolean {
  if (!error.transient) return false
  if (!error.sent) return true
  if (error.kind !== 'http') return false
  if (error.throttled) return true
  const hssAnswered = error.errorCode !== undefined || error.errorMsg !== undefined
  return (error.status ?? 0) >= 500 && hssAnswered
}

/**
 * Resolves to the new task's id, or (not ok) the last refusal when the time ran out while HSS kept
 * saying no. Throws AmbiguousCreation when the creation may have happened, and permanent refusals
 * (400, 401, 403, 404, a redirect) as they are.
 */
export async function startTask(client: HssClient, spec: CreateSpec, ctx: RetryContext): Promise<CreateOutcome> {
  const body = bodyOf(spec)
  let sentAt = ctx.clock.now()
  try {
    const created = await retryTransient((timeoutMs) => {
      sentAt = ctx.clock.now()
      return client.createTask(body, timeoutMs)
    }, { ...ctx, retryable: certainlyNotCreated })
    return created.ok ? { ok: true, taskId: created.value } : { ok: false, error: created.error }
  } catch (error) {
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
