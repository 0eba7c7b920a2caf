import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Risk } from '../../src/gate/risks/risks.ts'
import { defaultCategory, HELP_URI, MAX_RESULTS, sarifOf, severityOf } from '../../src/report/sarif.ts'
import { assessmentOf, exceptionsOf, readingOf, riskRow, type PlainLocation } from '../../__fixtures__/report.ts'
import { alertIdentities } from '../../__fixtures__/fingerprints.ts'
import { multitoolValidate, uploadProblems } from '../../__fixtures__/sarif.ts'

const write = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sarif-')), 'log.sarif')
  writeFileSync(path, text)
  return path
}

type Log = {
  runs: {
    automationDetails: { id: string }
    originalUriBaseIds: Record<string, { uri?: string }>
    tool: { driver: { rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[] } }
    results: { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; endLine?: number } } }[]; properties: { count: number }; suppressions?: unknown }[]
  }[]
}
const written = (outcome: ReturnType<typeof sarifOf>) => {
  if (!outcome.written) throw new Error(outcome.why)
  return outcome
}
const logOf = (outcome: ReturnType<typeof sarifOf>) => JSON.parse(written(outcome).text) as Log

describe('sarifOf', () => {
  const risks = [
    riskRow('high', 'Container runs as root', { rule_id: 'DF-USER-001', remediation: 'Add USER', description: 'Root in the container', build_instruction: 'USER root' }),
    riskRow('tips', 'apt lists kept', { rule_id: 'DF-APT-007', file_name: 'svc/Dockerfile' }),
    riskRow('high', 'Container runs as root', { rule_id: 'DF-USER-001', file_name: 'svc/Dockerfile' }),
    riskRow('low', 'No name', { rule_id: '', risk_name: '' }),
    riskRow('medium', 'Not placed', { rule_id: 'R-NOWHERE', file_name: 'gone/Dockerfile' })
  ]
  const exceptions = exceptionsOf('{rule: DF-APT-007, reason: accepted for now, expires: 2099-01-01}')
  const places = (risk: Risk): PlainLocation[] => (risk.rule_id === 'R-NOWHERE' ? [{ note: 'the file is not in the checkout' }] : [{ path: risk.file_name, line: 3, endLine: 4 }])
  const assessment = assessmentOf('high', readingOf(risks), { exceptions, places })
  const outcome = written(sarifOf(assessment, { category: 'hss/iac/dockerfile/', checkoutRoot: '/home/runner/work/r/r' }))
  const run = logOf(sarifOf(assessment, { category: 'hss/iac/dockerfile/', checkoutRoot: '/home/runner/work/r/r' })).runs[0]

  it('has one rule per HSS rule_id, stable from run to run, that reads well on the alert page', () => {
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['DF-USER-001', 'hss-unnamed-risk'])
    expect(run?.tool.driver.rules[0]).toMatchObject({ name: 'ContainerRunsAsRoot', shortDescription: { text: 'Container runs as root' }, fullDescription: { text: 'Root in the container' }, helpUri: HELP_URI })
    expect(run?.tool.driver.rules[0]?.help.markdown).toContain('**Remediation:** Add USER')
    expect(run?.tool.driver.rules[0]?.help.markdown).toContain('**Category:** `workload`')
    // Without a description, the full description is not the short one.
    expect(run?.tool.driver.rules[1]?.fullDescription.text).toBe('hss-unnamed-risk (HSS workload risk)')
  })

  it('leaves an excepted finding out (GitHub would open an alert for it), and one with no place (never line 1)', () => {
    expect(run?.results.map((r) => r.ruleId)).toEqual(['DF-USER-001', 'DF-USER-001', 'hss-unnamed-risk'])
    expect(JSON.stringify(run)).not.toContain('suppressions')
    expect([outcome.excepted, outcome.unplaced]).toEqual([1, 1])
  })

  it('puts each result at its lines, relative to the repository, with no fingerprints, in its category', () => {
    expect(run?.results[0]).toMatchObject({ ruleId: 'DF-USER-001', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, endLine: 4 } } }] })
    expect(JSON.stringify(run)).not.toMatch(/ingerprints/)
    expect(run?.automationDetails).toEqual({ id: 'hss/iac/dockerfile/' })
    expect(run?.originalUriBaseIds['%SRCROOT%']?.uri).toBe('file:///home/runner/work/r/r/')
  })

  it('merges findings of one rule at one place into one result that carries the count', () => {
    const twice = assessmentOf('high', readingOf([riskRow('high', 'Privileged', { rule_id: 'K1', file_name: 'k8s/a.yaml' }), riskRow('high', 'Privileged', { rule_id: 'K1', file_name: 'k8s/a.yaml', risk_id: 'x' } as Partial<Risk>)]), { places: () => [{ path: 'k8s/a.yaml', line: 7, endLine: 7 }] })
    const results = logOf(sarifOf(twice, { category: 'c/' })).runs[0]?.results ?? []
    expect(results).toHaveLength(1)
    expect(results[0]?.properties.count).toBe(2)
    expect(results[0]?.message.text).toContain('(2 findings of this rule here)')
  })

  it('passes upload-sarif\'s checks, and GitHub\'s rules with no error and no warning', () => {
    const log = JSON.parse(outcome.text) as unknown
    expect(uploadProblems(log)).toEqual([])
    expect(multitoolValidate(write(outcome.text))).toEqual({ errors: [], warnings: [] })
  })

  it('writes no log that GitHub would cut: past 25,000 results, none', () => {
    const many = Array.from({ length: MAX_RESULTS + 1 }, (_, i) => riskRow('tips', `r${i}`, { rule_id: `R${i % 50}` }))
    const outcome = sarifOf(assessmentOf('high', readingOf(many), { places: (risk) => [{ path: 'Dockerfile', line: Number(risk.risk_name.slice(1)) + 1 }] }), { category: 'c/' })
    expect(outcome).toEqual({ written: false, why: 'it would hold 25,001 results, more than GitHub takes in one run (25,000)' })
  })

  it.each([
    ['high', 'error', '8.0'],
    ['medium', 'warning', '5.5'],
    ['low', 'note', '2.0'],
    ['tips', 'note', undefined],
    ['critical', 'error', '8.0'],
    ['', 'error', '8.0']
  ])('maps %j to %s, security-severity %s', (level, sarifLevel, severity) => {
    expect(severityOf(level)).toEqual({ level: sarifLevel, securitySeverity: severity })
  })
})

