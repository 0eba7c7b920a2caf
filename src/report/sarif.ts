/**
 * The IaC risks as a SARIF 2.1.0 log that `github/codeql-action/upload-sarif` accepts, for GitHub
 * code scanning. Every finding goes in, whatever `fail-on-risk` judged: excepted ones carry a
 * suppression with their reason. `ruleId` is HSS's `rule_id` (stable from run to run; never the
 * per-run `risk_id`), so alerts do not churn. Each rule carries a numeric `security-severity`, so
 * the Security tab keeps HSS's levels apart: high 8.0 (error), medium 5.5 (warning), low 2.0 and
 * tips (note), and a level HSS does not document 8.0 (error), failing closed. Every result has a
 * region: its lines, or line 1 of the file when the gate could not place it. No fingerprints are
 * invented: upload-sarif computes them from the lines themselves. GitHub's limits hold: at most
 * 25,000 results (the most severe kept), and at most 10 MB gzipped.
 */
import { gzipSync } from 'node:zlib'
import { clip } from '../escape.ts'
import { mostSevereFindings, resourceText, type Finding, type RiskAssessment } from '../gate/risks/findings.ts'
import { knownLevel } from '../gate/risks/risks.ts'
import { segmentsOf } from '../repo/repo-path.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const MAX_RESULTS = 25_000
export const MAX_GZIP_BYTES = 10 * 1024 * 1024
const INFORMATION_URI = 'https://www.huaweicloud.com/intl/en-us/product/hss.html'

type SarifLevel = 'error' | 'warning' | 'note'

/** HSS's level → SARIF's level and GitHub's security-severity (undefined for tips: no severity). */
export function severityOf(level: string): { level: SarifLevel; securitySeverity: string | undefined } {
  switch (knownLevel(level)) {
    case 'high':
      return { level: 'error', securitySeverity: '8.0' }
    case 'medium':
      return { level: 'warning', securitySeverity: '5.5' }
    case 'low':
      return { level: 'note', securitySeverity: '2.0' }
    case 'tips':
      return { level: 'note', securitySeverity: undefined }
    default:
      return { level: 'error', securitySeverity: '8.0' }
  }
}

export interface SarifOutcome {
  /** The log, as the file's text. */
  text: string
  results: number
  /** Findings left out to stay within GitHub's limits. */
  dropped: number
}

export function sarifOf(risks: RiskAssessment): SarifOutcome {
  const all = mostSevereFindings(risks.findings)
  for (let keep = Math.min(all.length, MAX_RESULTS); ; keep = Math.floor(keep / 2)) {
    const text = JSON.stringify(logOf(all.slice(0, keep)), null, 1)
    if (keep === 0 || gzipSync(text).length <= MAX_GZIP_BYTES) return { text, results: keep, dropped: all.length - keep }
  }
}

function logOf(findings: readonly Finding[]): object {
  const rules = new Map<string, { index: number; findings: Finding[] }>()
  for (const finding of findings) {
    const id = ruleIdOf(finding)
    const rule = rules.get(id) ?? { index: rules.size, findings: [] }
    rule.findings.push(finding)
    rules.set(id, rule)
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ACTION_NAME,
            fullName: `${ACTION_NAME}: Huawei Cloud HSS IaC risks`,
            version: ACTION_VERSION,
            semanticVersion: ACTION_VERSION,
            informationUri: INFORMATION_URI,
            rules: [...rules.entries()].map(([id, rule]) => ruleOf(id, rule.findings))
          }
        },
        results: findings.map((finding) => resultOf(finding, rules.get(ruleIdOf(finding))?.index ?? 0)),
        columnKind: 'utf16CodeUnits'
      }
    ]
  }
}

/** HSS's rule_id; a risk without one gets an id from its name, so it is stable from run to run too. */
function ruleIdOf(finding: Finding): string {
  const { risk } = finding
  if (risk.rule_id) return risk.rule_id
  const slug = risk.risk_name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 64)
  return `hss-${slug || 'unnamed-risk'}`
}

function ruleOf(id: string, findings: readonly Finding[]): object {
  const first = findings[0]?.risk
  const name = first?.risk_name || id
  // The most severe level any finding of this rule has: what the Security tab shows for the rule.
  const severest = findings.map((f) => severityOf(f.risk.risk_level)).sort((a, b) => Number(b.securitySeverity ?? 0) - Number(a.securitySeverity ?? 0))[0] ?? severityOf('')
  const category = first?.risk_category ?? ''
  const remediation = first?.remediation ?? ''
  const helpText = [remediation ? `Remediation: ${remediation}` : 'HSS gives no remediation for this rule.', category ? `Category: ${category}` : ''].filter(Boolean).join('\n')
  const helpMarkdown = [remediation ? `**Remediation:** ${markdownText(remediation)}` : 'HSS gives no remediation for this rule.', category ? `**Category:** \`${category.replace(/`/g, '')}\`` : ''].filter(Boolean).join('\n\n')
  return {
    id,
    name: pascal(name) || 'HssIacRisk',
    shortDescription: { text: clip(name, 1024) },
    fullDescription: { text: clip(first?.description || name, 1024) },
    help: { text: helpText, markdown: helpMarkdown },
    defaultConfiguration: { level: severest.level },
    properties: {
      tags: ['security', 'iac', ...(category ? [category] : [])],
      ...(severest.securitySeverity ? { 'security-severity': severest.securitySeverity } : {}),
      precision: 'high',
      problem: { severity: severest.level === 'note' ? 'recommendation' : severest.level }
    }
  }
}

function resultOf(finding: Finding, ruleIndex: number): object {
  const { risk } = finding
  const where = finding.resource ? ` in ${resourceText(finding.resource)}${finding.hitPath ? ` at ${finding.hitPath}` : ''}` : risk.build_instruction ? `: ${risk.build_instruction}` : ''
  const remedy = risk.remediation ? ` ${risk.remediation}` : ''
  const note = finding.line === undefined && finding.note ? ` (Location: ${finding.note}.)` : ''
  return {
    ruleId: ruleIdOf(finding),
    ruleIndex,
    level: severityOf(risk.risk_level).level,
    message: { text: clip(`${risk.risk_name || 'IaC risk'}${where}.${remedy}${note}`, 2000) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(finding.path ?? risk.file_name), uriBaseId: '%SRCROOT%' },
          region: { startLine: finding.line ?? 1, ...(finding.line !== undefined && finding.endLine && finding.endLine > finding.line ? { endLine: finding.endLine } : {}) }
        }
      }
    ],
    ...(finding.excepted
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: clip(`${finding.excepted.reason} (exception until ${finding.excepted.expires})`, 1000) }] }
      : {}),
    properties: { 'hss-risk-level': risk.risk_level, 'hss-file-id': risk.file_id, scope: finding.scope }
  }
}

/** A relative URI reference: each segment percent-encoded, never absolute, never `..`. */
function uriOf(path: string): string {
  const segments = segmentsOf(path)
  return segments.length ? segments.map((s) => encodeURIComponent(s)).join('/') : 'unknown-file'
}

/** `Container runs as root` → `ContainerRunsAsRoot`, as SARIF suggests for a rule's name. */
function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('')
    .slice(0, 128)
}

/** HSS's text inside the rule's help Markdown: no HTML, links or emphasis from it. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (c) => `\\${c}`)
}
