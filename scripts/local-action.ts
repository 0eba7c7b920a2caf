/**
 * `npm run local-action [-- path/to/.env]`: runs src/main.ts with @github/local-action, which stands in for
 * @actions/core and prints the outputs as a table. It reads `.env` when there is one, else
 * `.env.example` (the local simulator's demo task and keys), so it works on a fresh clone once
 * `npm run simulator` is running in another terminal.
 *
 * Its exit code is the action's: local-action itself exits 0 whatever the action did, so a failed
 * step (core.setFailed prints a plain `::error::` line; annotations carry a title) exits 1 here. A
 * local endpoint that nothing answers on is said at once, rather than retried until the time-out.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { isAbsolute, join } from 'node:path'

const root = join(import.meta.dirname, '..')
const envFile = process.argv[2] ?? (existsSync(join(root, '.env')) ? '.env' : '.env.example')
console.log(`local-action with ${envFile}`)

const endpoint = /^INPUT_ENDPOINT=(.*)$/m.exec(readFileSync(isAbsolute(envFile) ? envFile : join(root, envFile), 'utf8'))?.[1]?.trim()
if (endpoint && !(await answers(endpoint))) {
  console.error(`Nothing answers at ${endpoint}: start \`npm run simulator\` in another terminal first (or set INPUT_ENDPOINT in .env).`)
  process.exit(1)
}

const bin = join(root, 'node_modules', '.bin', 'local-action')
const child = spawn(bin, ['run', '.', 'src/main.ts', envFile], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] })
let failed = false
let pending = ''
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  const lines = (pending + chunk.toString('utf8')).split('\n')
  pending = lines.pop() ?? ''
  if (lines.some((line) => line.startsWith('::error::'))) failed = true
})
const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
if (pending.startsWith('::error::')) failed = true
if (failed) console.error('\nThe action failed the step (see the ::error:: line above): exit code 1, as on a runner.')
process.exitCode = status !== 0 ? (status ?? 1) : failed ? 1 : 0

/** Whether a loopback endpoint accepts a connection within a second (a remote one is not checked). */
async function answers(url: string): Promise<boolean> {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return true
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) return true
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80))
  return new Promise((resolve) => {
    const socket = connect({ host: target.hostname.replace(/^\[|\]$/g, ''), port, timeout: 1000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}
