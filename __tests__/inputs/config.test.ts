import { describe, expect, it } from '@jest/globals'
import { buildConfig, resolveInput, type InputSource } from '../../src/inputs/config.ts'
import { serviceEndpoint } from '../../src/inputs/endpoints.ts'
import { InputError } from '../../src/errors.ts'

function source(inputs: Record<string, string>, env: Record<string, string> = {}): InputSource {
  return { read: (name) => inputs[name] ?? '', env }
}

const AKSK = { 'access-key-id': 'QTWAOYTTINDUT2QVKYUC', 'secret-access-key': 'sk-secret-value' }
const minimal = { 'task-id': 't-1', region: 'ap-southeast-1', 'project-id': 'p1', ...AKSK }

function errorOf(inputs: Record<string, string>, env: Record<string, string> = {}): InputError {
  try {
    buildConfig(source(inputs, env))
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('buildConfig', () => {
  it('applies the contract defaults', () => {
    const config = buildConfig(source(minimal))
    expect(config).toMatchObject({
      task: { by: 'id', id: 't-1' },
      taskType: 'iac_scan',
      endpoint: 'https://hss.ap-southeast-1.myhuaweicloud.com',
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 15_000,
      thresholds: { maxFailed: 0, maxFailedPercent: undefined, minScanned: 1 },
      softFail: false,
      summary: true,
      commentOnPr: false,
      enterpriseProjectId: undefined
    })
    expect(config.auth).toEqual({ kind: 'aksk', accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: 'sk-secret-value' })
  })

  it('reads every threshold and switch', () => {
    const config = buildConfig(
      source({ ...minimal, 'max-failed': '3', 'max-failed-percent': '2.5', 'min-scanned': '0', 'soft-fail': 'TRUE', summary: 'false', timeout: '1h30m', 'poll-interval': '5', 'task-type': 'cluster_scan', 'enterprise-project-id': 'all_granted_eps' })
    )
    expect(config.thresholds).toEqual({ maxFailed: 3, maxFailedPercent: 2.5, minScanned: 0 })
    expect(config).toMatchObject({ softFail: true, summary: false, timeoutMs: 5_400_000, pollIntervalMs: 5000, taskType: 'cluster_scan', enterpriseProjectId: 'all_granted_eps' })
  })

  it('prefers task-id over task-name, and takes a name when the id is empty', () => {
    expect(buildConfig(source({ ...minimal, 'task-name': 'n' })).task).toEqual({ by: 'id', id: 't-1' })
    expect(buildConfig(source({ ...minimal, 'task-id': '', 'task-name': 'iac-pr-7' })).task).toEqual({ by: 'name', name: 'iac-pr-7' })
  })

  it('counts created-after back from the step start, for name look-ups only', () => {
    const now = Date.parse('2026-11-28T12:00:00Z')
    expect(buildConfig(source({ ...minimal, 'task-id': '', 'task-name': 'n', 'created-after': '30m' }), now).task).toEqual({ by: 'name', name: 'n', createdAfter: now - 1_800_000 })
    expect(() => buildConfig(source({ ...minimal, 'created-after': '30m' }), now)).toThrow(/^Input `created-after` applies to task-name look-ups only/)
  })

  it('builds eu-west-101 endpoints under .eu', () => {
    const config = buildConfig(source({ ...minimal, region: 'eu-west-101', 'project-id': '' }))
    expect(config.endpoint).toBe('https://hss.eu-west-101.myhuaweicloud.eu')
    expect(config.iamEndpoint).toBe('https://iam.eu-west-101.myhuaweicloud.eu')
    expect(serviceEndpoint('iam', 'cn-north-4')).toBe('https://iam.cn-north-4.myhuaweicloud.com')
  })

  it('takes a region it does not know when the endpoints are given', () => {
    expect(buildConfig(source({ ...minimal, region: 'xx-new-9', endpoint: 'https://hss.example' })).endpoint).toBe('https://hss.example')
    expect(buildConfig(source({ ...minimal, region: 'xx-new-9', endpoint: 'https://hss.example', 'iam-endpoint': 'https://iam.example', 'project-id': '' })).iamEndpoint).toBe('https://iam.example')
  })

  it('needs no region when endpoint and project id are given', () => {
    const config = buildConfig(source({ ...minimal, region: '', endpoint: 'http://127.0.0.1:9' }))
    expect(config.endpoint).toBe('http://127.0.0.1:9')
    expect(config.iamEndpoint).toBeUndefined()
    expect(config.projectId).toBe('p1')
  })

  it('leaves the project id to be looked up with AK/SK', () => {
    const config = buildConfig(source({ ...minimal, 'project-id': '' }))
    expect(config.projectId).toBeUndefined()
    expect(config.iamEndpoint).toBe('https://iam.ap-southeast-1.myhuaweicloud.com')
  })

  it('uses auth-token instead of AK/SK when both are set', () => {
    expect(buildConfig(source({ ...minimal, 'auth-token': 'MIIT-token' })).auth).toEqual({ kind: 'token', token: 'MIIT-token' })
  })

  it('carries a security token with AK/SK', () => {
    expect(buildConfig(source({ ...minimal, 'security-token': 'st' })).auth).toMatchObject({ kind: 'aksk', securityToken: 'st' })
  })
})

describe('environment fallbacks', () => {
  const env = {
    HUAWEI_CLOUD_REGION: 'cn-north-4',
    HUAWEICLOUD_SDK_REGION: 'ap-southeast-3',
    HUAWEI_CLOUD_PROJECT_ID: 'from-auth-action',
    HUAWEICLOUD_SDK_PROJECT_ID: 'from-sdk',
    HUAWEI_CLOUD_ACCESS_KEY_ID: 'AUTHACTIONAK1',
    HUAWEI_CLOUD_SECRET_ACCESS_KEY: 'auth-action-sk',
    HUAWEICLOUD_SDK_AK: 'SDKAK00001',
    HUAWEICLOUD_SDK_SK: 'sdk-sk',
    HUAWEI_CLOUD_SECURITY_TOKEN: 'st-1',
    HUAWEICLOUD_SDK_SECURITY_TOKEN: 'st-2'
  }

  it('takes the input first', () => {
    expect(resolveInput(source({ region: 'la-south-2' }, env), 'region')).toBe('la-south-2')
  })

  it('then HUAWEI_CLOUD_*, then HUAWEICLOUD_SDK_*', () => {
    const config = buildConfig(source({ 'task-id': 't' }, env))
    expect(config.region).toBe('cn-north-4')
    expect(config.projectId).toBe('from-auth-action')
    expect(config.auth).toEqual({ kind: 'aksk', accessKeyId: 'AUTHACTIONAK1', secretAccessKey: 'auth-action-sk', securityToken: 'st-1' })

    const sdkOnly = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('HUAWEICLOUD_SDK_')))
    const fromSdk = buildConfig(source({ 'task-id': 't' }, sdkOnly))
    expect(fromSdk.region).toBe('ap-southeast-3')
    expect(fromSdk.projectId).toBe('from-sdk')
    expect(fromSdk.auth).toEqual({ kind: 'aksk', accessKeyId: 'SDKAK00001', secretAccessKey: 'sdk-sk', securityToken: 'st-2' })
  })

  it('skips empty variables', () => {
    expect(resolveInput(source({}, { HUAWEI_CLOUD_REGION: '  ', HUAWEICLOUD_SDK_REGION: 'af-south-1' }), 'region')).toBe('af-south-1')
  })
})

