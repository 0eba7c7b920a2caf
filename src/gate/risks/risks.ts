/**
 * The IaC risks HSS found in the files of a finished scan: each file's risks (ListIacFileRisks, every
 * page, limit 200), read closed: a file's rows must reach its `total_num` exactly, and every row must
 * be a risk object. Whatever cannot be read before the deadline is said, never guessed: the verdict
 * then fails (see verdict.ts). The files come from task-files.ts.
 */
import { clip } from '../../escape.ts'
import type { HssClient } from '../../hss/client.ts'
import { isRecord, text, wholeNumber } from '../../hss/fields.ts'
import type { IacFileRisk } from '../../hss/models.ts'
import { RISK_LEVELS, type RiskLevel } from '../../inputs/config.ts'
import { isRefusal, MAX_OFFSET, PAGE_LIMIT, readListing, type ListingOptions } from '../paging/listing.ts'
import type { Pacer } from '../paging/pace.ts'
import { WorkQueue } from '../paging/queue.ts'
import type { TaskFile } from '../files/task-files.ts'

/** One risk, as the `risks` output and the summary show it (HSS's names; text clipped to one line). */
export interface Risk {
  file_name: string
  file_id: string
  /** As HSS sent it: high, medium, low, tips, or a level HSS does not document. */
  risk_level: string
  risk_name: string
  rule_id: string
  risk_category: string
  /** Occurrences in the file, when HSS says. */
  risk_num: number | null
  remediation: string
  description: string
  /** The Dockerfile instruction HSS found the risk in; empty for a missing instruction, and for YAML. */
  build_instruction: string
}

export type LevelCounts = Record<RiskLevel, number>

export interface RiskReading {
  /** The risks read, in HSS's order, at most RISKS_HELD; the rest are only counted, in `overflow`. */
  risks: Risk[]
  /** Risks past RISKS_HELD, by level: judged as in scope and not excepted (they cannot be located). */
  overflow: LevelCounts & { unknown: number }
  /** Every risk read, one per row. */
  total: number
  /** The files scanned successfully; those whose risks were read; those HSS's summary proved clean (not read). */
  files: { listed: number; read: number; clean?: number }
  /** Why not every file's risks were read; undefined when they all were. */
  incomplete?: string
  /** A risk call was refused (401, 403): a permission error, which soft-fail never softens. */
  refused?: boolean
  /** The deadline came before every risk was read. */
  outOfTime?: boolean
}

/** Risks held in full (with their text, for locations, exceptions and reports); more are only counted. */
export const RISKS_HELD = 10_000
/** The `risks` output lists at most this many. */
export const RISKS_KEPT = 100

export interface RiskContext extends Omit<ListingOptions, 'maxRows' | 'pacer'> {
  /** Paces ListIacFileRisks, which has its own budget. */
  pacer: Pacer
}

export function emptyReading(listed = 0): RiskReading {
  return { risks: [], overflow: { high: 0, medium: 0, low: 0, tips: 0, unknown: 0 }, total: 0, files: { listed, read: 0 } }
}

/** Where the risk reader takes its files from (the file summaries hand them over while they run), and what it tells of each file read. */
export interface RiskFeed {
  queue: WorkQueue<TaskFile>
  /** Called with each file's risks, once all of them are read. */
  read?: (file: TaskFile, risks: readonly Risk[]) => void
  /** How a file is named in the log (its path, when the run uploaded it). */
  label?: (file: TaskFile) => string
  /** How many files HSS's summaries proved clean so far (they need no read). */
  clean?: () => number
}

/** Every page of every file of a list (the files whose risks are to be read, in order). */
export async function readRisks(client: HssClient, files: readonly TaskFile[], ctx: RiskContext): Promise<RiskReading> {
  const queue = new WorkQueue<TaskFile>()
  for (const file of files) queue.push(file)
  queue.close()
  return readRiskFeed(client, { queue }, files.length, ctx)
}

/**
 * Every page of the risks of every file the feed hands over, until it closes; incomplete (with the
 * reason) at the first file that cannot be read in full. `listed`: the files scanned successfully.
 */
