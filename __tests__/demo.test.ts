/** `npm start` tells a true story: the demo's pull request, gated in two legs, ends as it says it does. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { endedAsTold, runDemoStory } from '../simulator/demo-story.ts'

describe('the demo (npm start)', () => {
  it('fails the Dockerfile leg on USER root and a stale copy, and passes the YAML leg with an exception and a pre-existing risk', async () => {
    const { legs } = await runDemoStory()
    expect(endedAsTold(legs)).toBe(true)
    const [docker, yaml] = legs
    expect(docker?.run.summary).toContain('| `high` | `Container runs as root` | [`Dockerfile:11`]')
    expect(docker?.run.summary).toContain('❌ breaks the gate')
    expect(docker?.run.summary).toContain('| `medium` | `Base image not pinned by digest` | [`Dockerfile:8`]')
    expect(docker?.run.summary).toMatch(/`services\/api\/Dockerfile` \| .* UTC \| ❌ uploaded before this workflow run started/)
    expect(yaml?.run.summary).toContain('### Excepted risks (1)')
    expect(yaml?.run.summary).toContain('The worker drives the GPU driver')
    const sarif = readFileSync(join(yaml?.workspace ?? '', 'results/hss-iac.sarif'), 'utf8')
    expect(sarif).toContain('"startLine": 29')
    expect(sarif).toContain('"suppressions"')
  })
})
