/** `npm start` tells a true story: the demo's pull request, gated in two legs, ends as it says it does. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { endedAsTold, runDemoStory } from '../simulator/demo-story.ts'

describe('the demo (npm start)', () => {
  it('uploads the changed files, fails the Dockerfile leg on USER root (not on a pre-existing high risk), and passes the YAML leg with an exception', async () => {
    const { legs } = await runDemoStory()
    expect(endedAsTold(legs)).toBe(true)
    const [docker, yaml] = legs
    expect(docker?.run.summary).toContain('**upload-files**: **3** matched · **1** left alone (the pull request does not change them) · **2** uploaded in 2 requests.')
    expect(docker?.run.summary).toMatch(/\| `high` \| `Container runs as root` \| \[`Dockerfile:11`\]\(.*\) \| `USER root` \| ❌ breaks the gate \|/)
    expect(docker?.run.summary).toMatch(/\| `high` \| `Download piped into a shell` \| \[`Dockerfile:5`\]\(.*\) \| `RUN curl -fsSL https:\/\/get.pnpm.io\/install.sh \\\| sh` \| pre-existing \|/)
    expect(docker?.run.summary).not.toContain('services/worker/Dockerfile')
    expect(yaml?.run.summary).toContain('### Excepted risks (1)')
    expect(yaml?.run.summary).toContain('The worker drives the GPU driver')
    const sarif = readFileSync(join(yaml?.workspace ?? '', 'results/hss-iac.sarif'), 'utf8')
    expect(sarif).toContain('"startLine": 29')
    expect(sarif).toContain('"suppressions"')
  })
})
