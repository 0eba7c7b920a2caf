/**
 * The IaC risks as a SARIF 2.1.0 log for GitHub code scanning, written to agree with the gate:
 *  - An excepted risk is left out. GitHub's SARIF subset has no `suppressions`: a suppressed result
 *    is ingested as an open alert, and would fail a pull request the gate passed. Left out, its
 *    alert closes as fixed on the next upload of this category; the summary and `risks` keep it.
 *  - One category per gate (`runs[0].automationDetails.id`): by default the task type, the file type
 *    and the job's matrix values, so that one matrix leg's upload never closes another leg's alerts.
 *  - Every result lies on a real place, once: a repository path and its lines. A risk with no line
 *    is left out, never put on line 1 (two of one rule there would share a fingerprint, and GitHub
 *    would keep one). Findings of one rule at one place are one result, with their count.
 *  - A log that would break GitHub's limits (25,000 results a run, 10 MB gzipped) is not written at
 *    all: a cut log would close the alerts of the findings it lacks.
 * `ruleId` is HSS's `rule_id` (stable from run to run), and each rule carries a numeric
 * `security-severity` (high 8.0, medium 5.5, low 2.0, tips none; an undocumented level 8.0, failing
 * closed). No fingerprints are invented: upload-sarif computes them from the lines themselves.
 */
import { createHash } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { clip } from '../escape.ts'
import { mostSevereFindings, resourceText, type Finding, type RiskAssessment } from '../gate/risks/findings.ts'
import { knownLevel } from '../gate/risks/risks.ts'
import { ACTION_NAME, ACTION_VERSION } from '../version.ts'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
export const MAX_RESULTS = 25_000
export const MAX_GZIP_BYTES = 10 * 1024 * 1024
const INFORMATION_URI = 'https://www.huaweicloud.com/intl/en-us/product/hss.html'
/** HSS's reference on IaC risks: the files, their risks, and where the risks sit. */
export const HELP_URI = 'https://support.huaweicloud.com/intl/en-us/api-hss2.0/topic_300000025.html'

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

export interface SarifOptions {
  /** `runs[0].automationDetails.id`: ends with `/` (the category; what follows the last `/` is the run). */
  category: string
  /** The checkout's root on the runner, for `originalUriBaseIds`. */
  checkoutRoot?: string
}

export type SarifOutcome =
  | {
      written: true
      /** The log, as the file's text. */
      text: string
      results: number
      /** Findings left out: excepted ones, and those with no place. */
      excepted: number
      unplaced: number
    }
  | { written: false; why: string }

/** One result: findings of one rule at one place, merged. */
interface Place {
  ruleId: string
  findings: Finding[]
}

export function sarifOf(risks: RiskAssessment, options: SarifOptions): SarifOutcome {
  const ordered = mostSevereFindings(risks.findings)
  const excepted = ordered.filter((f) => f.excepted).length
  const placed = ordered.filter((f) => !f.excepted && f.path !== undefined && f.line !== undefined)
  const places = new Map<string, Place>()
  for (const finding of placed) {
    const ruleId = ruleIdOf(finding)
    const key = JSON.stringify([ruleId, finding.path, finding.line, finding.endLine ?? finding.line])
    const place = places.get(key)
    if (place) place.findings.push(finding)
    else places.set(key, { ruleId, findings: [finding] })
  }
  if (places.size > MAX_RESULTS) return { written: false, why: `it would hold ${places.size.toLocaleString('en-US')} results, more than GitHub takes in one run (25,000)` }
  const text = JSON.stringify(logOf([...places.values()], options), null, 1)
  if (gzipSync(text).length > MAX_GZIP_BYTES) return { written: false, why: 'it would be larger than GitHub takes (10 MB gzipped)' }
  return { written: true, text, results: places.size, excepted, unplaced: ordered.length - excepted - placed.length }
}

