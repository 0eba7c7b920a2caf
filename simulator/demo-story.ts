/**
 * The demo's story, for `npm start` (and a test that keeps it true): pull request #7 adds `USER
 * root` to the demo repository's Dockerfile, changes services/api/Dockerfile, and adds the worker
 * Deployment to k8s/deployment.yaml; services/worker/Dockerfile, which pipes a download into a
 * shell, it leaves alone. A workflow gates it in two matrix legs, Dockerfiles and Kubernetes YAML,
 * each one step: `upload-files` sends the pull request's files of its type to HSS in the run, the
 * gate starts the scan (`create-task`), waits, and judges the changed lines (`fail-on-risk: high`,
 * `fail-on-risk-scope: changed-lines`), writing SARIF:
 *  - Dockerfiles: the worker's Dockerfile is matched but not changed, so it is not uploaded; the two
 *    changed ones go in two requests (both are named Dockerfile). `USER root` is on a changed line,
 *    so its high risk breaks the gate; the build stage's download piped into a shell is high too,
 *    but on a line the pull request left alone (pre-existing). The leg fails.
 *  - Kubernetes YAML: the privileged worker is on a changed line, but the base commit's exceptions
 *    file accepts it (until a date less than 14 days away); the rest is below high. The leg passes.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_REPO } from './demo-data.ts'
import { startFakeGitHub } from './github.ts'
import { runAction, type ActionRun } from './run-action.ts'
import { DEMO_ENV, startSimulator } from './server.ts'

const TOKEN = 'ghs_demo_token_0123456789'
const BASE = 'b1a5e0c0ffee0000000000000000000000000001'
const HEAD = 'c0ffee00000000000000000000000000000000ab'
const DAY = 86_400_000

export interface DemoLeg {
  name: string
  run: ActionRun
  /** The checkout the leg ran in (its SARIF file is there). */
  workspace: string
}

export async function runDemoStory(): Promise<{ legs: DemoLeg[]; requests: Record<string, number> }> {
  const now = Date.now()
  const sim = await startSimulator({ createdTiming: { readyMs: 1000, finishMs: 2500 } })
  const expires = new Date(now + 10 * DAY).toISOString().slice(0, 10)
  const github = await startFakeGitHub({
    token: TOKEN,
    run: { id: '4242', started: new Date(now - 60_000).toISOString() },
    files: [
      { filename: 'Dockerfile', status: 'modified', patch: '@@ -9,4 +9,5 @@ FROM node:24-slim\n WORKDIR /app\n COPY --from=build /src /app\n+USER root\n EXPOSE 8080\n CMD ["node", "server.js"]' },
      { filename: 'services/api/Dockerfile', status: 'modified', patch: '@@ -4,2 +4,2 @@\n COPY . /srv\n-USER nobody\n+USER app' },
      { filename: 'k8s/deployment.yaml', status: 'modified', patch: `@@ -15,0 +16,14 @@\n${['---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: worker', '  namespace: prod', 'spec:', '  template:', '    spec:', '      containers:', '        - name: worker', '          image: registry.example.com/worker:1.4.2', '          securityContext:', '            privileged: true'].map((l) => `+${l}`).join('\n')}` }
    ],
    contents: {
      [BASE]: {
        '.github/hss-exceptions.yml': [
          '# Accepted risks, reviewed like code. Read from the base commit: a pull request cannot excuse itself.',
          'exceptions:',
          '  - rule: K8S-PRIV-001',
          '    resource: {kind: Deployment, namespace: prod, name: worker}',
          '    reason: The worker drives the GPU driver; privileged by design (SEC-1432)',
          `    expires: ${expires}`,
          ''
        ].join('\n')
      }
    }
  })
  const eventPath = join(mkdtempSync(join(tmpdir(), 'hss-demo-event-')), 'event.json')
  writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: BASE, repo: { full_name: 'o/r' } }, head: { sha: HEAD, repo: { full_name: 'o/r', fork: false } }, changed_files: 3 } }))

  const leg = async (name: string, type: 'dockerfile' | 'k8s_yaml'): Promise<DemoLeg> => {
    const workspace = mkdtempSync(join(tmpdir(), 'hss-demo-checkout-'))
    cpSync(DEMO_REPO, workspace, { recursive: true })
    // actions/checkout leaves a git checkout of the pull request's commit.
    mkdirSync(join(workspace, '.git'))
    writeFileSync(join(workspace, '.git', 'HEAD'), `${HEAD}\n`)
    const run = await runAction({
      inputs: {
        'create-task': 'true',
        'file-type': type,
        'upload-files': type === 'dockerfile' ? '**/Dockerfile' : 'k8s/**/*.yaml',
        'fail-on-risk': 'high',
        'fail-on-risk-scope': 'changed-lines',
        'sarif-file': 'results/hss-iac.sarif',
        'github-token': TOKEN,
        matrix: JSON.stringify({ files: name }),
        endpoint: sim.url,
        'poll-interval': '1s',
        timeout: '1m'
      },
      env: {
        ...DEMO_ENV,
        GITHUB_WORKSPACE: workspace,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: github.url,
        GITHUB_SHA: HEAD,
        GITHUB_RUN_ID: '4242',
        GITHUB_WORKFLOW: 'IaC gate',
        GITHUB_JOB: 'hss'
      }
    })
    return { name, run, workspace }
  }
  try {
    const legs = [await leg('Dockerfiles', 'dockerfile'), await leg('Kubernetes YAML', 'k8s_yaml')]
    const requests: Record<string, number> = {}
    for (const request of sim.requests) requests[request.route] = (requests[request.route] ?? 0) + 1
    return { legs, requests }
  } finally {
    await sim.close()
    await github.close()
  }
}

/** Whether the story ended as it is told: the Dockerfile leg fails on USER root alone (two files uploaded, the worker's left alone), the YAML leg passes. */
export function endedAsTold(legs: DemoLeg[]): boolean {
  const [docker, yaml] = legs
  const uploaded = (leg: DemoLeg | undefined) => (JSON.parse(leg?.run.outputs['uploaded-files'] || '[]') as { path: string }[]).map((file) => file.path).join(',')
  return (
    docker?.run.code === 1 &&
    docker.run.outputs.reason === '1 IaC risk at high or above on lines this pull request changes (high 1): fail-on-risk high allows none' &&
    uploaded(docker) === 'Dockerfile,services/api/Dockerfile' &&
    yaml?.run.code === 0 &&
    yaml.run.outputs.result === 'passed' &&
    uploaded(yaml) === 'k8s/deployment.yaml'
  )
}
