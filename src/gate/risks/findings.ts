/**
 * From risks to findings: each risk HSS reported, put on its lines in the checked-out repository
 * (one finding per place; a YAML rule that hits three resources is three findings), then judged:
 * excepted or not (exceptions-file), and changed by the pull request or pre-existing
 * (fail-on-risk-scope). A risk row can break the gate when any of its findings is changed and not
 * excepted. Where the gate cannot tell, it counts against the pull request: a file it cannot map,
 * or (with changed-lines) a finding without a line, counts as changed; an exception with paths or a
 * resource covers only a finding whose path or resource is known.
 */
import { clip } from '../../escape.ts'
import { RISK_LEVELS, type RiskLevel, type RiskScope } from '../../inputs/config.ts'
import { touches, touchesUnit, type Changes, type LineRange } from '../../repo/changes.ts'
import type { Exception } from '../../repo/exception-set.ts'
import type { ExceptionTarget } from '../../repo/exceptions.ts'
import type { ResourceRef } from '../../repo/k8s-yaml.ts'
import type { RepoPath } from '../../repo/repo-path.ts'
import { changedFile } from '../scope.ts'
import { knownLevel, mostSevereFirst, severityRank, type LevelCounts, type Risk, type RiskReading } from './risks.ts'

/** Where one finding is; `note` says, in the action's own words (no server text), why a part is missing. */
export interface Location {
  /** The repository path. */
  path?: RepoPath
  line?: number
  endLine?: number
  /** For a place found by a fallback (a missing instruction at the final FROM, a missing key at its parent): the stage or resource it stands for. */
  unit?: LineRange
  /** Other lines HSS's text matches as well: a change to any of them may have made the risk. */
  also?: LineRange[]
  resource?: ResourceRef
  hitPath?: string
  note?: string
}

export interface Finding extends Location {
  risk: Risk
  scope: 'changed' | 'pre-existing'
  excepted?: Exception
}

/** Which risks can break the gate: every one, or those the pull request's changes touch. */
export interface ScopeRule {
  mode: RiskScope
  /** The pull request's changes; undefined means every risk counts as changed. */
  changes: Changes | undefined
}

export interface RiskAssessment {
  /** fail-on-risk; undefined when the risks are read only to report them (sarif-file). */
  level: RiskLevel | undefined
  reading: RiskReading
  /** Every finding, in HSS's order. */
  findings: Finding[]
  /** Risk rows that can break the gate (changed, not excepted), by level; risks past the held ones count here too. */
  counts: LevelCounts & { unknown: number }
  /** Of those, the ones at `level` or above (unknown levels included); 0 without a level. */
  breaking: number
  /** Risk rows every changed finding of which is excepted. */
  excepted: number
  /** Risk rows with no changed finding. */
  preExisting: number
  scope: ScopeRule
}

/** `Deployment prod/api`. */
export function resourceText(resource: ResourceRef): string {
  const where = [resource.namespace, resource.name].filter(Boolean).join('/')
  return clip(`${resource.kind || 'resource'}${where ? ` ${where}` : ''}`, 200)
}

/** Finds the exception in force that covers a risk at a place, if any (repo/exceptions.ts). */
export type ExceptionFinder = (target: ExceptionTarget) => Exception | undefined

/** Judges the located risks against the exceptions and the scope, and counts what can break the gate. */
export function assessRisks(input: { level: RiskLevel | undefined; reading: RiskReading; locations: ReadonlyMap<Risk, Location[]>; exceptionFor: ExceptionFinder; scope: ScopeRule }): RiskAssessment {
  const { reading, level, scope } = input
  const counts = { ...reading.overflow }
  const findings: Finding[] = []
  let excepted = 0
  let preExisting = 0
  for (const risk of reading.risks) {
    const places = input.locations.get(risk) ?? [{ note: 'not located' }]
    const mine = places.map((place): Finding => {
      const exception = input.exceptionFor({ ruleId: risk.rule_id, path: place.path, resource: place.resource })
      return { ...place, risk, scope: inScope(place, scope, risk.file_name) ? 'changed' : 'pre-existing', ...(exception ? { excepted: exception } : {}) }
    })
    findings.push(...mine)
    const changed = mine.filter((f) => f.scope === 'changed')
    if (changed.some((f) => !f.excepted)) counts[knownLevel(risk.risk_level) ?? 'unknown']++
    else if (changed.length) excepted++
    else preExisting++
  }
  const breaking = level ? RISK_LEVELS.slice(0, RISK_LEVELS.indexOf(level) + 1).reduce((sum, l) => sum + counts[l], counts.unknown) : 0
  return { level, reading, findings, counts, breaking, excepted, preExisting, scope }
}

/**
 * Whether the pull request's changes touch a finding (see scope.ts for files). With changed-lines a
 * finding counts as changed when it has no line, when a line of it was added or changed (or deleted
 * inside it), when another line its text matches was, and, for a place found by a fallback, when any
 * line of its stage or resource was added or deleted. A file changed only by the name HSS gives it
 * (not by its path) counts in every line: the gate cannot read that name's lines.
 */
function inScope(place: Location, scope: ScopeRule, hssName: string): boolean {
  if (scope.mode === 'all' || !scope.changes || !place.path) return true
  if (scope.mode === 'changed-lines' && place.line === undefined) return true
  if (!changedFile(scope.changes, hssName, place.path)) return false
  if (scope.mode === 'changed-files') return true
  const file = scope.changes.files.get(place.path)
  if (!file || place.line === undefined) return true
  const at = { line: place.line, endLine: place.endLine ?? place.line }
  return touches(file, at) || (place.also ?? []).some((range) => touches(file, range)) || (place.unit !== undefined && touchesUnit(file, place.unit))
}

/** Whether a risk of this level can break a gate at `level`: at or above it, or of a level HSS does not document. */
export function atOrAbove(riskLevel: string, level: RiskLevel): boolean {
  const known = knownLevel(riskLevel)
  return known === undefined || RISK_LEVELS.indexOf(known) <= RISK_LEVELS.indexOf(level)
}

/** A finding that breaks the gate: changed, not excepted, and at or above the level. */
export function breaks(finding: Finding, level: RiskLevel | undefined): boolean {
  return level !== undefined && finding.scope === 'changed' && !finding.excepted && atOrAbove(finding.risk.risk_level, level)
}

/** Most severe first; among equals, those that can break the gate (changed, not excepted), then by path and line. */
export function mostSevereFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => (f.scope === 'changed' && !f.excepted ? 0 : f.excepted ? 1 : 2)
  const order = new Map(mostSevereFirst(uniqueRisks(findings)).map((risk, i) => [risk, i]))
  return [...findings].sort(
    (a, b) =>
      severityRank(a.risk.risk_level) - severityRank(b.risk.risk_level) ||
      rank(a) - rank(b) ||
      (order.get(a.risk) ?? 0) - (order.get(b.risk) ?? 0) ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0)
  )
}

function uniqueRisks(findings: readonly Finding[]): Risk[] {
  return [...new Set(findings.map((f) => f.risk))]
}
