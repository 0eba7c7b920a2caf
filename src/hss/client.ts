/**
 * The HSS operations this action needs: ListTasks, ListTaskResources, CreateTask, ListIacFileRisks,
 * ListIacFileRiskPaths, ListIacFiles, and BatchUploadFiles (which the SDKs modelled in 3.1.160–161).
 */
import type { FileType } from '../inputs/task.ts'
import { isRecord, serverId, wholeNumber } from './fields.ts'
import type { CreateTaskBody, IacFile, IacFileRisk, IacRiskPath, IacScanResource, ListPage, ListTaskResourcesBody, ListTasksBody, Page, Task, UploadAnswer, UploadPart } from './models.ts'
import { withQuery } from './signer.ts'
import type { Send } from './transport.ts'

export interface HssClient {
  listTasks(body: ListTasksBody, page: Page, timeoutMs?: number): Promise<ListPage<Task>>
  listTaskResources(taskId: string, body: ListTaskResourcesBody, page: Page, timeoutMs?: number): Promise<ListPage<IacScanResource>>
  /** Starts a scan; resolves to the new task's id. */
  createTask(body: CreateTaskBody, timeoutMs?: number): Promise<string>
  listIacFileRisks(fileId: string, page: Page, timeoutMs?: number): Promise<ListPage<IacFileRisk>>
  /** Where in a Kubernetes YAML file one rule's risks sit: one row per resource and path. */
  listIacFileRiskPaths(fileId: string, ruleId: string, page: Page, timeoutMs?: number): Promise<ListPage<IacRiskPath>>
  /** The IaC files HSS holds of one scan type (the SDKs require it): the project's, or the one with this id. */
  listIacFiles(query: { fileId?: string; scanType: ScanType }, page: Page, timeoutMs?: number): Promise<ListPage<IacFile>>
  /** Uploads at most 10 files of one type (multipart); HSS keeps all of them or none. */
  batchUploadFiles(fileType: FileType, files: readonly UploadPart[], timeoutMs?: number): Promise<UploadAnswer>
}

/** How a file reached HSS: an upload (the console, BatchUploadFiles) or HSS's CI/CD integration. */
export type ScanType = 'manual_scan' | 'cicd_scan'

export interface HssClientOptions {
  endpoint: string
  projectId: string
  enterpriseProjectId: string | undefined
}

export function createHssClient(send: Send, options: HssClientOptions): HssClient {
  const url = (path: string, page?: Page, extra: Record<string, string> = {}): URL =>
    withQuery(new URL(`${options.endpoint}/v5/${encodeURIComponent(options.projectId)}/${path}`), {
      enterprise_project_id: options.enterpriseProjectId,
      ...(page ? { offset: String(page.offset), limit: String(page.limit) } : {}),
      ...extra
    })
  const timeout = (timeoutMs: number | undefined) => (timeoutMs === undefined ? {} : { timeoutMs })

  return {
    listTasks: async (body, page, timeoutMs) => {
      const answer = await send({ operation: 'ListTasks', method: 'POST', url: url('common/tasks/batch-query', page), body, accept: isListAnswer('data_list'), ...timeout(timeoutMs) })
      return pageOf(answer, 'data_list', isTask)
    },
    listTaskResources: async (taskId, body, page, timeoutMs) => {
      const path = `common/tasks/${encodeURIComponent(taskId)}/resources/batch-query`
      const answer = await send({ operation: 'ListTaskResources', method: 'POST', url: url(path, page), body, accept: isListAnswer('iac_scan_data_list'), ...timeout(timeoutMs) })
      return pageOf(answer, 'iac_scan_data_list', isRecord)
    },
    createTask: async (body, timeoutMs) => {
      const answer = await send({ operation: 'CreateTask', method: 'POST', url: url('common/task'), body, accept: isCreated, ...timeout(timeoutMs) })
      return answer.task_id
    },
    listIacFileRisks: async (fileId, page, timeoutMs) => {
      const answer = await send({ operation: 'ListIacFileRisks', method: 'GET', url: url('container/iac/file/risks', page, { file_id: fileId }), accept: isListAnswer('data_list'), ...timeout(timeoutMs) })
      return pageOf(answer, 'data_list', isRecord)
    },
    listIacFileRiskPaths: async (fileId, ruleId, page, timeoutMs) => {
      const query = { file_id: fileId, rule_id: ruleId }
      const answer = await send({ operation: 'ListIacFileRiskPaths', method: 'GET', url: url('container/iac/file/risk/paths', page, query), accept: isListAnswer('data_list'), ...timeout(timeoutMs) })
      return pageOf(answer, 'data_list', isRecord)
    },
    listIacFiles: async ({ fileId, scanType }, page, timeoutMs) => {
      const query = { scan_type: scanType, ...(fileId === undefined ? {} : { file_id: fileId }) }
      const answer = await send({ operation: 'ListIacFiles', method: 'GET', url: url('container/iac/files', page, query), accept: isListAnswer('data_list'), ...timeout(timeoutMs) })
      return pageOf(answer, 'data_list', isRecord)
    },
    batchUploadFiles: async (fileType, files, timeoutMs) => {
      const form = new FormData()
      form.append('upload_type', fileType)
      for (const file of files) form.append('files', new Blob([file.content], { type: 'application/octet-stream' }), file.name)
      const answer = await send({ operation: 'BatchUploadFiles', method: 'POST', url: url('common/files/batch-upload'), form, accept: isUploadAnswer, ...timeout(timeoutMs) })
      return { succeeded: rowsOf(answer.success_file_info), failed: rowsOf(answer.fail_file_info) }
    }
  }
}

/** BatchUploadFiles' answer: an object whose two lists, when present, are lists (`null` reads as empty). */
function isUploadAnswer(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && [data.success_file_info, data.fail_file_info].every((list) => list === undefined || list === null || Array.isArray(list))
}

function rowsOf(list: unknown): unknown[] {
  return Array.isArray(list) ? list : []
}

/** CreateTask's answer: the new task's id, which must be one the action can follow. */
function isCreated(data: unknown): data is { task_id: string } {
  return isRecord(data) && serverId(data.task_id) !== undefined
}

type ListAnswer = Record<string, unknown>

/**
 * An answer is a JSON object whose list, when present, is an array: `null` and a missing list read
 * as empty, as the SDKs read them. Anything else (an array, a string, a list that is not a list) is
 * not the expected JSON, and is retried as a bad body.
 */
export function isListAnswer(listField: string): (data: unknown) => data is ListAnswer {
  return (data): data is ListAnswer => isRecord(data) && (data[listField] === undefined || data[listField] === null || Array.isArray(data[listField]))
}

/** The usable rows of a list; a row that is not one (a task with no string id, say) is skipped, not fatal. */
export function pageOf<T>(answer: ListAnswer, listField: string, usable: (row: unknown) => row is T): ListPage<T> {
  const rows: unknown[] = Array.isArray(answer[listField]) ? answer[listField] : []
  return { items: rows.filter(usable), rows: rows.length, total: wholeNumber(answer.total_num) }
}

/** A task the action can follow: its id goes into request paths, so it is held to the task-id input's rules. */
function isTask(row: unknown): row is Task {
  return isRecord(row) && serverId(row.task_id) !== undefined
}
