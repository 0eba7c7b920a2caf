/**
 * The IaC risks HSS found in a finished scan's files: the files that scanned successfully
 * (ListTaskResources, scan_status success, every page), then each file's risks (ListIacFileRisks,
 * every page, limit 200), counted by level, one per risk item. Whatever cannot be read before the
 * deadline is said, never guessed: the verdict then fails (see verdict.ts).
 */
import { clip } from '../escape.ts'
import { CancelledError, HssError } from '../errors.ts'
import type { HssClient } from '../hss/client.ts'
import { text, wholeNumber } from '../hss/fields.ts'
import type { IacFileRisk } from '../hss/models.ts'
import { RISK_LEVELS, type RiskLevel } from '../inputs/config.ts'
import { PAGE_LIMIT } from './locate.ts'
import type { Pacer } from './pace.ts'
import { describeFailure, retryTransient, type RetryContext } from './retry.ts'

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
}

export type LevelCounts = Record<RiskLevel, number>

export interface RiskReading {
  counts: LevelCounts
  /** Risks of a level none of HSS's four: counted as breaking any level. */
  unknownLevel: number
  /** Every risk read, one per risk item. */
  total: number
  /** The most severe risks, most severe first, at most RISKS_KEPT. */
  risks: Risk[]
  files: { listed: number; read: number }
  /** Why not every file's risks were read; undefined when they all were. */
  incomplete?: string
}

/** Enough for the `risks` output (at most 100) and the summary. */
export const RISKS_KEPT = 100

export interface RiskContext extends RetryContext {
  /** Paces ListIacFileRisks, which has its own budget. */
  pacer: Pacer
  /** Files HSS counted as scanned successfully: fewer listed means some could not be read. */
  expectedFiles: number | undefined
}

export async function readRisks(client: HssClient, taskId: string, ctx: RiskContext): Promise<RiskReading> {
  const reading: RiskReading = { counts: { high: 0, medium: 0, low: 0, tips: 0 }, unknownLevel: 0, total: 0, risks: [], files: { listed: 0, read: 0 } }
  let files: { id: string; name: string }[]
  try {
    const listed = await scannedFiles(client, taskId, ctx)
    files = listed.files
    reading.files.listed = files.length
    if (listed.withoutId) return { ...reading, incomplete: `${listed.withoutId} of the files HSS lists as scanned have no file_id` }
    if (ctx.expectedFiles !== undefined && files.length < ctx.expectedFiles) {
      return { ...reading, incomplete: `HSS counted ${ctx.expectedFiles} files as scanned successfully but listed ${files.length}` }
    }
  } catch (error) {
    return { ...reading, incomplete: `the scanned files could not be listed: ${why(error)}` }
  }

  for (const [index, file] of files.entries()) {
    ctx.log(`Reading IaC risks: file ${index + 1} of ${files.length} (${clip(file.name || file.id, 120)}); ${files.length - index - 1} left after it`)
    try {
      const done = await readFile(client, file, ctx, reading)
      if (!done) return { ...reading, incomplete: `the risks of ${files.length - index} of ${files.length} files could not be read before the time-out` }
      reading.files.read++
    } catch (error) {
      return { ...reading, incomplete: `the risks of ${files.length - index} of ${files.length} files could not be read: ${why(error)}` }
    }
  }
  return reading
}

/** The files of the task that scanned successfully, every page. */
async function scannedFiles(client: HssClient, taskId: string, ctx: RetryContext): Promise<{ files: { id: string; name: string }[]; withoutId: number }> {
  const files: { id: string; name: string }[] = []
  let withoutId = 0
  for (let offset = 0; ; offset += PAGE_LIMIT) {
    const page = await retryOrThrow(() => client.listTaskResources(taskId, { task_type: 'iac_scan', iac_scan_info: { scan_status: 'success' } }, { offset, limit: PAGE_LIMIT }), ctx)
    for (const row of page.items) {
      const id = text(row.file_id)
      if (id) files.push({ id, name: text(row.file_name) ?? '' })
      else withoutId++
    }
    if (page.rows < PAGE_LIMIT || (page.total !== undefined && offset + page.rows >= page.total)) return { files, withoutId }
  }
}

/** Every page of one file's risks into `reading`; false when the time ran out first. */
async function readFile(client: HssClient, file: { id: string; name: string }, ctx: RiskContext, reading: RiskReading): Promise<boolean> {
  for (let offset = 0; ; offset += PAGE_LIMIT) {
    if (!(await ctx.pacer.wait(ctx.deadline, ctx.signal))) return false
    const page = await retryOrThrow((timeoutMs) => client.listIacFileRisks(file.id, { offset, limit: PAGE_LIMIT }, timeoutMs), ctx)
    for (const row of page.items) count(reading, riskOf(row, file))
    if (page.rows < PAGE_LIMIT || (page.total !== undefined && offset + page.rows >= page.total)) return true
  }
}

function count(reading: RiskReading, risk: Risk): void {
  reading.total++
  const level = knownLevel(risk.risk_level)
  if (level) reading.counts[level]++
  else reading.unknownLevel++
  // Kept bounded however many risks there are: only the most severe stay.
  reading.risks.push(risk)
  if (reading.risks.length > 2 * RISKS_KEPT) reading.risks = mostSevereFirst(reading.risks).slice(0, RISKS_KEPT)
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
    remediation: clip(text(row.remediation) ?? '', 500)
  }
}

/** high, medium, low or tips (HSS's words, in any case); undefined for anything else. */
export function knownLevel(level: string): RiskLevel | undefined {
  const lower = level.toLowerCase()
  return RISK_LEVELS.find((known) => known === lower)
}

/** 0 for a level HSS does not document (it breaks any gate), then high 1 … tips 4. */
function severity(risk: Risk): number {
  const level = knownLevel(risk.risk_level)
  return level ? RISK_LEVELS.indexOf(level) + 1 : 0
}

export function mostSevereFirst(risks: readonly Risk[]): Risk[] {
  return [...risks].sort(
    (a, b) => severity(a) - severity(b) || (b.risk_num ?? 0) - (a.risk_num ?? 0) || a.file_name.localeCompare(b.file_name) || a.risk_name.localeCompare(b.risk_name)
  )
}

/** Risks at `level` or more severe, and those of unknown level. */
export function atOrAbove(reading: RiskReading, level: RiskLevel): number {
  const upTo = RISK_LEVELS.indexOf(level)
  return RISK_LEVELS.slice(0, upTo + 1).reduce((sum, l) => sum + reading.counts[l], reading.unknownLevel)
}

/** The reading's risks in the order the outputs and the summary show them. */
export function topRisks(reading: RiskReading, n = RISKS_KEPT): Risk[] {
  return mostSevereFirst(reading.risks).slice(0, n)
}

async function retryOrThrow<T>(attempt: (timeoutMs: number) => Promise<T>, ctx: RetryContext): Promise<T> {
  const outcome = await retryTransient(attempt, ctx)
  if (!outcome.ok) throw outcome.error
  return outcome.value
}

function why(error: unknown): string {
  if (error instanceof CancelledError) throw error
  if (error instanceof HssError) return describeFailure(error)
  throw error
}
