/**
 * Property: for random risks (level, rule, file, lines), exceptions (rule, path globs, an expiry in
 * the past or future, a reason or none), scopes and change sets (added lines, renames, files whose
 * diff GitHub hides), and copies (fresh or stale), the verdict is `passed` only when no risk that is
 * in scope, not excepted, and at or above the level exists, and no changed file's copy is stale
 * (with stale-copies fail). The oracle below is written from the contract, not from src/; the
 * exceptions go through the real parser, as YAML. Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { prose } from '../../src/escape.ts'
import { assessRisks, type Location } from '../../src/gate/risks/findings.ts'
import type { StaleCopies } from '../../src/gate/files/stale.ts'
import { judge } from '../../src/gate/verdict.ts'
import type { RiskLevel, RiskScope } from '../../src/inputs/config.ts'
import { changesOf, type PullFile } from '../../src/repo/changes.ts'
import { exceptionFor, parseExceptions } from '../../src/repo/exceptions.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { readingOf, riskRow } from '../../__fixtures__/report.ts'
import { known, rp } from '../../__fixtures__/paths.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const TODAY = '2026-11-29'
const LEVELS = ['high', 'medium', 'low', 'tips', 'weird'] as const
const PATHS = ['Dockerfile', 'svc/a/Dockerfile', 'svc/b/Dockerfile', 'k8s/app.yaml'] as const
const RULES = ['R1', 'R2', 'R3'] as const

const riskArb = fc.record({
  level: fc.constantFrom(...LEVELS),
  rule: fc.constantFrom(...RULES),
  // undefined: the file could not be mapped; a line or none (no line known).
  path: fc.option(fc.constantFrom(...PATHS), { nil: undefined, freq: 5 }),
  line: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined, freq: 4 }),
  span: fc.integer({ min: 0, max: 2 })
})
const exceptionArb = fc.record({
  rule: fc.constantFrom(...RULES),
  glob: fc.option(fc.constantFrom('Dockerfile', 'svc/**', 'svc/a/*', 'k8s/*.yaml', '**'), { nil: undefined }),
  expires: fc.constantFrom('2026-01-01', '2026-11-28', '2026-11-29', '2027-06-30', 'soon'),
  reason: fc.boolean()
})
const changeArb = fc.record({
  path: fc.constantFrom(...PATHS),
  kind: fc.constantFrom('lines', 'renamed', 'no-diff'),
  lines: fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 4 })
})
const caseArb = fc.record({
  level: fc.constantFrom<RiskLevel>('high', 'medium', 'low', 'tips'),
  scope: fc.constantFrom<RiskScope>('all', 'changed-files', 'changed-lines'),
  risks: fc.array(riskArb, { maxLength: 8 }),
  exceptions: fc.array(exceptionArb, { maxLength: 4 }),
  changes: fc.array(changeArb, { maxLength: 4 }),
  stale: fc.array(fc.boolean(), { maxLength: 3 })
})
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never

const expiresOf = (e: Case['exceptions'][number]) => (e.expires === 'soon' ? '2026-12-05' : e.expires)

/** A unified diff that adds exactly these lines of the new version. */
function patchAdding(lines: number[]): string {
  return [...lines].sort((a, b) => a - b).map((n) => `@@ -${n - 1},0 +${n},1 @@\n+line ${n}`).join('\n')
}

/** The contract's verdict. */
function oracle(c: Case): 'passed' | 'failed' {
  const changed = new Map<string, Case['changes'][number]>()
  for (const change of c.changes) changed.set(change.path, change)
  const inScope = (r: Case['risks'][number]) => {
    if (c.scope === 'all' || r.path === undefined) return true
    const change = changed.get(r.path)
    if (c.scope === 'changed-files') return change !== undefined
    if (r.line === undefined) return true
    if (!change) return false
    // A renamed file, one without a patch, and an empty patch: every line counts as changed.
    if (change.kind !== 'lines' || change.lines.length === 0) return true
    return change.lines.some((n) => n >= (r.line ?? 0) && n <= (r.line ?? 0) + r.span)
  }
  const globMatches = (glob: string, path: string) =>
    glob === '**' || glob === path || (glob === 'svc/**' && path.startsWith('svc/')) || (glob === 'svc/a/*' && path.startsWith('svc/a/') && !path.slice(6).includes('/')) || (glob === 'k8s/*.yaml' && /^k8s\/[^/]+\.yaml$/.test(path))
  const excepted = (r: Case['risks'][number]) =>
    c.exceptions.some((e) => e.reason && expiresOf(e) >= TODAY && e.rule === r.rule && (e.glob === undefined || (r.path !== undefined && globMatches(e.glob, r.path))))
  const rank = (level: string) => (level === 'weird' ? -1 : ['high', 'medium', 'low', 'tips'].indexOf(level))
  const breaking = c.risks.some((r) => inScope(r) && !excepted(r) && rank(r.level) <= rank(c.level))
  return breaking || c.stale.some(Boolean) ? 'failed' : 'passed'
}

function verdictOf(c: Case): 'passed' | 'failed' | 'timed-out' {
  const risks = c.risks.map((r, i) => riskRow(r.level, `risk ${i}`, { rule_id: r.rule, file_name: r.path ?? 'unmapped' }))
  const reading = readingOf(risks)
  const locations = new Map(risks.map((risk, i): [typeof risk, Location[]] => {
    const r = c.risks[i] ?? { path: undefined, line: undefined, span: 0 }
    return [risk, [{ ...(r.path ? { path: rp(r.path) } : {}), ...(r.path && r.line !== undefined ? { line: r.line, endLine: r.line + r.span } : {}) }]]
  }))
  const yaml = `exceptions:\n${c.exceptions.map((e) => `  - rule: ${e.rule}\n${e.glob ? `    paths: ["${e.glob}"]\n` : ''}${e.reason ? '    reason: accepted\n' : ''}    expires: ${expiresOf(e)}`).join('\n')}\n`
  const exceptions = parseExceptions(c.exceptions.length ? yaml : '', TODAY)
  const files: PullFile[] = c.changes.map((ch) => (ch.kind === 'renamed' ? { filename: ch.path, status: 'renamed' } : ch.kind === 'no-diff' ? { filename: ch.path, status: 'modified' } : { filename: ch.path, status: 'modified', patch: patchAdding(ch.lines) }))
  const changes = known(changesOf(files))
  const assessment = assessRisks({ level: c.level, reading, locations, exceptionFor: (target) => exceptionFor(exceptions, target), scope: { mode: c.scope, changes: c.scope === 'all' ? undefined : changes } })
  const stale: StaleCopies = { mode: 'fail', runStartedAt: 1_800_000_000_000, checks: c.stale.map((old, i) => ({ file: { id: `f${i}`, name: `f${i}`, status: 'success', type: 'dockerfile' }, path: rp(`f${i}`), uploadedAt: old ? 1 : 2e12, stale: old, ...(old ? { why: 'uploaded before this workflow run started' } : {}) })) }
  const task = iacTask('t-1', 'n', { scanned: 3, succeeded: 3, failed: 0 })
  return judge({ task, taskType: 'iac_scan', thresholds: { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 }, timeoutMs: 60_000, wanted: prose`x`, risks: assessment, stale }).result
}

describe(`trust on a pull request (PROPERTY_SEED=${seed})`, () => {
  it('passes only when no risk in scope, not excepted, at or above the level exists, and no changed file is stale', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const context = JSON.stringify(c)
        expect({ context, result: verdictOf(c) }).toEqual({ context, result: oracle(c) })
      }),
      { seed, numRuns: 2000 }
    )
  })
})
