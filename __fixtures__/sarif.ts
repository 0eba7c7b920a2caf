/**
 * SARIF checks, as GitHub applies them: the Microsoft SARIF Multitool's `validate` with GitHub's own
 * rules (`--rule-kind "Gh;Sarif"`: the 2.1.0 schema and what code scanning requires), and the
 * checks upload-sarif makes before it sends a log (a region on every result, the required rule
 * fields, severities as numeric strings, GitHub's limits).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../simulator/run-action.ts'

export const MULTITOOL = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool')

/** The Multitool's errors (and warnings) for a log file; throws when the Multitool cannot run. */
export function multitoolValidate(path: string): { errors: string[]; warnings: string[] } {
  if (!existsSync(MULTITOOL)) throw new Error(`the SARIF Multitool is not installed at ${MULTITOOL}`)
  const out = join(mkdtempSync(join(tmpdir(), 'sarif-validate-')), 'report.sarif')
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '--output', out, path], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } })
  if (run.error) throw run.error
  const report = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[] }
  const results = report.runs.flatMap((r) => r.results ?? [])
  const line = (r: (typeof results)[number]) => `${r.ruleId}: ${r.message.text ?? [r.message.id, ...(r.message.arguments ?? [])].join(' ')}`
  return { errors: results.filter((r) => r.level === 'error').map(line), warnings: results.filter((r) => r.level === 'warning').map(line) }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** What upload-sarif and code scanning would refuse or misread in a log; [] when there is nothing. */
export function uploadProblems(log: unknown): string[] {
  const problems: string[] = []
  if (!isRecord(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) return ['not a SARIF 2.1.0 log with runs']
  let results = 0
  for (const [r, run] of log.runs.entries()) {
    const driver = isRecord(run) && isRecord(run.tool) && isRecord(run.tool.driver) ? run.tool.driver : undefined
    if (!driver || typeof driver.name !== 'string') problems.push(`runs[${r}]: no tool.driver.name`)
    if (!isRecord(run) || !Array.isArray(run.results)) {
      problems.push(`runs[${r}]: no results array`)
      continue
    }
    const rules = Array.isArray(driver?.rules) ? driver.rules : []
    for (const [i, rule] of rules.entries()) {
      const where = `runs[${r}].tool.driver.rules[${i}]`
      if (!isRecord(rule) || typeof rule.id !== 'string' || !rule.id) problems.push(`${where}: no id`)
      else {
        for (const field of ['shortDescription', 'fullDescription', 'help']) if (!isRecord(rule[field]) || typeof (rule[field] as { text?: unknown }).text !== 'string') problems.push(`${where}: no ${field}.text`)
        const severity = isRecord(rule.properties) ? rule.properties['security-severity'] : undefined
        if (severity !== undefined && (typeof severity !== 'string' || !/^\d+(\.\d+)?$/.test(severity) || Number(severity) > 10)) problems.push(`${where}: security-severity ${JSON.stringify(severity)} is not a number from 0 to 10 as a string`)
      }
    }
    for (const [i, result] of run.results.entries()) {
      results++
      const where = `runs[${r}].results[${i}]`
      if (!isRecord(result)) {
        problems.push(`${where}: not an object`)
        continue
      }
      if (typeof result.ruleId !== 'string') problems.push(`${where}: no ruleId`)
      if (typeof result.ruleIndex === 'number' && (rules[result.ruleIndex] as { id?: unknown } | undefined)?.id !== result.ruleId) problems.push(`${where}: ruleIndex does not point at its rule`)
      if (!isRecord(result.message) || typeof result.message.text !== 'string') problems.push(`${where}: no message.text`)
      if ('fingerprints' in result || 'partialFingerprints' in result) problems.push(`${where}: invented fingerprints`)
      const locations = Array.isArray(result.locations) ? result.locations : []
      if (!locations.length) problems.push(`${where}: no location`)
      for (const location of locations) {
        const physical = isRecord(location) && isRecord(location.physicalLocation) ? location.physicalLocation : undefined
        const uri = physical && isRecord(physical.artifactLocation) ? physical.artifactLocation.uri : undefined
        if (typeof uri !== 'string' || !uri || uri.startsWith('/') || /^[a-z]+:/i.test(uri) || uri.split('/').includes('..')) problems.push(`${where}: uri ${JSON.stringify(uri)} is not a path relative to the repository`)
        const region = physical && isRecord(physical.region) ? physical.region : undefined
        const start = region?.startLine
        if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) problems.push(`${where}: no region.startLine`)
        const end = region?.endLine
        if (end !== undefined && (typeof end !== 'number' || typeof start !== 'number' || end < start)) problems.push(`${where}: endLine before startLine`)
      }
    }
  }
  if (results > 25_000) problems.push(`${results} results: GitHub takes at most 25,000 a run`)
  return problems
}
