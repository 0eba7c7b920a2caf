import { afterEach, describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.ts'
import { lookUpProjectId } from '../../src/hss/iam.ts'
import { createTransport } from '../../src/hss/transport.ts'
import { DEMO_AK, DEMO_SK, startSimulator, type Simulator } from '../../simulator/server.ts'

let sim: Simulator | undefined
afterEach(() => sim?.close())

const send = () => createTransport({ auth: { kind: 'aksk', accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, requestTimeoutMs: 2000 })

describe('lookUpProjectId', () => {
  it('finds the one project named after the region, with a signed GET', async () => {
    sim = await startSimulator({ projects: [{ id: 'p-ap', name: 'ap-southeast-1' }, { id: 'p-cn', name: 'cn-north-4' }] })
    expect(await lookUpProjectId(send(), sim.url, 'ap-southeast-1')).toBe('p-ap')
    expect(sim.requests[0]).toMatchObject({ method: 'GET', path: '/v3/projects', query: { name: 'ap-southeast-1' }, status: 200 })
  })

  it('fails clearly on no match', async () => {
    sim = await startSimulator({ projects: [{ id: 'p-cn', name: 'cn-north-4' }] })
    await expect(lookUpProjectId(send(), sim.url, 'ap-southeast-1')).rejects.toThrow(/`project-id` is empty and IAM has no project named ap-southeast-1/)
  })

  it('fails clearly on several matches', async () => {
    sim = await startSimulator({ projects: [{ id: 'a', name: 'ap-southeast-1' }, { id: 'b', name: 'ap-southeast-1' }] })
    const error = await lookUpProjectId(send(), sim.url, 'ap-southeast-1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InputError)
    expect(String(error)).toMatch(/IAM has 2 projects named ap-southeast-1/)
  })
})
