/** The action's entry point: the runner starts dist/index.js, built from this file. */
import * as core from './toolkit.ts'
import { systemClock } from './clock.ts'
import { useProxyFromEnv } from './hss/proxy.ts'
import { run } from './main.ts'

const cancel = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The runner gives a cancelled step a few seconds before it kills it: stop waiting now.
    cancel.abort()
    setTimeout(() => process.exit(process.exitCode ?? 1), 1500).unref()
  })
}

if (useProxyFromEnv(process.env) === 'unsupported') {
  core.warning(`HTTPS_PROXY/HTTP_PROXY are set but Node ${process.version} cannot apply them at run time; set NODE_USE_ENV_PROXY=1 in the step's env`)
}

try {
  await run({ clock: systemClock, random: Math.random, env: process.env, signal: cancel.signal })
} catch (error) {
  // run() handles every failure it expects; this is the last line, so a bug never ends in a stack trace.
  core.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`)
}
