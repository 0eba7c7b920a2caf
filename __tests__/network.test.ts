/** Proxies and private CAs, as on self-hosted runners: the built action through a real proxy and over TLS. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { useProxyFromEnv } from '../src/hss/proxy.ts'
import { iacTask } from '../simulator/tasks.ts'
import { gate } from '../__fixtures__/e2e.ts'
import { makePki, startProxy, type Pki, type RunningProxy } from '../__fixtures__/network.ts'

const tasks = [{ task: iacTask('t-1', 'iac-pr-1', { scanned: 4, succeeded: 4, failed: 0 }) }]
let proxy: RunningProxy
let pki: Pki
beforeAll(async () => {
  proxy = await startProxy()
  pki = makePki()
})
afterAll(() => proxy.close())

describe('proxies', () => {
  it('sends plain HTTP through HTTP_PROXY', async () => {
    const before = proxy.seen.length
    const run = await gate({ tasks }, { 'task-id': 't-1' }, { env: { HTTP_PROXY: proxy.url } })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
    // Node's fetch tunnels plain HTTP with CONNECT too; a classic proxy request would also do.
    const host = new URL(run.sim.url).host
    expect(proxy.seen.slice(before).filter((line) => line === `CONNECT ${host}` || line.startsWith(`POST http://${host}/`))).not.toEqual([])
  })

  it('tunnels HTTPS through HTTPS_PROXY with CONNECT, trusting a private CA from NODE_EXTRA_CA_CERTS', async () => {
    const before = proxy.seen.length
    const run = await gate({ tasks, tls: pki }, { 'task-id': 't-1' }, { env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: pki.caFile } })
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
    expect(proxy.seen.slice(before)).toContain(`CONNECT ${new URL(run.sim.url).host}`)
  })

  it('goes direct for hosts in NO_PROXY', async () => {
    const before = proxy.seen.length
    const run = await gate({ tasks }, { 'task-id': 't-1' }, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } })
    expect(run.code).toBe(0)
    expect(run.sim.requests).toHaveLength(1)
    expect(proxy.seen.length).toBe(before)
  })

  it('reports what it did with the environment', () => {
    const calls: unknown[] = []
    const fake = { setGlobalProxyFromEnv: (env: unknown) => { calls.push(env); return () => undefined } } as never
    expect(useProxyFromEnv({}, fake)).toBe('none')
    expect(useProxyFromEnv({ https_proxy: 'http://p:3128' }, fake)).toBe('enabled')
    expect(calls).toHaveLength(1)
    expect(useProxyFromEnv({ HTTP_PROXY: 'http://p:3128', NODE_USE_ENV_PROXY: '1' }, fake)).toBe('enabled')
    expect(calls).toHaveLength(1)
    expect(useProxyFromEnv({ HTTP_PROXY: 'http://p:3128' }, {} as never)).toBe('unsupported')
  })
})

describe('TLS with a private CA', () => {
  it('is trusted through NODE_EXTRA_CA_CERTS', async () => {
    const run = await gate({ tasks, tls: pki }, { 'task-id': 't-1' }, { env: { NODE_EXTRA_CA_CERTS: pki.caFile } })
    expect(run.sim.url).toMatch(/^https:/)
    expect(run.code).toBe(0)
    expect(run.outputs.result).toBe('passed')
  })

  it('without it, fails at once with a clear TLS message', async () => {
    const run = await gate({ tasks, tls: pki }, { 'task-id': 't-1' })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::ListTasks: TLS: the certificate of https:\/\/127\.0\.0\.1:\d+ is not trusted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)[^)]*\)\. .*NODE_EXTRA_CA_CERTS/)
    // At once: no retry, where a transient failure would be retried until the 30 s time-out.
    expect(run.stdout).not.toContain('retrying in')
    expect(run.stdout).not.toContain('No iac_scan task')
  })
})
