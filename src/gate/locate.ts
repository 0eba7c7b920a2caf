/**
 * Finds the task to wait for. By id, the server filters. By name, the server's match is fuzzy, so the
 * action pages through the matches for an exact (case-sensitive) one, newest start_time first, and
 * from then on follows that task by its id.
 */
import type { TaskRef, TaskType } from '../inputs/config.ts'
import type { HssClient } from '../hss/client.ts'
import type { Task } from '../hss/models.ts'

export const PAGE_LIMIT = 200
/** Name look-ups stop after this many pages (10,000 fuzzy matches) rather than spend the rate budget. */
export const MAX_NAME_PAGES = 50

/** What is being looked for: the id (once known) and the name (when given). */
export interface Target {
  id: string | undefined
  name: string | undefined
}

export interface Locator {
  /** The task, or undefined when HSS does not (yet) know it. */
  locate(timeoutMs: number): Promise<Task | undefined>
  readonly target: Target
}

export function targetOf(ref: TaskRef): Target {
  return { id: ref.by === 'id' ? ref.id : undefined, name: ref.by === 'name' ? ref.name : undefined }
}

/** `target` is filled in as the task is found, so whoever holds it sees the id too. */
export function createLocator(client: HssClient, taskType: TaskType, ref: TaskRef, target: Target = targetOf(ref)): Locator {
  async function byId(id: string, timeoutMs: number): Promise<Task | undefined> {
    const page = await client.listTasks({ task_type: taskType, task_id: id }, { offset: 0, limit: 10 }, timeoutMs)
    return page.data_list.find((task) => task.task_id === id)
  }

  async function byName(name: string, timeoutMs: number): Promise<Task | undefined> {
    const body = { task_type: taskType, task_name: name, sort_key: 'start_time', sort_dir: 'desc' } as const
    for (let pageNo = 0; pageNo < MAX_NAME_PAGES; pageNo++) {
      const offset = pageNo * PAGE_LIMIT
      const page = await client.listTasks(body, { offset, limit: PAGE_LIMIT }, timeoutMs)
      const newest = newestNamed(page.data_list, name)
      if (newest) return newest
      if (page.data_list.length < PAGE_LIMIT || offset + PAGE_LIMIT >= page.total_num) return undefined
    }
    return undefined
  }

  return {
    target,
    async locate(timeoutMs) {
      if (target.id) return byId(target.id, timeoutMs)
      const task = await byName(target.name ?? '', timeoutMs)
      if (task) target.id = task.task_id
      return task
    }
  }
}

/** Of the tasks named exactly `name`, the one with the latest start_time. */
export function newestNamed(tasks: readonly Task[], name: string): Task | undefined {
  let newest: Task | undefined
  for (const task of tasks) {
    if (task.task_name !== name) continue
    if (!newest || (task.start_time ?? 0) > (newest.start_time ?? 0)) newest = task
  }
  return newest
}

/** `with id t-1` or `named "iac-pr-1"`, for log lines and messages. */
export function describeTarget(target: Target): string {
  return target.id ? `with id ${target.id}` : `named "${target.name ?? ''}"`
}
