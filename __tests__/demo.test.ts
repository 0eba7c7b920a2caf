/** `npm start` tells a true story: the demo's pull request, gated in two legs, ends as it says it does. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { endedAsTold, runDemoStory } from '../simulator/demo-story.ts'
import { alertIdentities } from '../__fixtures__/fingerprints.ts'
import { multitoolValidate } from '../__fixtures__/sarif.ts'

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
  })

  it('writes SARIF that agrees with the gate: a category per leg, no alert for the excepted risk, every result once on a real line', async () => {
    const { legs } = await runDemoStory()
    const logs = legs.map((leg) => {
      const path = join(leg.workspace, leg.run.outputs['sarif-file'] ?? '')
      return { leg, path, log: JSON.parse(readFileSync(path, 'utf8')) as SarifLog }
    })
    // One category per matrix leg: the second upload cannot close the first leg's alerts.
    expect(logs.map(({ log }) => log.runs[0]?.automationDetails.id)).toEqual(['hss/iac/dockerfile/files:Dockerfiles/', 'hss/iac/k8s_yaml/files:Kubernetes-YAML/'])
    for (const { leg, path, log } of logs) {
      const results = log.runs.flatMap((run) => run.results)
      expect(results.length).toBeGreaterThan(0)
      // The excepted privileged worker is not in the log (GitHub would open an alert for it).
      expect(JSON.stringify(log)).not.toContain('suppressions')
      expect(results.some((r) => r.ruleId === 'K8S-PRIV-001')).toBe(false)
      // Every result on a line inside its file, in the checkout.
      for (const result of results) {
        const where = result.locations[0]?.physicalLocation
        const lines = readFileSync(join(leg.workspace, decodeURIComponent(where?.artifactLocation.uri ?? '')), 'utf8').split('\n')
        expect(where?.region.startLine).toBeGreaterThanOrEqual(1)
        expect(where?.region.startLine).toBeLessThanOrEqual(lines.length)
        expect(lines[(where?.region.startLine ?? 1) - 1]?.trim()).not.toBe('')
      }
      // GitHub keeps one alert per rule, file and line hash: none is shared.
      expect(alertIdentities(log, (uri) => readFileSync(join(leg.workspace, uri), 'utf8')).repeated).toEqual([])
      expect(multitoolValidate(path)).toEqual({ errors: [], warnings: [] })
    }
  })
})

interface SarifLog {
  runs: { automationDetails: { id: string }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[]
}
