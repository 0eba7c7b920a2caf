import { describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import { canonicalQuery, canonicalRequestHash, canonicalUri, parseAuthorization, percentEncode, queryPairs, sdkDate, sign, withQuery } from '../../src/hss/signer.ts'

// The official signer, a test-only oracle (it is far too heavy to ship).
const require = createRequire(import.meta.url)
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js') as {
  AKSKSigner: { sign(request: unknown, credential: unknown): Record<string, string> }
}

const AK = 'QTWAOYTTINDUT2QVKYUC'
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'

describe("Huawei's published test vector", () => {
  const url = new URL('https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0')
  const headers = { 'Content-Type': 'application/json', Host: 'service.region.example.com', 'X-Sdk-Date': '20191115T033655Z' }

  it('hashes the canonical request as published', () => {
    const { hash, signedHeaders } = canonicalRequestHash('GET', url, headers, '')
    expect(signedHeaders).toBe('content-type;host;x-sdk-date')
    expect(hash).toBe('b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a')
  })

  it('produces the published signature', () => {
    const signed = sign({ method: 'GET', url, headers: { 'Content-Type': 'application/json' }, body: '' }, { accessKeyId: AK, secretAccessKey: SK }, new Date('2019-11-15T03:36:55Z'))
    expect(signed['X-Sdk-Date']).toBe('20191115T033655Z')
    expect(signed.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe`
    )
  })
})

describe('agreement with the official AKSKSigner', () => {
  const date = new Date('2026-03-04T05:06:07Z')
  const cases: { name: string; method: string; base: string; query: Record<string, string>; data?: unknown; token?: string; projectId?: string }[] = [
    { name: 'ListTasks with paging', method: 'POST', base: 'https://hss.ap-southeast-1.myhuaweicloud.com/v5/0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b/common/tasks/batch-query', query: { offset: '0', limit: '200', enterprise_project_id: 'all_granted_eps' }, data: { task_type: 'iac_scan', task_name: 'iac-pr-42' }, projectId: '0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b' },
    { name: 'non-ASCII body and names', method: 'POST', base: 'https://hss.cn-north-4.myhuaweicloud.com/v5/p1/common/tasks/batch-query', query: { limit: '10' }, data: { task_type: 'iac_scan', task_name: '扫描任务 — ünïcødé 🚀', note: 'a "quoted" \\ value\nwith a line break' } },
    { name: 'query keys and values that need encoding', method: 'GET', base: 'https://iam.eu-west-101.myhuaweicloud.eu/v3/projects', query: { name: 'eu-west-101', 'a b': 'x/y?z=1&w', 'Zeta~': '*()!\'', 'ключ': 'значение' } },
    { name: 'security token', method: 'POST', base: 'https://hss.ap-southeast-3.myhuaweicloud.com/v5/abc/common/tasks/t-1/resources/batch-query', query: { offset: '200', limit: '200' }, data: { task_type: 'iac_scan', iac_scan_info: { scan_status: 'failed' } }, token: 'gQpjbi1ub3J0aC00jP0Bv4RfYpw+Ue2w1ZJ/9AwPuQ==' },
    { name: 'empty body, no query, port in host', method: 'GET', base: 'https://127.0.0.1:8443/v3/projects', query: {} }
  ]

  it.each(cases)('$name', ({ method, base, query, data, token, projectId }) => {
    // Built as the action builds its URLs: the signer's own (RFC 3986) encoding.
    const url = withQuery(new URL(base), query)
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (projectId) headers['X-Project-Id'] = projectId
    const body = data === undefined ? '' : JSON.stringify(data)

    const ours = sign({ method, url, headers, body }, { accessKeyId: AK, secretAccessKey: SK, ...(token ? { securityToken: token } : {}) }, date)

    const official = AKSKSigner.sign(
      {
        method,
        endpoint: base,
        queryParams: query,
        headers: { ...headers, 'X-Sdk-Date': sdkDate(date), ...(token ? { 'X-Security-Token': token } : {}) },
        data
      },
      { getAk: () => AK, getSk: () => SK }
    )
    expect(ours.Authorization).toBe(official.Authorization)
    if (token) {
      expect(ours['X-Security-Token']).toBe(token)
      expect(ours.Authorization).toContain('x-security-token')
    }
  })
})

describe('a multipart upload, signed as the official SDKs sign it', () => {
  // BaseCredentials adds X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD to a request whose body is not JSON,
  // and AKSKSigner takes that value for the body's hash and leaves a multipart Content-Type unsigned.
  const date = new Date('2026-12-03T08:00:00Z')
  const base = 'https://hss.ap-southeast-1.myhuaweicloud.com/v5/0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b/common/files/batch-upload'

  it.each([
    ['no query', {}, undefined],
    ['an enterprise project', { enterprise_project_id: 'all_granted_eps' }, undefined],
    ['a security token', {}, 'gQpjbi1ub3J0aC00jP0Bv4RfYpw+Ue2w1ZJ/9AwPuQ==']
  ])('%s', (_name, query: Record<string, string>, token) => {
    const url = withQuery(new URL(base), query)
    const headers = { 'X-Project-Id': '0e3b1a1f9c2d4e5f8a7b6c5d4e3f2a1b', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' }
    const ours = sign({ method: 'POST', url, headers, body: '' }, { accessKeyId: AK, secretAccessKey: SK, ...(token ? { securityToken: token } : {}) }, date)
    const official = AKSKSigner.sign(
      { method: 'POST', endpoint: base, queryParams: query, headers: { ...headers, 'content-type': 'multipart/form-data; boundary=----sdk', 'X-Sdk-Date': sdkDate(date), ...(token ? { 'X-Security-Token': token } : {}) }, data: { upload_type: 'dockerfile' } },
      { getAk: () => AK, getSk: () => SK }
    )
    expect(ours.Authorization).toBe(official.Authorization)
    expect(ours.Authorization).toContain('x-sdk-content-sha256')
    expect(ours.Authorization).not.toContain('content-type')
  })

  it('hashes the literal UNSIGNED-PAYLOAD, not the body', () => {
    const url = new URL(base)
    const a = canonicalRequestHash('POST', url, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, 'one body')
    const b = canonicalRequestHash('POST', url, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }, 'another body')
    expect(a.hash).toBe(b.hash)
    expect(a.canonical.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true)
  })
})

describe('canonical pieces', () => {
  it('encodes every byte but the unreserved ones, upper-case', () => {
    expect(percentEncode("AZaz09-_.~ !*'()/ü")).toBe('AZaz09-_.~%20%21%2A%27%28%29%2F%C3%BC')
  })

  it('adds a trailing slash to the path for signing only', () => {
    expect(canonicalUri('/v5/p/common/tasks/batch-query')).toBe('/v5/p/common/tasks/batch-query/')
    expect(canonicalUri('/')).toBe('/')
  })

  it('sorts query parameters by key, then value', () => {
    expect(canonicalQuery('?b=2&a=2&a=1')).toBe('a=1&a=2&b=2')
  })

  it('reads the raw query as the gateway does: a + is a plus sign, %20 a space', () => {
    expect(queryPairs('?ep=my+project&name=a%20b&flag')).toEqual([['ep', 'my+project'], ['name', 'a b'], ['flag', '']])
    expect(canonicalQuery('?ep=my+project')).toBe('ep=my%2Bproject')
  })

  it('builds queries with that same encoding, so what is sent is what is signed', () => {
    const url = withQuery(new URL('https://h.example.com/x'), { enterprise_project_id: 'my project+1', limit: '10', skipped: undefined })
    expect(url.search).toBe('?enterprise_project_id=my%20project%2B1&limit=10')
    expect(queryPairs(url.search)).toEqual([['enterprise_project_id', 'my project+1'], ['limit', '10']])
  })

  it('changes the signature when the body changes', () => {
    const url = new URL('https://h.example.com/x')
    const a = sign({ method: 'POST', url, headers: {}, body: '{"a":1}' }, { accessKeyId: AK, secretAccessKey: SK }, new Date(0))
    const b = sign({ method: 'POST', url, headers: {}, body: '{"a":2}' }, { accessKeyId: AK, secretAccessKey: SK }, new Date(0))
    expect(a.Authorization).not.toBe(b.Authorization)
  })

  it('reads an Authorization header back', () => {
    expect(parseAuthorization(`SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=abc123`)).toEqual({
      access: AK,
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'abc123'
    })
    expect(parseAuthorization('Bearer x')).toBeUndefined()
  })
})
