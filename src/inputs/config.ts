/** Inputs (and their environment fallbacks) become one validated, typed Config. */
import { isKnownRegion, nearRegions, serviceEndpoint, REGION_PATTERN } from './endpoints.ts'
import { InputError } from '../errors.ts'
import { parseBoolean, parseChoice, parseDecimal, parseDuration, parseEndpoint, parseInteger, parseRelativePath, parseText } from './parse.ts'
import { ID_PATTERN, TASK_TYPES, taskRefOf, type TaskRef, type TaskType } from './task.ts'

export { TASK_TYPES, type CreateSpec, type TaskRef, type TaskType } from './task.ts'

/** IaC risk levels, most severe first. */
export const RISK_LEVELS = ['high', 'medium', 'low', 'tips'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]

/** Which risks can break the gate on a pull request (`fail-on-risk-scope`). */
export const RISK_SCOPES = ['all', 'changed-files', 'changed-lines'] as const
export type RiskScope = (typeof RISK_SCOPES)[number]

/** What a stale copy does to the verdict on a pull request (`stale-copies`). */
export const STALE_MODES = ['fail', 'warn', 'off'] as const
export type StaleMode = (typeof STALE_MODES)[number]

export type Auth =
  | { kind: 'token'; token: string }
  | { kind: 'aksk'; accessKeyId: string; secretAccessKey: string; securityToken?: string }

export interface Thresholds {
  maxFailed: number
  /** undefined: no percentage limit. */
  maxFailedPercent: number | undefined
  minScanned: number
}

export interface Config {
  task: TaskRef
  taskType: TaskType
  region: string | undefined
  /** undefined: look it up in IAM by region name. */
  projectId: string | undefined
  enterpriseProjectId: string | undefined
  endpoint: string
  /** Set when the project id is to be looked up (or iam-endpoint was given). */
  iamEndpoint: string | undefined
  auth: Auth
  timeoutMs: number
  pollIntervalMs: number
  thresholds: Thresholds
  /** Read the IaC risks and break the gate on any at this level or above; undefined: `none`, not read. */
  failOnRisk: RiskLevel | undefined
  /** Workspace-relative path of the SARIF log to write; undefined: none. */
  sarifFile: string | undefined
  /** The SARIF log's code-scanning category (automationDetails.id, ending in `/`); undefined: built per leg. */
  sarifCategory: string | undefined
  /** Workspace-relative path of the exceptions file (read from the base commit on pull requests). */
  exceptionsFile: string
  riskScope: RiskScope
  staleCopies: StaleMode
  softFail: boolean
  summary: boolean
  commentOnPr: boolean
  githubToken: string
  /** The job's matrix values as JSON (action.yml's default), which tell one matrix leg's comment from another's. */
  matrix: string
}

/** Where input values come from: the runner's `INPUT_*` (through core.getInput) and the environment. */
export interface InputSource {
  read(name: string): string
  env: Readonly<Record<string, string | undefined>>
}

/** Inputs that fall back to environment variables, in the order tried. */
const ENV_FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  region: ['HUAWEI_CLOUD_REGION', 'HUAWEICLOUD_SDK_REGION'],
  'project-id': ['HUAWEI_CLOUD_PROJECT_ID', 'HUAWEICLOUD_SDK_PROJECT_ID'],
  'access-key-id': ['HUAWEI_CLOUD_ACCESS_KEY_ID', 'HUAWEICLOUD_SDK_AK'],
  'secret-access-key': ['HUAWEI_CLOUD_SECRET_ACCESS_KEY', 'HUAWEICLOUD_SDK_SK'],
  'security-token': ['HUAWEI_CLOUD_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_SECURITY_TOKEN']
}

/** Inputs whose values must never be printed. */
export const SECRET_INPUTS = ['secret-access-key', 'security-token', 'auth-token', 'github-token'] as const

/** An input's value, else its first non-empty environment fallback, else ''. */
export function resolveInput(source: InputSource, name: string): string {
  const direct = source.read(name).trim()
  if (direct) return direct
  for (const variable of ENV_FALLBACKS[name] ?? []) {
    const value = source.env[variable]?.trim()
    if (value) return value
  }
  return ''
}

const SECOND = 1000
const DAY = 24 * 3600 * SECOND

