/** An in-memory HssClient: a scripted list of answers (or failures) per call, and a record of calls. */
import type { HssClient } from '../src/hss/client.ts'
import type { CreateTaskBody, IacFile, IacFileRisk, IacRiskPath, IacScanResource, ListPage, ListTasksBody, Page, Task, UploadAnswer, UploadPart } from '../src/hss/models.ts'

export type Answer = ListPage<Task> | Error

export interface FakeClient extends HssClient {
  calls: { body: ListTasksBody; page: Page; timeoutMs: number | undefined }[]
  resourceCalls: Page[]
  createCalls: CreateTaskBody[]
  riskCalls: { fileId: string; page: Page }[]
  pathCalls: { fileId: string; ruleId: string; page: Page }[]
  fileCalls: { fileId: string | undefined; scanType: string; page: Page }[]
  uploadCalls: { fileType: string; names: string[] }[]
}

export interface FakeScript {
  /** Answers to CreateTask, in order (the last repeats): a task id, or a failure. */
  create?: (string | Error)[]
  /** One file's risks page. */
  risks?: (fileId: string, page: Page) => ListPage<IacFileRisk> | Error
  /** Where one rule hits in one file. */
  paths?: (fileId: string, ruleId: string, page: Page) => ListPage<IacRiskPath> | Error
  /** ListIacFiles for one file id (or the whole project's list, undefined) and scan type. */
  files?: (fileId: string | undefined, scanType: string, page: Page) => ListPage<IacFile> | Error
  /** BatchUploadFiles: the answer to one request, or a failure. */
  upload?: (fileType: string, files: readonly UploadPart[]) => UploadAnswer | Error
}

/** Each listTasks call takes the next answer; the last one repeats. */
export function fakeClient(answers: Answer[], resources: (page: Page) => ListPage<IacScanResource> | Error = () => listOf(), script: FakeScript = {}): FakeClient {
  const calls: FakeClient['calls'] = []
  const resourceCalls: Page[] = []
  const createCalls: CreateTaskBody[] = []
  const riskCalls: FakeClient['riskCalls'] = []
  const pathCalls: FakeClient['pathCalls'] = []
  const fileCalls: FakeClient['fileCalls'] = []
  const uploadCalls: FakeClient['uploadCalls'] = []
  const take = <T>(answer: ListPage<T> | Error): ListPage<T> => {
    if (answer instanceof Error) throw answer
    return answer
  }
  return {
    calls,
    resourceCalls,
    createCalls,
    riskCalls,
    pathCalls,
    fileCalls,
    uploadCalls,
    async batchUploadFiles(fileType, files) {
      uploadCalls.push({ fileType, names: files.map((file) => file.name) })
      const answer = script.upload ? script.upload(fileType, files) : new Error('no upload scripted')
      if (answer instanceof Error) throw answer
      return answer
    },
    async listIacFileRiskPaths(fileId, ruleId, page) {
      pathCalls.push({ fileId, ruleId, page })
      return take(script.paths ? script.paths(fileId, ruleId, page) : listOf<IacRiskPath>())
    },
    async listIacFiles({ fileId, scanType }, page) {
      fileCalls.push({ fileId, scanType, page })
      return take(script.files ? script.files(fileId, scanType, page) : listOf<IacFile>())
    },
    async createTask(body) {
      createCalls.push(body)
      const answer = script.create?.[Math.min(createCalls.length - 1, (script.create?.length ?? 1) - 1)]
      if (answer === undefined) throw new Error('no creation scripted')
      if (answer instanceof Error) throw answer
      return answer
    },
    async listIacFileRisks(fileId, page) {
      riskCalls.push({ fileId, page })
      const answer = script.risks ? script.risks(fileId, page) : listOf<IacFileRisk>()
      if (answer instanceof Error) throw answer
      return answer
    },
    async listTasks(body, page, timeoutMs) {
      calls.push({ body, page, timeoutMs })
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]
      if (!answer) throw new Error('no answer scripted')
      if (answer instanceof Error) throw answer
      return answer
    },
    async listTaskResources(_taskId, _body, page) {
      resourceCalls.push(page)
      const answer = resources(page)
      if (answer instanceof Error) throw answer
      return answer
    }
  }
}

/** A page holding exactly these rows. */
export function listOf<T>(...items: T[]): ListPage<T> {
  return { items, rows: items.length, total: items.length }
}

/** A page of `items` out of `total`. */
export function pageOf<T>(total: number, items: T[]): ListPage<T> {
  return { items, rows: items.length, total }
}
