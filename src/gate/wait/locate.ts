/**
 * Finds the task to wait for. By id, the server filters. By name, the server's match is fuzzy, so the
 * action reads every page of the matches for exact (case-sensitive) names and takes the newest; from
 * then on it follows that task by its id.
 */
import type { Clock } from '../../clock.ts'
import { epochMs } from '../../hss/fields.ts'
import type { HssClient } from '../../hss/client.ts'
import type { Task } from '../../hss/models.ts'
import type { TaskRef, TaskType } from '../../inputs/config.ts'
import { prose, quoted, type Prose } from '../../escape.ts'

import { PAGE_LIMIT } from '../paging/listing.ts'

/** Name look-ups stop after this many pages (10,000 fuzzy matches) rather than spend the rate budget. */
export const MAX_NAME_PAGES = 50

/** What is being looked for: the id (once known) and the name (when given). */
export interface Target {
  id: string | undefined
  name: string | undefined
}

export interface Located {
  /** The task, or undefined when HSS does not (yet) list it. */
  task: Task | undefined
  /** Set when the name search stopped at its page cap: HSS has more matches than were read. */
  capped?: { read: number; total: number | undefined }
  /** Set when the time-out came in the middle of a name search. */
  unfinished?: boolean
}

export interface Locator {
  /**
   * One look. A name search spans pages; when a page fails, the error is thrown and the next call
   * resumes at that page, so throttling cannot send the search back to the start.
   */
  locate(timeoutMs: number): Promise<Located>
  readonly target: Target
}

export function targetOf(ref: TaskRef): Target {
  return { id: ref.by === 'id' ? ref.id : undefined, name: ref.by === 'name' ? ref.name : undefined }
}

/**
 * `target` is filled in as the task is found, so whoever holds it sees the id too. With `bound`, a
 * name search starts no page after its deadline.
 */
export function createLocator(client: HssClient, taskType: TaskType, ref: TaskRef, target: Target = targetOf(ref), bound?: { clock: Clock; deadline: number }): Locator {
  const createdAfter = ref.by === 'name' ? ref.createdAfter : undefined
  const ours = (task: Task): boolean => {
    // The server filters by type; a task of another type is not the one asked for, whatever its id.
    const type = task.task_type
    return type === undefined || type === null || type === taskType
  }

  async function byId(id: string, timeoutMs: number): Promise<Located> {
    const page = await client.listTasks({ task_type: taskType, task_id: id }, { offset: 0, limit: 10 }, timeoutMs)
    return { task: page.items.find((task) => task.task_id === id && ours(task)) }
  }

  /** Where an unfinished name search stands: the next page to read, and the best match so far. */
  let search = { offset: 0, pages: 0, best: undefined as Task | undefined }

  async function byName(name: string, timeoutMs: number): Promise<Located> {
    const body = { task_type: taskType, task_name: name, sort_key: 'start_time', sort_dir: 'desc' } as const
    for (;;) {
      if (search.pages > 0 && bound && bound.clock.now() >= bound.deadline) {
        search = { offset: 0, pages: 0, best: undefined }
        return { task: undefined, unfinished: true }
      }
      const page = await client.listTasks(body, { offset: search.offset, limit: PAGE_LIMIT }, timeoutMs)
      const candidates = page.items.filter((task) => task.task_name === name && ours(task) && startedAfter(task, createdAfter))
      // The next page starts after the rows that came, not after a full page: a short page skips nothing.
      search = { offset: search.offset + page.rows, pages: search.pages + 1, best: newest([...(search.best ? [search.best] : []), ...candidates]) }
      const done = page.rows === 0 || (page.total !== undefined ? search.offset >= page.total : page.rows < PAGE_LIMIT)
      if (done || search.pages >= MAX_NAME_PAGES) {
        const found: Located = { task: search.best, ...(done ? {} : { capped: { read: search.offset, total: page.total } }) }
        search = { offset: 0, pages: 0, best: undefined }
        return found
      }
    }
  }

  return {
    target,
    async locate(timeoutMs) {
      if (target.id) return byId(target.id, timeoutMs)
      const found = await byName(target.name ?? '', timeoutMs)
      if (found.task) target.id = found.task.task_id
      return found
    }
  }
}

/** A task that has not started yet (no start_time) is newer than any that has. */
function startedAfter(task: Task, moment: number | undefined): boolean {
  const start = epochMs(task.start_time)
  return moment === undefined || start === undefined || start >= moment
}

/** Of these tasks, the newest: not started yet, else the latest start_time. */
export function newest(tasks: readonly Task[]): Task | undefined {
  let best: Task | undefined
  for (const task of tasks) {
    if (!best) {
      best = task
      continue
    }
    const start = epochMs(task.start_time) ?? Infinity
    const bestStart = epochMs(best.start_time) ?? Infinity
    if (start > bestStart) best = task
  }
  return best
}

/** `with id t-1` or `named "iac-pr-1"`, for log lines, messages and the summary. */
export function describeTarget(target: Target): Prose {
  return target.id ? prose`with id ${target.id}` : prose`named ${quoted(target.name ?? '')}`
}