/** `now`: the step's start, from which a `created-after` duration is counted back. */
export function buildConfig(source: InputSource, now: number = Date.now()): Config {
  const get = (name: string): string => resolveInput(source, name)

  const taskType = parseChoice('task-type', get('task-type') || 'iac_scan', TASK_TYPES)
  const task = taskRefOf(get, taskType, now)

  const regionText = get('region')
  if (regionText && !REGION_PATTERN.test(regionText)) {
    throw new InputError('region', regionText, `must be a Huawei Cloud region name such as ap-southeast-1${didYouMean(regionText)}`)
  }
  const region = regionText || undefined

  const auth = authFrom(get)

  const projectText = get('project-id')
  if (projectText && !ID_PATTERN.test(projectText)) {
    throw new InputError('project-id', projectText, 'must be a project id (letters, digits, - and _, at most 64)')
  }
  const projectId = projectText || undefined
  if (!projectId && auth.kind === 'token') {
    throw new InputError('project-id', undefined, 'is required with auth-token (the IAM project look-up needs access-key-id and secret-access-key); set it or HUAWEI_CLOUD_PROJECT_ID')
  }

  // A region the action does not know builds no endpoint: a typo would otherwise wait out the whole timeout.
  const needsKnown = region && !isKnownRegion(region) && (!get('endpoint') || (!projectId && !get('iam-endpoint')))
  if (region && needsKnown) {
    throw new InputError('region', region, `is not a Huawei Cloud region this action knows${didYouMean(region)}; for a region that is new, set endpoint (and iam-endpoint when project-id is empty) to its HSS and IAM URLs`)
  }
  const endpoint = endpointFor('endpoint', get('endpoint'), 'hss', region)
  if (!projectId && !region) {
    throw new InputError('region', undefined, 'is required to look up the project id when project-id is empty; set region (or HUAWEI_CLOUD_REGION) or project-id')
  }
  // Only the project look-up talks to IAM; without it a given iam-endpoint is still checked.
  const iamText = get('iam-endpoint')
  const iamEndpoint = projectId && !iamText ? undefined : endpointFor('iam-endpoint', iamText, 'iam', region)

  const epText = get('enterprise-project-id')
  const enterpriseProjectId = epText ? parseText('enterprise-project-id', epText, 256) : undefined

  const riskText = get('fail-on-risk') || 'none'
  const risk = parseChoice('fail-on-risk', riskText, ['none', ...RISK_LEVELS] as const)
  if (risk !== 'none' && taskType !== 'iac_scan') {
    throw new InputError('fail-on-risk', riskText, 'applies to IaC scans only (task-type: iac_scan); leave it at none for a cluster scan')
  }

  const sarifText = get('sarif-file')
  const sarifFile = sarifText ? parseRelativePath('sarif-file', sarifText) : undefined
  if (sarifFile && taskType !== 'iac_scan') {
    throw new InputError('sarif-file', sarifText, 'applies to IaC scans only (task-type: iac_scan): a cluster scan has no IaC risks to write')
  }

  const categoryText = get('sarif-category')
  const sarifCategory = categoryText ? parseText('sarif-category', categoryText, 255).replace(/\/?$/, '/') : undefined

  const percentText = get('max-failed-percent')
  return {
    task,
    taskType,
    region,
    projectId,
    enterpriseProjectId,
    endpoint,
    iamEndpoint,
    auth,
    timeoutMs: parseDuration('timeout', get('timeout') || '30m', { minMs: SECOND, maxMs: DAY }),
    pollIntervalMs: parseDuration('poll-interval', get('poll-interval') || '15s', { minMs: SECOND, maxMs: 3600 * SECOND }),
    thresholds: {
      maxFailed: parseInteger('max-failed', get('max-failed') || '0', { min: 0, max: 10_000_000 }),
      maxFailedPercent: percentText ? parseDecimal('max-failed-percent', percentText, { min: 0, max: 100 }) : undefined,
      minScanned: parseInteger('min-scanned', get('min-scanned') || '1', { min: 0, max: 10_000_000 })
    },
    failOnRisk: risk === 'none' ? undefined : risk,
    sarifFile,
    sarifCategory,
    exceptionsFile: parseRelativePath('exceptions-file', get('exceptions-file') || '.github/hss-exceptions.yml'),
    riskScope: parseChoice('fail-on-risk-scope', get('fail-on-risk-scope') || 'all', RISK_SCOPES),
    staleCopies: parseChoice('stale-copies', get('stale-copies') || 'fail', STALE_MODES),
    softFail: parseBoolean('soft-fail', get('soft-fail') || 'false'),
    summary: parseBoolean('summary', get('summary') || 'true'),
    commentOnPr: parseBoolean('comment-on-pr', get('comment-on-pr') || 'false'),
    githubToken: get('github-token'),
    matrix: parseText('matrix', get('matrix'), 4096, true)
  }
}

function didYouMean(region: string): string {
  const near = nearRegions(region.toLowerCase())
  return near.length ? ` (did you mean ${near.join(', ')}?)` : ''
}

function authFrom(get: (name: string) => string): Auth {
  const token = get('auth-token')
  if (token) return { kind: 'token', token }
  const accessKeyId = get('access-key-id')
  const secretAccessKey = get('secret-access-key')
  if (accessKeyId && !secretAccessKey) {
    throw new InputError('secret-access-key', undefined, 'is missing: access-key-id is set, so give its secret key too (or HUAWEI_CLOUD_SECRET_ACCESS_KEY)')
  }
  if (secretAccessKey && !accessKeyId) {
    throw new InputError('access-key-id', undefined, 'is missing: secret-access-key is set, so give its access key id too (or HUAWEI_CLOUD_ACCESS_KEY_ID)')
  }
  if (!accessKeyId) {
    throw new InputError('access-key-id', undefined, 'and `secret-access-key` are not set, nor is `auth-token`: give AK/SK (access-key-id and secret-access-key from repository secrets, or the HUAWEI_CLOUD_ACCESS_KEY_ID and HUAWEI_CLOUD_SECRET_ACCESS_KEY variables) or an IAM token in auth-token')
  }
  if (!/^[A-Za-z0-9]{8,128}$/.test(accessKeyId)) {
    throw new InputError('access-key-id', accessKeyId, 'must be an access key id (letters and digits)')
  }
  const securityToken = get('security-token')
  return { kind: 'aksk', accessKeyId, secretAccessKey, ...(securityToken ? { securityToken } : {}) }
}

function endpointFor(input: string, value: string, service: 'hss' | 'iam', region: string | undefined): string {
  if (value) return parseEndpoint(input, value)
  if (!region) {
    throw new InputError('region', undefined, `is required to build the default ${input}; set region (or HUAWEI_CLOUD_REGION) or ${input}`)
  }
  return serviceEndpoint(service, region)
}
