/** The HSS operations this action needs: ListTasks and ListTaskResources. */
import type { ListTaskResourcesBody, ListTaskResourcesResponse, ListTasksBody, ListTasksResponse, Page } from './models.ts'
import { withQuery } from './signer.ts'
import { isRecord, type Send } from './transport.ts'

export interface HssClient {
  listTasks(body: ListTasksBody, page: Page, timeoutMs?: number): Promise<ListTasksResponse>
  listTaskResources(taskId: string, body: ListTaskResourcesBody, page: Page): Promise<ListTaskResourcesResponse>
}

export interface HssClientOptions {
  endpoint: string
  projectId: string
  enterpriseProjectId: string | undefined
}

export function createHssClient(send: Send, options: HssClientOptions): HssClient {
  const url = (path: string, page: Page): URL =>
    withQuery(new URL(`${options.endpoint}/v5/${encodeURIComponent(options.projectId)}/${path}`), {
      enterprise_project_id: options.enterpriseProjectId,
      offset: String(page.offset),
      limit: String(page.limit)
    })

  return {
    listTasks: (body, page, timeoutMs) =>
      send({
        operation: 'ListTasks',
        method: 'POST',
        url: url('common/tasks/batch-query', page),
        body,
        accept: isListTasksResponse,
        ...(timeoutMs === undefined ? {} : { timeoutMs })
      }),
    listTaskResources: (taskId, body, page) =>
      send({
        operation: 'ListTaskResources',
        method: 'POST',
        url: url(`common/tasks/${encodeURIComponent(taskId)}/resources/batch-query`, page),
        body,
        accept: isListTaskResourcesResponse
      })
  }
}

export function isListTasksResponse(data: unknown): data is ListTasksResponse {
  return (
    isRecord(data) &&
    typeof data.total_num === 'number' &&
    Array.isArray(data.data_list) &&
    data.data_list.every((task) => isRecord(task) && typeof task.task_id === 'string')
  )
}

export function isListTaskResourcesResponse(data: unknown): data is ListTaskResourcesResponse {
  if (!isRecord(data) || typeof data.total_num !== 'number') return false
  // Cluster scans answer cluster_scan_data_list instead; an absent list reads as empty.
  const list = data.iac_scan_data_list ?? []
  return Array.isArray(list) && list.every(isRecord)
}
