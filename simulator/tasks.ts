/** Scripted task life-cycles: what ListTasks and ListTaskResources answer at a given moment. */
import type { Task } from '../src/hss/models.ts'

/** A task as the simulator scripts it: HSS's fields, typed as HSS documents them (any may be overridden). */
export interface SimTask extends Task {
  task_type?: unknown
  task_name?: unknown
  trigger_type?: unknown
  task_status?: unknown
  start_time?: unknown
  end_time?: unknown
  estimated_time?: unknown
  iac_scan_info?: unknown
  cluster_scan_info?: unknown
}

/** One file of an IaC scan, as the simulator scripts it for ListTaskResources. */
export interface SimResource {
  file_name?: string
  file_type?: string
  chart_name?: string
  file_id?: string
  file_size?: number
  scan_status?: string
  failed_reason?: string
  start_time?: number
  end_time?: number
  [field: string]: unknown
}

/** A stage of a task's life, in force once both conditions hold (the latest such stage wins). */
export interface Phase {
  /** ListTasks queries the simulator has answered (any task). */
  afterQueries?: number
  /** Milliseconds since the simulator started. */
  afterMs?: number
  status: string
  /** Fields merged into the task (counts, estimated_time, end_time, …). */
  patch?: Partial<SimTask>
}

export interface ScriptedTask {
  task: SimTask
  /** Not listed at all before this stage (a task created after the step started). */
  appear?: { afterQueries?: number; afterMs?: number }
  phases?: Phase[]
  /** Per-file results for ListTaskResources. */
  resources?: SimResource[]
}

export interface Moment {
  queries: number
  elapsedMs: number
}

function reached(at: { afterQueries?: number; afterMs?: number } | undefined, now: Moment): boolean {
  return !at || ((at.afterQueries ?? 0) <= now.queries && (at.afterMs ?? 0) <= now.elapsedMs)
}

/** The task as HSS would show it now, or undefined when it does not exist yet. */
export function taskAt(script: ScriptedTask, now: Moment): SimTask | undefined {
  if (!reached(script.appear, now)) return undefined
  let task: SimTask = { ...script.task }
  for (const phase of script.phases ?? []) {
    if (reached(phase, now)) task = { ...task, ...phase.patch, task_status: phase.status }
  }
  return task
}

/** An IaC scan task as HSS returns it: finished with the given counts. */
export function iacTask(id: string, name: string, counts: { scanned: number; succeeded: number; failed: number }, extra: Partial<SimTask> = {}): SimTask {
  return {
    task_id: id,
    task_type: 'iac_scan',
    task_name: name,
    trigger_type: 'manual',
    task_status: 'finished',
    start_time: 1_745_311_451_000,
    end_time: 1_745_311_631_000,
    estimated_time: 0,
    iac_scan_info: {
      file_type: 'k8s_yaml',
      scan_file_num: counts.scanned,
      success_file_num: counts.succeeded,
      failed_file_num: counts.failed
    },
    ...extra
  }
}

/** A cluster scan task: scanning + success + failed clusters. */
export function clusterTask(id: string, name: string, counts: { scanning: number; succeeded: number; failed: number }, extra: Partial<SimTask> = {}): SimTask {
  return {
    task_id: id,
    task_type: 'cluster_scan',
    task_name: name,
    trigger_type: 'schedule',
    task_status: 'finished',
    start_time: 1_745_311_451_000,
    end_time: 1_745_312_051_000,
    estimated_time: 0,
    cluster_scan_info: {
      scan_type_list: ['cluster_vul', 'risk_assessment'],
      scanning_cluster_num: counts.scanning,
      success_cluster_num: counts.succeeded,
      failed_cluster_num: counts.failed
    },
    ...extra
  }
}

/** `n` failed files with reasons. */
export function failedFiles(n: number, make: (i: number) => Partial<SimResource> = () => ({})): SimResource[] {
  return Array.from({ length: n }, (_, i) => ({
    file_name: `deploy/app-${i + 1}.yaml`,
    file_type: 'k8s_yaml',
    file_id: `file-${i + 1}`,
    file_size: 1024,
    scan_status: 'failed',
    failed_reason: `parse error at line ${i + 3}: mapping values are not allowed here`,
    ...make(i)
  }))
}
