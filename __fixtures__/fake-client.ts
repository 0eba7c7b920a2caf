/** An in-memory HssClient: a scripted list of answers (or failures) per call, and a record of calls. */
import type { HssClient } from '../src/hss/client.ts'
import type { ListTaskResourcesResponse, ListTasksBody, ListTasksResponse, Page, Task } from '../src/hss/models.ts'

export type Answer = ListTasksResponse | Error

export interface FakeClient extends HssClient {
  calls: { body: ListTasksBody; page: Page; timeoutMs: number | undefined }[]
  resourceCalls: Page[]
}

/** Each listTasks call takes the next answer; the last one repeats. */
export function fakeClient(answers: Answer[], resources: (page: Page) => ListTaskResourcesResponse | Error = () => ({ total_num: 0, iac_scan_data_list: [] })): FakeClient {
  const calls: FakeClient['calls'] = []
  const resourceCalls: Page[] = []
  return {
    calls,
    resourceCalls,
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

export function listOf(...tasks: Task[]): ListTasksResponse {
  return { total_num: tasks.length, data_list: tasks }
}
