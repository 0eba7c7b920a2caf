import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MAX_RESULTS, sarifOf, severityOf } from '../../src/report/sarif.ts'
import { exceptionsOf, assessmentOf, readingOf, riskRow } from '../../__fixtures__/report.ts'
import { multitoolValidate, uploadProblems } from '../../__fixtures__/sarif.ts'

const write = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sarif-')), 'log.sarif')
  writeFileSync(path, text)
  return path
}

describe('sarifOf', () => {
  const risks = [
    riskRow('high', 'Container runs as root', { rule_id: 'DF-USER-001', remediation: 'Add USER', description: 'Root in the container', build_instruction: 'USER root' }),
    riskRow('tips', 'apt lists kept', { rule_id: 'DF-APT-007', file_name: 'svc/Dockerfile' }),
    riskRow('high', 'Container runs as root', { rule_id: 'DF-USER-001', file_name: 'svc/Dockerfile' }),
    riskRow('low', 'No name', { rule_id: '', risk_name: '' })
  ]
  const exceptions = exceptionsOf('{rule: DF-APT-007, reason: accepted for now, expires: 2099-01-01}')
  const assessment = assessmentOf('high', readingOf(risks), { exceptions, places: (risk) => [{ path: risk.file_name, line: 3, endLine: 4 }] })
  const log = JSON.parse(sarifOf(assessment).text) as {
    runs: { tool: { driver: { rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { markdown: string } }[] } }; results: Record<string, unknown>[] }[]
  }
  const run = log.runs[0]

  it('has one rule per HSS rule_id, stable from run to run, and one result per finding', () => {
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['DF-USER-001', 'hss-unnamed-risk', 'DF-APT-007'])
    expect(run?.results).toHaveLength(4)
    expect(run?.tool.driver.rules[0]).toMatchObject({ name: 'ContainerRunsAsRoot', shortDescription: { text: 'Container runs as root' }, fullDescription: { text: 'Root in the container' } })
    expect(run?.tool.driver.rules[0]?.help.markdown).toContain('**Remediation:** Add USER')
  })

  it('puts each finding at its lines, relative to the repository, with no fingerprints', () => {
    expect(run?.results[0]).toMatchObject({ ruleId: 'DF-USER-001', ruleIndex: 0, level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, endLine: 4 } } }] })
    expect(JSON.stringify(log)).not.toMatch(/ingerprints/)
  })

  it('carries an excepted finding as a suppression with its justification', () => {
    const excepted = run?.results.find((r) => r.ruleId === 'DF-APT-007')
    expect(excepted?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted for now (exception until 2099-01-01)' }])
  })

  it('passes upload-sarif\'s checks and GitHub\'s rules', () => {
    expect(uploadProblems(log)).toEqual([])
    expect(multitoolValidate(write(sarifOf(assessment).text)).errors).toEqual([])
  })

  it('keeps the most severe 25,000 results', () => {
    const many = Array.from({ length: MAX_RESULTS + 10 }, (_, i) => riskRow(i < 10 ? 'high' : 'tips', `r${i}`, { rule_id: `R${i % 50}` }))
    const outcome = sarifOf(assessmentOf('high', readingOf(many)))
    expect([outcome.results, outcome.dropped]).toEqual([MAX_RESULTS, 10])
    expect((JSON.parse(outcome.text) as { runs: { results: { level: string }[] }[] }).runs[0]?.results.filter((r) => r.level === 'error')).toHaveLength(10)
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

  it('catch what GitHub\'s rules refuse (the Multitool runs)', () => {
    expect(multitoolValidate(write(JSON.stringify(broken))).errors.join('\n')).toMatch(/GH1013|GH2012|SARIF1004/)
  })
})