describe('bad inputs name the input and what is allowed', () => {
  it.each([
    [{ ...minimal, 'task-id': '' }, 'task-id', /or `task-name` must be set/],
    [{ ...minimal, 'task-id': 'a/b' }, 'task-id', /must be a task id/],
    [{ ...minimal, 'task-type': 'image_scan' }, 'task-type', /must be one of iac_scan, cluster_scan/],
    [{ ...minimal, region: 'Asia Pacific' }, 'region', /must be a Huawei Cloud region name/],
    [{ ...minimal, region: 'ap-southeast-11' }, 'region', /is not a Huawei Cloud region this action knows \(did you mean ap-southeast-1, ap-southeast-2, ap-southeast-3\?\); for a region that is new, set endpoint/],
    [{ ...minimal, region: 'cn-nort-4' }, 'region', /did you mean cn-north-4/],
    [{ ...minimal, region: 'xx-new-9', endpoint: 'https://hss.example', 'project-id': '' }, 'region', /iam-endpoint when project-id is empty/],
    [{ ...minimal, region: '', 'project-id': '' }, 'region', /required/],
    [{ ...minimal, region: '' }, 'region', /required to build the default endpoint/],
    [{ ...minimal, 'project-id': '../x' }, 'project-id', /must be a project id/],
    [{ ...minimal, endpoint: 'http://hss.example.com' }, 'endpoint', /only for 127/],
    [{ ...minimal, 'project-id': '', 'iam-endpoint': 'http://iam.example.com' }, 'iam-endpoint', /only for 127/],
    [{ ...minimal, timeout: 'soon' }, 'timeout', /must be a duration/],
    [{ ...minimal, 'poll-interval': '500ms' }, 'poll-interval', /must be a duration/],
    [{ ...minimal, 'poll-interval': '0s' }, 'poll-interval', /at least|between 1s/],
    [{ ...minimal, 'max-failed': '-1' }, 'max-failed', /whole number/],
    [{ ...minimal, 'max-failed-percent': '120' }, 'max-failed-percent', /from 0 to 100/],
    [{ ...minimal, 'min-scanned': 'one' }, 'min-scanned', /whole number/],
    [{ ...minimal, 'soft-fail': 'yes' }, 'soft-fail', /true or false/],
    [{ ...minimal, summary: 'no' }, 'summary', /true or false/],
    [{ ...minimal, 'comment-on-pr': 'sometimes' }, 'comment-on-pr', /true or false/],
    [{ ...minimal, 'enterprise-project-id': 'x'.repeat(257) }, 'enterprise-project-id', /at most 256/],
    [{ ...minimal, 'access-key-id': 'ak with spaces' }, 'access-key-id', /must be an access key id/]
  ])('%#: %s', (inputs, input, message) => {
    const error = errorOf(inputs)
    expect(error.input).toBe(input)
    expect(error.message).toContain(`\`${input}\``)
    expect(error.message).toMatch(message)
  })

  it('names the missing half of an AK/SK pair', () => {
    expect(errorOf({ ...minimal, 'secret-access-key': '' }).message).toMatch(/`secret-access-key` is missing: access-key-id is set/)
    expect(errorOf({ ...minimal, 'access-key-id': '' }).message).toMatch(/`access-key-id` is missing: secret-access-key is set/)
  })

  it('names both ways when there are no credentials at all', () => {
    const message = errorOf({ 'task-id': 't', region: 'ap-southeast-1', 'project-id': 'p' }).message
    expect(message).toContain('access-key-id')
    expect(message).toContain('secret-access-key')
    expect(message).toContain('auth-token')
  })

  it('asks for project-id with a token, since only AK/SK can look it up', () => {
    expect(errorOf({ 'task-id': 't', region: 'ap-southeast-1', 'auth-token': 'tok' }).message).toMatch(/`project-id` is required with auth-token/)
  })

  it('never puts a secret in the message', () => {
    const message = errorOf({ ...minimal, 'access-key-id': '', 'secret-access-key': 'TOP-SECRET-SK' }).message
    expect(message).not.toContain('TOP-SECRET-SK')
  })
})
