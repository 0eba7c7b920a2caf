/**
 * What reading a finished scan's results costs at HSS's budget (5 answered calls a minute per API;
 * the rest get 429), on a virtual clock where concurrent waits overlap as they do in a real run:
 * `files` Kubernetes YAML files of which `risky` have one risk each (so one ListIacFileRiskPaths
 * call each), read the gate's way (readScanResults: the summaries, the risks of the risky files and
 * their places, every API at once) and the old way (every file's risks, then the places, one API
 * after another). The floor is the slowest API's calls under its budget: calls 1–5 at once, each
 * further 5 a minute later, so ⌈calls / 5⌉ − 1 minutes.
 */
import { HssError } from '../src/errors.ts'
import type { Counts } from '../src/gate/counts.ts'
import { budgetPacer } from '../src/gate/deps.ts'
import type { TaskFile } from '../src/gate/files/task-files.ts'
import { readScanResults } from '../src/gate/results.ts'
import { WorkQueue } from '../src/gate/paging/queue.ts'
import { readPathFeed, type PathRequest } from '../src/gate/risks/risk-paths.ts'
import { readRisks } from '../src/gate/risks/risks.ts'
import type { IacFile, IacFileRisk, IacRiskPath, ListPage, Page } from '../src/hss/models.ts'
import { noCheckout } from '../src/repo/checkout.ts'
import { repoPath, type RepoPath } from '../src/repo/repo-path.ts'
import { iacTask } from '../simulator/tasks.ts'
import { fakeClient } from '../__fixtures__/fake-client.ts'
import { virtualClock, type VirtualClock } from '../__fixtures__/virtual-clock.ts'

const POLL_MS = 15_000
const MINUTE = 60_000
const API = { resources: 'ListTaskResources', files: 'ListIacFiles', risks: 'ListIacFileRisks', paths: 'ListIacFileRiskPaths' } as const
type Api = keyof typeof API

export interface ResultsPhaseRow {
  files: number
  risky: number
  /** Answered calls per API. */
  calls: Record<Api, number>
  /** The gate's way: from the first call to the last answer. */
  seconds: number
  /** The slowest API's calls at HSS's budget. */
  floorS: number
  'time / floor': number | string
  /** Every file's risks, then the places: the way before the summaries. */
  everyFileS: number
  throttled: number
}

/** ⌈calls / 5⌉ − 1 minutes: the least time `calls` calls take at 5 a minute. */
export const floorMs = (calls: number) => Math.max(0, Math.ceil(calls / 5) - 1) * MINUTE

/** HSS's budgets, one per API: a call past 5 answered in the last minute gets a 429. */
function budgets(clock: VirtualClock) {
  const answered = new Map<Api, number[]>(Object.keys(API).map((api) => [api as Api, []]))
  let throttled = 0
  return {
    call<T>(api: Api, answer: () => ListPage<T>): ListPage<T> | HssError {
      const now = clock.now()
      const mine = answered.get(api) ?? []
      if (mine.filter((at) => at > now - MINUTE).length >= 5) {
        throttled++
        return new HssError({ kind: 'http', operation: API[api], status: 429, errorCode: 'APIGW.0308' })
      }
      mine.push(now)
      return answer()
    },
    calls: () => Object.fromEntries([...answered].map(([api, at]) => [api, at.length])) as Record<Api, number>,
    get throttled() {
      return throttled
    }
  }
}

function scan(files: number, risky: number) {
  const list: TaskFile[] = Array.from({ length: files }, (_, i) => ({ id: `f-${i}`, name: `app-${i}.yaml`, status: 'success', type: 'k8s_yaml' }))
  // The risky files are spread over the list, as they would be in a repository.
  const riskyIds = new Set(Array.from({ length: risky }, (_, i) => `f-${Math.floor((i * files) / risky)}`))
  return { list, riskyIds }
}

