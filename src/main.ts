/** Wires the layers together: the inputs become a Config, the gate runs against real services, the reporters publish. */
import * as core from './toolkit.ts'
import { systemClock, type Clock } from './clock.ts'
import { REQUEST_TIMEOUT_MS, type GateDeps } from './gate/deps.ts'
import { runGate } from './gate/run.ts'
import { targetOf } from './gate/wait/locate.ts'
import { createHssClient } from './hss/client.ts'
import { reachability } from './hss/reachability.ts'
import { createTransport } from './hss/transport.ts'
import { buildConfig, type Config } from './inputs/config.ts'
import { pullRequestOf } from './inputs/event.ts'
import { registerSecrets } from './inputs/secrets.ts'
import { createGitHubApi } from './repo/github.ts'
import { checkedOutCommit, openCheckout } from './repo/checkout.ts'
import { readmeUrl } from './report/next-steps.ts'
import { configurationError, publish, stopRun } from './report/publish.ts'

export interface RunDeps {
  clock: Clock
  random: () => number
  env: Readonly<Record<string, string | undefined>>
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal
}

/** Without deps (as @github/local-action calls it): the real clock, Math.random, process.env, no cancellation. */
export async function run(deps: RunDeps = { clock: systemClock, random: Math.random, env: process.env, signal: new AbortController().signal }): Promise<void> {
  const startedAt = deps.clock.now()
  const source = { read: (name: string) => core.getInput(name), env: deps.env }
  registerSecrets(source, core.setSecret)

  let config: Config
  try {
    config = buildConfig(source, startedAt)
  } catch (error) {
    await configurationError(error, source, deps.env)
    return
  }
  const target = targetOf(config.task)
  const gateDeps = services(config, deps, startedAt)
  const readme = readmeUrl(deps.env)
  try {
    const report = await runGate(config, gateDeps, startedAt, target)
    await publish(report, config, gateDeps.checkout, deps.signal, readme)
  } catch (error) {
    await stopRun(config, error, target, readme)
  }
}

/** The real services: HSS and IAM through signed transports, GitHub's API on pull requests, the checked-out workspace. */
function services(config: Config, deps: RunDeps, startedAt: number): GateDeps {
  const { env } = deps
  const reach = reachability({ since: startedAt, region: config.region, env })
  const transport = (projectId?: string) =>
    createTransport({ auth: config.auth, requestTimeoutMs: REQUEST_TIMEOUT_MS, signal: deps.signal, now: () => new Date(deps.clock.now()), debug: core.debug, reach, ...(projectId ? { projectId } : {}) })
  const checkout = openCheckout(env.GITHUB_WORKSPACE, env.GITHUB_SHA)
  const pullRequest = pullRequestOf(env)
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  const github =
    pullRequest && pullRequest !== 'unreadable' && owner && repo && config.githubToken
      ? createGitHubApi({ apiUrl: env.GITHUB_API_URL || 'https://api.github.com', token: config.githubToken, owner, repo, clock: deps.clock, deadline: startedAt + config.timeoutMs, signal: deps.signal })
      : undefined
  const sha = checkedOutCommit(checkout.root) ?? env.GITHUB_SHA
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  return {
    clock: deps.clock,
    random: deps.random,
    signal: deps.signal,
    log: { info: core.info, warning: (line) => core.warning(line), group: core.startGroup, endGroup: core.endGroup },
    // Most workflows give the project id: IAM is loaded only when they do not.
    ...(config.projectId
      ? {}
      : {
          lookUpProjectId: async () => {
            const { lookUpProjectId } = await import('./hss/iam.ts')
            return lookUpProjectId(transport(), config.iamEndpoint ?? '', config.region ?? '')
          }
        }),
    hss: (projectId) => createHssClient(transport(projectId), { endpoint: config.endpoint, projectId, enterpriseProjectId: config.enterpriseProjectId }),
    checkout,
    pullRequest,
    github,
    runId: env.GITHUB_RUN_ID || undefined,
    reach,
    ...(sha && /^[0-9a-f]{40,64}$/.test(sha) && owner && repo ? { source: { repoUrl: `${server.replace(/\/+$/, '')}/${owner}/${repo}`, sha } } : {})
  }
}
