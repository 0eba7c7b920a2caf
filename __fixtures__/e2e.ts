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
    assertOnlyOwnCommands(run)
    if (hasStackTrace(run)) throw new Error(`the action printed a stack trace:\n${run.stdout}\n${run.stderr}`)
    return { ...run, sim }
  } finally {
    await sim.close()
  }
}

function secretsOf(values: Record<string, string>): string[] {
  return SECRET_NAMES.map((name) => values[name] ?? '').filter((value) => value.length >= 4)
}

/** Shortest piece of a secret that counts as a leak on its own (as src/redact.ts replaces them). */
export const PIECE = 10

/**
 * Secrets, or any piece of PIECE characters of one, may appear only in the runner's ::add-mask::
 * lines: nowhere else in the log, nor in stderr, the summary or the outputs.
 */
export function assertNoLeaks(run: ActionRun, secrets: readonly string[]): void {
  for (const secret of secrets) {
    const pieces = secret.length < PIECE ? [secret] : Array.from({ length: secret.length - PIECE + 1 }, (_, i) => secret.slice(i, i + PIECE))
    const shows = (text: string) => pieces.some((piece) => text.includes(piece))
    const places = [
      ...(run.stdout.split('\n').some((line) => !line.startsWith('::add-mask::') && shows(line)) ? ['stdout'] : []),
      ...(shows(run.stderr) ? ['stderr'] : []),
      ...(shows(run.summary) ? ['the job summary'] : []),
      ...Object.entries(run.outputs).filter(([, value]) => shows(value)).map(([name]) => `output ${name}`)
    ]
    if (places.length) throw new Error(`a secret (or a piece of one) leaked into ${places.join(', ')}`)
  }
}

/** The runner's own commands, as the action writes them. */
const OWN_COMMAND = /^::(add-mask|debug|error|warning|notice|set-output|group|endgroup)( [^:]*)?::/

/**
 * Every line the runner would take for a command is one of the action's own: a line that starts
 * with `::` (after spaces) is a well-formed command of a known kind, and no other line contains the
 * old `##[` syntax, which the runner reads anywhere in a line.
 */
export function assertOnlyOwnCommands(run: Pick<ActionRun, 'stdout'>): void {
  for (const line of run.stdout.split(/\r?\n/)) {
    const trimmed = line.trimStart()
    if (trimmed.startsWith('::') && !OWN_COMMAND.test(trimmed)) throw new Error(`a line reads as a command the action did not write: ${line.slice(0, 200)}`)
    if (!trimmed.startsWith('::') && line.includes('##[')) throw new Error(`a line carries an old-style ##[ command: ${line.slice(0, 200)}`)
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

/** A stack trace, in any stream: the action must never end with one. */
export function hasStackTrace(run: Pick<ActionRun, 'stdout' | 'stderr'>): boolean {
  return /\n\s+at .+[(:]\d+/.test(`${run.stdout}\n${run.stderr}`)
}
