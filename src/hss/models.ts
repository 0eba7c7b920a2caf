/**
 * HSS v5 request and response shapes and the IAM project list.
 * A response field is `unknown` until a reader in fields.ts has checked it: HSS's SDKs treat every
 * field as optional, and the gate must not trust a shape it has not seen.
 */
import type { TaskType } from '../inputs/config.ts'

export type TaskStatus = 'ready' | 'running' | 'finished'

/** The only status that ends the wait; HSS has no failed or cancelled status. */
export const FINISHED: TaskStatus = 'finished'

/** One task as HSS returns it: a record with a string id, every other field as sent. */
export interface Task {
  task_id: string
  [field: string]: unknown
}

export interface ListTasksBody {
  task_type: TaskType
  task_id?: string
  task_name?: string
  sort_key?: 'start_time'
  sort_dir?: 'asc' | 'desc'
}

/** One page of a list: the usable rows, how many rows HSS sent, and its total (when readable). */
export interface ListPage<T> {
  items: T[]
  /** Rows in the answer, usable or not: paging goes by this. */
  rows: number
  /** HSS's `total_num`, when it is a whole number. */
  total: number | undefined
}

export interface ListTaskResourcesBody {
  task_type: TaskType
  iac_scan_info?: { scan_status?: 'scanning' | 'success' | 'failed'; file_name?: string }
}

/** One file of an IaC scan task, as HSS returns it. */
export interface IacScanResource {
  [field: string]: unknown
}

/** CreateTask's body: an IaC scan of uploaded files, or a cluster scan. */
export type CreateTaskBody =
  | { task_type: 'iac_scan'; iac_scan_info: { file_type: string; file_id_list: string[] } }
  | { task_type: 'cluster_scan'; cluster_scan_info: { scan_type_list: string[]; range_type: 'all_cluster' | 'specific_cluster'; cluster_id_list?: string[] } }

/** One IaC risk of a file (ListIacFileRisks), as HSS returns it. */
export interface IacFileRisk {
  [field: string]: unknown
}

/** Where a Kubernetes YAML risk sits (ListIacFileRiskPaths), as HSS returns it. */
export interface IacRiskPath {
  [field: string]: unknown
}

/** An IaC file HSS holds (ListIacFiles), as HSS returns it. */
export interface IacFile {
  [field: string]: unknown
}

export interface Page {
  offset: number
  limit: number
}

export interface IamProjectsResponse {
  projects: { id: string; name: string }[]
}

/** One file of an upload: the name HSS is given (a base name) and its bytes. */
export interface UploadPart {
  name: string
  content: Uint8Array<ArrayBuffer>
}

/** BatchUploadFiles' answer, its rows unchecked: `success_file_info` (`file_name`, `file_id`) and `fail_file_info` (`file_name`, `fail_reason`). */
export interface UploadAnswer {
  succeeded: unknown[]
  failed: unknown[]
}
