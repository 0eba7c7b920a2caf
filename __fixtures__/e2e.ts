/** End-to-end harness: one simulator per test, and the built action run against it as the runner runs it. */
import { runAction, type ActionRun, type RunOptions } from '../simulator/run-action.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server.ts'

export const AKSK_ENV = { HUAWEI_CLOUD_ACCESS_KEY_ID: DEMO_AK, HUAWEI_CLOUD_SECRET_ACCESS_KEY: DEMO_SK }

export interface GateRun extends ActionRun {
  sim: Simulator
}

/**
 * Starts a simulator, runs the action against it with quick polling and AK/SK from the environment
 * (as huaweicloud/auth-action exports them), closes the simulator, and returns both.
 */
export async function gate(simOptions: SimulatorOptions, inputs: Record<string, string>, options: RunOptions & { setup?: (sim: Simulator) => void } = {}): Promise<GateRun> {
  const sim = await startSimulator(simOptions)
  options.setup?.(sim)
  try {
    const run = await runAction({
      ...options,
      inputs: { endpoint: sim.url, 'iam-endpoint': sim.url, 'project-id': DEMO_PROJECT_ID, 'poll-interval': '1s', timeout: '30s', ...inputs },
      env: { ...AKSK_ENV, ...options.env }
    })
    return { ...run, sim }
  } finally {
    await sim.close()
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
