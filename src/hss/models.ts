/** HSS v5 request and response shapes (ListTasks, ListTaskResources) and the IAM project list. */
import type { TaskType } from '../inputs/config.ts'

export type TaskStatus = 'ready' | 'running' | 'finished'

/** The only status that ends the wait; HSS has no failed or cancelled status. */
export const FINISHED: TaskStatus = 'finished'

export interface IacScanInfo {
  file_type?: string
  scan_file_num?: number
  success_file_num?: number
  failed_file_num?: number
}

export interface ClusterScanInfo {
  scan_type_list?: string[]
  scanning_cluster_num?: number
  success_cluster_num?: number
  failed_cluster_num?: number
}

/** One task as HSS returns it. Status is a string: an unknown one means "not finished". */
export interface Task {
  task_id: string
  task_type?: string
  task_name?: string
  trigger_type?: string
  task_status?: string
  start_time?: number
  end_time?: number
  /** Minutes left, by HSS's estimate. */
  estimated_time?: number
  iac_scan_info?: IacScanInfo
  cluster_scan_info?: ClusterScanInfo
  [field: string]: unknown
}

export interface ListTasksBody {
  task_type: TaskType
  task_id?: string
  task_name?: string
  sort_key?: 'start_time'
  sort_dir?: 'asc' | 'desc'
}

export interface ListTasksResponse {
  total_num: number
  data_list: Task[]
}

export interface ListTaskResourcesBody {
  task_type: TaskType
  iac_scan_info?: { scan_status?: 'scanning' | 'success' | 'failed'; file_name?: string }
}

export interface IacScanResource {
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

export interface ListTaskResourcesResponse {
  total_num: number
  iac_scan_data_list?: IacScanResource[]
}

export interface Page {
  offset: number
  limit: number
}

export interface IamProjectsResponse {
  projects: { id: string; name: string }[]
}
