/** GitHub's API under the run's deadline: no call starts after it, and none outlives it. */
import { describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock } from '../../src/clock.ts'
import { createGitHubApi } from '../../src/repo/github.ts'

async function hangingServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0
  const server: Server = createServer(() => {
    requests++ // and never answer
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  }
}

describe('createGitHubApi near the deadline', () => {
  it('a call that cannot be answered ends at the deadline, not a minimum attempt past it', async () => {
    const server = await hangingServer()
    try {
      const started = Date.now()
      const api = createGitHubApi({ apiUrl: server.url, token: 't', owner: 'o', repo: 'r', clock: systemClock, deadline: started + 400 })
      await expect(api.runStartedAt('1')).rejects.toThrow(/GitHub read this workflow run: no answer/)
      // 400 ms to the deadline; the old minimum attempt was 2 s, three calls 9 s. Loose for a busy machine.
      expect(Date.now() - started).toBeLessThan(1_900)
    } finally {
      await server.close()
    }
  })

  it('after the deadline, no call is made at all', async () => {
    const server = await hangingServer()
    try {
      const api = createGitHubApi({ apiUrl: server.url, token: 't', owner: 'o', repo: 'r', clock: systemClock, deadline: Date.now() - 1 })
      await expect(api.pullRequestFiles(7)).rejects.toThrow('the time-out came first')
      expect(server.requests()).toBe(0)
    } finally {
      await server.close()
    }
  })
})