function logOf(places: readonly Place[], options: SarifOptions): object {
  const rules = new Map<string, { index: number; findings: Finding[] }>()
  for (const place of places) {
    const rule = rules.get(place.ruleId) ?? { index: rules.size, findings: [] }
    rule.findings.push(...place.findings)
    rules.set(place.ruleId, rule)
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
        automationDetails: { id: options.category },
        originalUriBaseIds: {
          '%SRCROOT%': options.checkoutRoot ? { uri: `${pathToFileURL(options.checkoutRoot).href.replace(/\/?$/, '/')}`, description: { text: 'The root of the repository checkout' } } : { description: { text: 'The root of the repository checkout' } }
        },
        results: places.map((place) => resultOf(place, rules.get(place.ruleId)?.index ?? 0)),
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
  const description = first?.description ?? ''
  const remediation = first?.remediation ?? ''
  const full = description && description !== name ? description : `${name}${category ? ` (HSS ${category} risk)` : ' (an HSS IaC risk)'}`
  const helpText = [description ? `${description}` : '', category ? `Category: ${category}` : '', remediation ? `Remediation: ${remediation}` : 'HSS gives no remediation for this rule.'].filter(Boolean).join('\n')
  const helpMarkdown = [description ? markdownText(description) : '', category ? `**Category:** \`${category.replace(/`/g, '')}\`` : '', remediation ? `**Remediation:** ${markdownText(remediation)}` : 'HSS gives no remediation for this rule.'].filter(Boolean).join('\n\n')
  return {
    id,
    name: pascal(name) || 'HssIacRisk',
    shortDescription: { text: clip(name, 1024) },
    fullDescription: { text: clip(full, 1024) },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri: HELP_URI,
    defaultConfiguration: { level: severest.level },
    properties: {
      tags: ['security', 'iac', ...(category ? [category] : [])],
      ...(severest.securitySeverity ? { 'security-severity': severest.securitySeverity } : {}),
      precision: 'high',
      problem: { severity: severest.level === 'note' ? 'recommendation' : severest.level }
    }
  }
}

function resultOf(place: Place, ruleIndex: number): object {
  const [finding] = place.findings as [Finding, ...Finding[]]
  const { risk } = finding
  const count = place.findings.length
  const where = finding.resource ? ` in ${resourceText(finding.resource)}${finding.hitPath ? ` at ${finding.hitPath}` : ''}` : risk.build_instruction ? `: ${risk.build_instruction}` : ''
  const times = count > 1 ? ` (${count} findings of this rule here)` : ''
  const remedy = risk.remediation ? ` ${risk.remediation}` : ''
  const note = finding.note ? ` (Location: ${finding.note}.)` : ''
  const severest = place.findings.map((f) => severityOf(f.risk.risk_level)).sort((a, b) => Number(b.securitySeverity ?? 0) - Number(a.securitySeverity ?? 0))[0] ?? severityOf('')
  const line = finding.line ?? 1
  return {
    ruleId: place.ruleId,
    ruleIndex,
    level: severest.level,
    message: { text: clip(`${risk.risk_name || 'IaC risk'}${where}${times}.${remedy}${note}`, 2000) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(finding.path ?? ''), uriBaseId: '%SRCROOT%' },
          region: { startLine: line, ...(finding.endLine && finding.endLine > line ? { endLine: finding.endLine } : {}) }
        }
      }
    ],
    properties: { 'hss-risk-level': risk.risk_level, 'hss-file-id': risk.file_id, scope: place.findings.some((f) => f.scope === 'changed') ? 'changed' : 'pre-existing', count }
  }
}

/** A repository path as a relative URI reference: each segment percent-encoded. */
function uriOf(path: string): string {
  return path.split('/').map((segment) => encodeURIComponent(segment)).join('/')
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

/**
 * The default category: `hss/iac/<file type>/`, then the job's matrix values (`key:value/`, sorted,
 * as upload-sarif builds its own), so every matrix leg gets its own. Long ones end in a hash.
 */
export function defaultCategory(taskType: string, fileType: string | undefined, matrix: string): string {
  const kind = taskType === 'iac_scan' ? 'iac' : taskType.replace(/_scan$/, '')
  // A long value keeps a hash of all of it: two legs that differ only far in never share a category.
  const safe = (text: string) => {
    const clean = text.replace(/[^A-Za-z0-9._-]+/g, '-')
    return clean.length <= 64 ? clean : `${clean.slice(0, 48)}~${createHash('sha256').update(text).digest('hex').slice(0, 12)}`
  }
  let values: unknown
  try {
    values = JSON.parse(matrix || 'null')
  } catch {
    values = undefined
  }
  const entries = typeof values === 'object' && values !== null && !Array.isArray(values) ? Object.entries(values as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []
  const legs = entries.map(([key, value]) => `${safe(key)}:${safe(typeof value === 'string' ? value : JSON.stringify(value))}/`).join('')
  const id = `hss/${kind}/${fileType ? `${safe(fileType)}/` : ''}${legs}`
  return id.length <= 255 ? id : `${id.slice(0, 230)}#${createHash('sha256').update(id).digest('hex').slice(0, 16)}/`
}
