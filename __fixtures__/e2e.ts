/** End-to-end harness: one simulator per test, and the built action run against it as the runner runs it. */
import { runAction, type ActionRun, type RunOptions } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server.ts'

export const AKSK_ENV = { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK }

export interface GateRun extends ActionRun {
  sim: Simulator
}

/** Inputs and variables whose values are secrets. */
const SECRET_NAMES = ['secret-access-key', 'security-token', 'auth-token', 'github-token', 'HUAWEI_CLOUD_SECRET_ACCESS_KEY', 'HUAWEICLOUD_SDK_SK', 'HUAWEI_CLOUD_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_SECURITY_TOKEN']

/**
 * Starts a simulator, runs the action against it with quick polling and AK/SK from the environment
 * (as huaweicloud/auth-action exports them), closes the simulator, and returns both.
 * Every run is in debug mode (RUNNER_DEBUG=1) and is checked for leaked secrets.
 */
export async function gate(simOptions: SimulatorOptions, inputs: Record<string, string>, options: RunOptions & { setup?: (sim: Simulator) => void } = {}): Promise<GateRun> {
  const sim = await startSimulator(simOptions)
  options.setup?.(sim)
  const allInputs = { endpoint: sim.url, 'iam-endpoint': sim.url, 'project-id': DEMO_PROJECT_ID, 'poll-interval': '1s', timeout: '30s', ...inputs }
  const env = { RUNNER_DEBUG: '1', ...AKSK_ENV, ...options.env }
  try {
    const run = await runAction({ ...options, inputs: allInputs, env })
    assertNoLeaks(run, secretsOf({ ...allInputs, ...env }))
    return { ...run, sim }
  } finally {
    await sim.close()
  }
}

function secretsOf(values: Record<string, string>): string[] {
  return SECRET_NAMES.map((name) => values[name] ?? '').filter((value) => value.length >= 4)
}

/** Secrets may appear only in the runner's ::add-mask:: lines: nowhere in logs, summary or outputs. */
export function assertNoLeaks(run: ActionRun, secrets: readonly string[]): void {
  for (const secret of secrets) {
    const places = [
      ...unmasked(run.stdout, secret).map(() => 'stdout'),
      ...(run.stderr.includes(secret) ? ['stderr'] : []),
      ...(run.summary.includes(secret) ? ['the job summary'] : []),
      ...Object.entries(run.outputs).filter(([, value]) => value.includes(secret)).map(([name]) => `output ${name}`)
    ]
    if (places.length) throw new Error(`a secret leaked into ${places.join(', ')}`)
  }
}

/** Lines that show `secret` other than the runner's own `::add-mask::` registration. */
export function unmasked(text: string, secret: string): string[] {
  return text.split('\n').filter((line) => line.includes(secret) && !line.startsWith('::add-mask::'))
}

/** The `::error::`/`::warning::` workflow commands the action printed. */
export function commands(stdout: string, kind: 'error' | 'warning'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${kind}`))
}