function clientFor(clock: VirtualClock, files: number, risky: number, start: number) {
  const { list, riskyIds } = scan(files, risky)
  const budget = budgets(clock)
  const page = <T>(rows: T[], at: Page): ListPage<T> => ({ items: rows.slice(at.offset, at.offset + at.limit), rows: Math.min(at.limit, Math.max(0, rows.length - at.offset)), total: rows.length })
  const summaries: IacFile[] = list.map((file) => ({ file_id: file.id, file_name: file.name, file_type: 'k8s_yaml', scan_type: 'manual_scan', risky: riskyIds.has(file.id), risk_num: riskyIds.has(file.id) ? 1 : 0, last_scan_time: start + 30_000, upload_file_time: start - 1000 }))
  const client = fakeClient([], (at) => budget.call('resources', () => page(list.map((f) => ({ file_id: f.id, file_name: f.name, file_type: f.type, scan_status: 'success' })), at)), {
    files: (fileId, scanType, at) => budget.call('files', () => page(scanType === 'manual_scan' ? summaries.filter((row) => fileId === undefined || row.file_id === fileId) : [], at)),
    risks: (fileId, at) => budget.call('risks', () => page<IacFileRisk>(riskyIds.has(fileId) ? [{ risk_id: `${fileId}-1`, risk_level: 'low', risk_name: 'No resource limits', rule_id: 'R-1', risk_num: 1 }] : [], at)),
    paths: (_fileId, _ruleId, at) => budget.call('paths', () => page<IacRiskPath>([{ resource_type: 'Deployment', namespace: 'prod', resource_name: 'app', hit_path: 'spec.template.spec' }], at))
  })
  return { client, budget, list, riskyIds }
}

const retryOf = (clock: VirtualClock) => ({ clock, random: () => 0.5, deadline: clock.now() + 24 * 3600_000, requestTimeoutMs: 30_000, pollIntervalMs: POLL_MS, log: () => undefined })

export async function resultsPhaseTime(files: number, risky: number): Promise<ResultsPhaseRow> {
  // The gate's way.
  const clock = virtualClock()
  const taskStart = clock.now() - 120_000
  const { client, budget, list } = clientFor(clock, files, risky, taskStart)
  const counts: Counts = { scanned: files, succeeded: files, reportedFailed: 0, scanning: undefined, unreadable: [] }
  const uploaded = new Map(list.map((file): [string, RepoPath] => [file.id, repoPath(`k8s/${file.name}`) as RepoPath]))
  const start = clock.now()
  const results = await clock.run(
    readScanResults({
      client,
      task: iacTask('t-1', 'bench', { scanned: files, succeeded: files, failed: 0 }, { start_time: taskStart }),
      counts,
      risks: true,
      pr: { exceptions: undefined, scope: { mode: 'all', changes: undefined } },
      checkout: noCheckout,
      uploaded,
      retry: retryOf(clock),
      log: { info: () => undefined, warning: () => undefined }
    })
  )
  if (results.reading?.incomplete || results.reading?.total !== risky) throw new Error(`the bench's reading is wrong: ${results.reading?.incomplete ?? `${results.reading?.total} risks`}`)
  const seconds = (clock.now() - start) / 1000
  const calls = budget.calls()
  const floorS = Math.max(...Object.values(calls).map(floorMs)) / 1000

  // The old way: every file's risks, then the places, one API after the other.
  const before = virtualClock()
  const old = clientFor(before, files, risky, before.now() - 120_000)
  const oldStart = before.now()
  const reading = await before.run(readRisks(old.client, old.list, { ...retryOf(before), pacer: budgetPacer(before, POLL_MS) }))
  const pairs = new WorkQueue<PathRequest>()
  for (const risk of reading.risks) pairs.push({ fileId: risk.file_id, ruleId: risk.rule_id })
  pairs.close()
  await before.run(readPathFeed(old.client, pairs, { ...retryOf(before), pacer: budgetPacer(before, POLL_MS) }))
  const everyFileS = (before.now() - oldStart) / 1000

  return { files, risky, calls, seconds, floorS, 'time / floor': floorS ? Number((seconds / floorS).toFixed(2)) : seconds === 0 ? '0 / 0' : '∞', everyFileS, throttled: budget.throttled }
}

if (import.meta.main) {
  for (const files of [10, 50, 200]) for (const risky of [Math.max(1, Math.round(files / 20)), files]) console.log(await resultsPhaseTime(files, risky))
}
