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

if (import.meta.main) await main()

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..')
  const envFile = process.argv[2] ?? (existsSync(join(root, '.env')) ? '.env' : '.env.example')
  console.log(`local-action with ${envFile}`)

  const endpoint = /^INPUT_ENDPOINT=(.*)$/m.exec(readFileSync(isAbsolute(envFile) ? envFile : join(root, envFile), 'utf8'))?.[1]?.trim()
  if (endpoint && !(await answers(endpoint))) {
    console.error(`Nothing answers at ${endpoint}: start \`npm run simulator\` in another terminal first (or set INPUT_ENDPOINT in .env).`)
    process.exitCode = 1
    return
  }

  const bin = join(root, 'node_modules', '.bin', 'local-action')
  const child = spawn(bin, ['run', '.', 'src/main.ts', envFile], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] })
  let failed = false
  let pending = ''
  let table: string[] | undefined
  const width = Math.max(40, process.stdout.columns || 100)
  /** Lines pass through, but for local-action's tables, which are as wide as the longest output (task-json): those become lines that fit. */
  const show = (line: string) => {
    if (line.startsWith('::error::')) failed = true
    if (line.startsWith('┌')) table = []
    if (!table) return void process.stdout.write(`${line}\n`)
    table.push(line)
    if (!line.startsWith('└')) return
    process.stdout.write(`${tableLines(table, width).join('\n')}\n`)
    table = undefined
  }
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n')
    pending = lines.pop() ?? ''
    lines.forEach(show)
  })
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve))
  if (pending) show(pending)
  if (table) process.stdout.write(`${table.join('\n')}\n`)
  if (failed) console.error('\nThe action failed the step (see the ::error:: line above): exit code 1, as on a runner.')
  process.exitCode = status !== 0 ? (status ?? 1) : failed ? 1 : 0
}

/**
 * A console.table of outputs (index, name, value) as `name: value` lines no wider than `width`: a
 * long value wraps onto indented lines, and past 6 of them says how much more there is. A table
 * that already fits is left as it is.
 */
export function tableLines(table: readonly string[], width: number): string[] {
  if (table.every((line) => [...line].length <= width)) return [...table]
  const rows = table.filter((line) => line.startsWith('│')).map((line) => line.split('│').slice(1, -1).map((cell) => cell.trim()))
  const [header, ...body] = rows
  if (!header || header.length < 2) return [...table]
  const unquote = (cell: string) => (/^'.*'$/.test(cell) ? cell.slice(1, -1) : cell)
  const out: string[] = []
  for (const row of body) {
    const name = unquote(row[row.length - 2] ?? '')
    const value = unquote(row[row.length - 1] ?? '')
    const first = `${name}: `
    const room = Math.max(20, width - first.length)
    const pieces = value.length ? Array.from({ length: Math.ceil(value.length / room) }, (_, i) => value.slice(i * room, (i + 1) * room)) : ['']
    out.push(`${first}${pieces[0] ?? ''}`)
    for (const piece of pieces.slice(1, 6)) out.push(`${' '.repeat(first.length)}${piece}`)
    if (pieces.length > 6) out.push(`${' '.repeat(first.length)}… (${value.length - 6 * room} more characters)`)
  }
  return out
}

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