describe('defaultCategory', () => {
  it('is the task type and file type, then each matrix value: one per leg', () => {
    expect(defaultCategory('iac_scan', 'dockerfile', '')).toBe('hss/iac/dockerfile/')
    expect(defaultCategory('iac_scan', 'dockerfile', 'null')).toBe('hss/iac/dockerfile/')
    expect(defaultCategory('iac_scan', 'k8s_yaml', JSON.stringify({ os: 'linux', files: 'Kubernetes YAML' }))).toBe('hss/iac/k8s_yaml/files:Kubernetes-YAML/os:linux/')
    expect(defaultCategory('iac_scan', undefined, '{"n":2}')).toBe('hss/iac/n:2/')
  })

  it('keeps two legs that differ in any value apart, and stays short', () => {
    const a = defaultCategory('iac_scan', 'dockerfile', JSON.stringify({ x: 'a'.repeat(300) }))
    const b = defaultCategory('iac_scan', 'dockerfile', JSON.stringify({ x: `${'a'.repeat(299)}b` }))
    expect(a).not.toBe(b)
    expect(a.length).toBeLessThanOrEqual(255)
    expect(a.endsWith('/')).toBe(true)
  })
})

describe('the SARIF checks themselves', () => {
  const broken = {
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'R', shortDescription: { text: 'r' }, properties: { 'security-severity': 'high' } }] } }, results: [{ ruleId: 'R', ruleIndex: 0, message: { text: 'm' }, partialFingerprints: { a: 'b' }, locations: [{ physicalLocation: { artifactLocation: { uri: '/abs/Dockerfile' } } }] }] }]
  }

  it('catch what upload-sarif would refuse', () => {
    expect(uploadProblems(broken)).toEqual([
      'runs[0].tool.driver.rules[0]: no fullDescription.text',
      'runs[0].tool.driver.rules[0]: no help.text',
      'runs[0].tool.driver.rules[0]: security-severity "high" is not a number from 0 to 10 as a string',
      'runs[0].results[0]: invented fingerprints',
      'runs[0].results[0]: uri "/abs/Dockerfile" is not a path relative to the repository',
      'runs[0].results[0]: no region.startLine'
    ])
  })

  it('see two results GitHub would keep as one alert (one rule, one file, one line hash)', () => {
    const result = (line: number) => ({ ruleId: 'R', locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: line } } }] })
    const text = 'FROM a\nUSER root\nUSER root\n'
    expect(alertIdentities({ runs: [{ results: [result(2), result(2)] }] }, () => text).repeated).toHaveLength(1)
    // The same text on two lines hashes apart (codeql-action counts repeats).
    expect(alertIdentities({ runs: [{ results: [result(2), result(3)] }] }, () => text).repeated).toEqual([])
  })

  it('catch what GitHub\'s rules refuse (the Multitool runs)', () => {
    expect(multitoolValidate(write(JSON.stringify(broken))).errors.join('\n')).toMatch(/GH1013|GH2012|SARIF1004/)
  })
})