export async function readRiskFeed(client: HssClient, feed: RiskFeed, listed: number, ctx: RiskContext): Promise<RiskReading> {
  const reading = emptyReading(listed)
  let index = 0
  for (let file = await feed.queue.next(); file; file = await feed.queue.next()) {
    index++
    const label = feed.label?.(file) ?? (file.name || file.id)
    // At most this many to read: HSS's summaries may yet prove some clean.
    const toRead = Math.max(index, listed - (feed.clean?.() ?? 0))
    ctx.log(`Reading IaC risks: file ${index} of ${toRead} (${clip(label, 120)}); ${toRead - index} left after it`)
    const mine: Risk[] = []
    const seen = new Set<string>()
    const listing = await readListing(
      (page, timeoutMs) => client.listIacFileRisks(file.id, page, timeoutMs),
      (items, page) => {
        if (items.length !== page.rows || !items.every(isRecord)) return `a risk row of ${clip(file.name || file.id, 120)} is not a risk object`
        for (const row of items) {
          // A risk listed twice means the paging drifted, and another risk may have been skipped.
          const identity = identityOf(row)
          if (seen.has(identity)) return `HSS listed the same risk of ${clip(file.name || file.id, 120)} twice, so another may have been skipped`
          seen.add(identity)
          const risk = riskOf(row, file)
          mine.push(risk)
          hold(reading, risk)
        }
        return undefined
      },
      { ...ctx, maxRows: MAX_OFFSET + PAGE_LIMIT }
    )
    if (!listing.ok) {
      const left = Math.max(1, listed - reading.files.read - (feed.clean?.() ?? 0))
      const reason = listing.outOfTime ? `the risks of ${left} of ${listed} files could not be read before the time-out` : `the risks of ${left} of ${listed} files could not be read: ${listing.why}`
      return { ...reading, incomplete: reason, ...(isRefusal(listing.error) ? { refused: true } : {}), ...(listing.outOfTime ? { outOfTime: true } : {}) }
    }
    reading.files.read++
    feed.read?.(file, mine)
  }
  return reading
}

/** A risk row's identity: its risk_id, or, without one, the whole row. */
function identityOf(row: IacFileRisk): string {
  const id = text(row.risk_id)
  return id ? `id:${id}` : `row:${JSON.stringify(row)}`
}

function hold(reading: RiskReading, risk: Risk): void {
  reading.total++
  if (reading.risks.length < RISKS_HELD) {
    reading.risks.push(risk)
    return
  }
  reading.overflow[knownLevel(risk.risk_level) ?? 'unknown']++
}

export function riskOf(row: IacFileRisk, file: { id: string; name: string }): Risk {
  const num = wholeNumber(row.risk_num)
  return {
    file_name: clip(file.name, 256),
    file_id: clip(file.id, 128),
    risk_level: clip(text(row.risk_level) ?? '', 32),
    risk_name: clip(text(row.risk_name) ?? '', 256),
    rule_id: clip(text(row.rule_id) ?? '', 128),
    risk_category: clip(text(row.risk_category) ?? '', 64),
    risk_num: num ?? null,
    remediation: clip(text(row.remediation) ?? '', 500),
    description: clip(text(row.description) ?? '', 1000),
    build_instruction: clip(text(row.build_instruction) ?? '', 2000)
  }
}

/** high, medium, low or tips (HSS's words, in any case); undefined for anything else. */
export function knownLevel(level: string): RiskLevel | undefined {
  const lower = level.toLowerCase()
  return RISK_LEVELS.find((known) => known === lower)
}

/** 0 for a level HSS does not document (it breaks any gate), then high 1 … tips 4. */
export function severityRank(level: string): number {
  const known = knownLevel(level)
  return known ? RISK_LEVELS.indexOf(known) + 1 : 0
}

export function mostSevereFirst(risks: readonly Risk[]): Risk[] {
  return [...risks].sort(
    (a, b) => severityRank(a.risk_level) - severityRank(b.risk_level) || (b.risk_num ?? 0) - (a.risk_num ?? 0) || a.file_name.localeCompare(b.file_name) || a.risk_name.localeCompare(b.risk_name)
  )
}

