/** How long to wait before the next status query. */
import type { Task } from './models.ts'

export interface ScheduleInput {
  task: Task | undefined
  pollIntervalMs: number
  random: () => number
}

export function nextPollDelay(input: ScheduleInput): number {
  return input.pollIntervalMs
}
