/**
 * Which task the gate judges: one given by id, one found by name, or one the action starts itself
 * (`create-task`). The inputs of each way must not be mixed: a mix is an error that names the input,
 * found before any request.
 */
import { InputError } from '../errors.ts'
import { parseBoolean, parseChoice, parseMoment, parseText } from './parse.ts'
import { parseUploadPatterns, type UploadPattern } from './upload.ts'

export const TASK_TYPES = ['iac_scan', 'cluster_scan'] as const
export type TaskType = (typeof TASK_TYPES)[number]

export const FILE_TYPES = ['dockerfile', 'k8s_yaml'] as const
export type FileType = (typeof FILE_TYPES)[number]

export const SCAN_TYPES = ['cluster_vul', 'risk_assessment', 'benchmark'] as const
export type ScanType = (typeof SCAN_TYPES)[number]

/**
 * What CreateTask is asked to scan. An IaC scan takes the files given by id (`fileIds`), and those
 * the action uploads in this run (`upload`, the `upload-files` patterns); together at least one.
 */
export type CreateSpec =
  | { taskType: 'iac_scan'; fileType: FileType; fileIds: string[]; upload: UploadPattern[] }
  /** No cluster ids: every cluster (`all_cluster`). */
  | { taskType: 'cluster_scan'; scanTypes: ScanType[]; clusterIds: string[] }

export type TaskRef =
  | { by: 'id'; id: string }
  /** `createdAfter`: tasks that started before this moment (epoch ms) are not candidates. */
  | { by: 'name'; name: string; createdAfter: number | undefined }
  | { by: 'create'; spec: CreateSpec }

export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
/** A file or cluster id, as the file-ids and cluster-ids inputs take it. */
export const LIST_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/
/** More ids than this in one scan is more likely a mistake (a whole file pasted) than a plan. */
const MAX_IDS = 1000

/** `get` reads an input (or its environment fallback), '' when unset; `now` is the step's start. */
export function taskRefOf(get: (name: string) => string, taskType: TaskType, now: number): TaskRef {
  const create = parseBoolean('create-task', get('create-task') || 'false')
  const id = get('task-id')
  const name = get('task-name')
  const after = get('created-after')
  const createInputs = ['file-ids', 'file-type', 'upload-files', 'scan-types', 'cluster-ids'] as const

  if (create) {
    for (const input of ['task-id', 'task-name', 'created-after'] as const) {
      if (get(input)) throw new InputError(input, get(input), 'must be empty with create-task: true: the action starts the task itself and waits for the id HSS returns')
    }
    return { by: 'create', spec: createSpec(get, taskType) }
  }
  for (const input of createInputs) {
    if (get(input)) throw new InputError(input, get(input), 'applies only with create-task: true (the action then starts the scan itself); leave it empty to wait for a task by task-id or task-name')
  }
  if (id) {
    if (!ID_PATTERN.test(id)) throw new InputError('task-id', id, 'must be a task id (letters, digits, - and _, at most 64)')
    if (after) throw new InputError('created-after', after, 'applies to task-name look-ups only; with task-id the task is already known, so leave created-after empty')
    return { by: 'id', id }
  }
  if (name) {
    return { by: 'name', name: parseText('task-name', name, 255), createdAfter: after ? parseMoment('created-after', after, now) : undefined }
  }
  throw new InputError('task-id', undefined, 'or `task-name` must be set (or `create-task: true`): give the id or the exact name of the HSS task to wait for, or let the action start the scan')
}

function createSpec(get: (name: string) => string, taskType: TaskType): CreateSpec {
  if (taskType === 'iac_scan') {
    for (const input of ['scan-types', 'cluster-ids'] as const) {
      if (get(input)) throw new InputError(input, get(input), 'applies to cluster scans (task-type: cluster_scan); an IaC scan takes file-ids or upload-files, and file-type')
    }
    const fileIds = idList('file-ids', get('file-ids'))
    const upload = parseUploadPatterns('upload-files', get('upload-files'))
    if (fileIds.length === 0 && upload.length === 0) {
      throw new InputError('upload-files', undefined, 'or `file-ids` is required with create-task for an iac_scan: glob patterns of the files to upload and scan (such as **/Dockerfile), or the HSS ids of files already uploaded')
    }
    const fileTypeText = get('file-type')
    if (!fileTypeText) throw new InputError('file-type', undefined, `is required with create-task for an iac_scan: one of ${FILE_TYPES.join(', ')}`)
    return { taskType, fileType: parseChoice('file-type', fileTypeText, FILE_TYPES), fileIds, upload }
  }
  for (const input of ['file-ids', 'file-type', 'upload-files'] as const) {
    if (get(input)) throw new InputError(input, get(input), 'applies to IaC scans (task-type: iac_scan); a cluster scan takes scan-types and, optionally, cluster-ids')
  }
  const scanTypes = words(get('scan-types')).map((word) => parseChoice('scan-types', word, SCAN_TYPES))
  if (scanTypes.length === 0) throw new InputError('scan-types', undefined, `is required with create-task for a cluster_scan: any of ${SCAN_TYPES.join(', ')}, separated by commas, spaces or new lines`)
  return { taskType, scanTypes: [...new Set(scanTypes)], clusterIds: idList('cluster-ids', get('cluster-ids')) }
}

/** Ids separated by commas, spaces or new lines; each checked, duplicates dropped. */
function idList(input: string, text: string): string[] {
  const ids = [...new Set(words(text))]
  for (const id of ids) {
    if (!LIST_ID_PATTERN.test(id)) throw new InputError(input, id, 'must list ids of letters, digits, ., :, - and _ (at most 128 each), separated by commas, spaces or new lines')
  }
  if (ids.length > MAX_IDS) throw new InputError(input, `${ids.length} ids`, `may list at most ${MAX_IDS} ids`)
  return ids
}

function words(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean)
}
