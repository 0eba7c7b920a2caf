import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../__fixtures__/core.ts'
import { fakeClock } from '../__fixtures__/fake-clock.ts'

jest.unstable_mockModule('../src/toolkit.ts', () => core)
const { run } = await import('../src/main.ts')

const fetchSpy = jest.spyOn(globalThis, 'fetch')
const deps = () => ({ clock: fakeClock(), random: () => 0.5, env: {}, signal: new AbortController().signal })

beforeEach(() => {
  fetchSpy.mockClear()
})

describe('run', () => {
  it('registers every secret before it logs or sends anything', async () => {
    core.reset({ 'task-id': 't-1', region: 'ap-southeast-1', 'access-key-id': 'AKAKAKAKAK', 'secret-access-key': 'the-sk', 'security-token': 'the-st', 'github-token': 'ghs_x', timeout: 'soon' })
    await run(deps())
    const firstOther = core.calls.findIndex(([name]) => name !== 'getInput' && name !== 'setSecret')
    const secrets = core.calls.filter(([name]) => name === 'setSecret').map(([, value]) => value)
    expect(secrets).toEqual(['the-sk', 'the-st', 'ghs_x'])
    expect(core.calls.findLastIndex(([name]) => name === 'setSecret')).toBeLessThan(firstOther)
  })

  it('fails on a bad input with its message, and sends no request', async () => {
    core.reset({ 'task-id': 't-1', region: 'ap-southeast-1', 'project-id': 'p', 'access-key-id': 'AKAKAKAKAK', 'secret-access-key': 'sk', 'max-failed': 'none' })
    await run(deps())
    expect(core.calls.filter(([name]) => name === 'setFailed')).toEqual([['setFailed', 'Input `max-failed` must be a whole number from 0 to 10000000 (got "none").']])
    expect(fetchSpy).not.toHaveBeenCalled()
    expect(core.summary.written).toHaveLength(1)
    expect(core.summary.written[0]).toMatch(/^## ⛔ HSS scan gate: configuration error\n\n> Input `max-failed` must be a whole number/)
  })
})
