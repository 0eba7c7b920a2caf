/** The action's entry point: the runner starts dist/index.js, built from this file. */
import { systemClock } from './clock.ts'
import { run } from './main.ts'

const cancel = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // The runner gives a cancelled step a few seconds before it kills it: stop waiting now.
    cancel.abort()
    setTimeout(() => process.exit(process.exitCode ?? 1), 1500).unref()
  })
}

await run({ clock: systemClock, random: Math.random, env: process.env, signal: cancel.signal })
