/**
 * `npm run local-action`: runs src/main.ts with @github/local-action, which stands in for
 * @actions/core and prints the outputs as a table. It reads `.env` when there is one, else
 * `.env.example` (the local simulator's demo task and keys), so it works on a fresh clone once
 * `npm run simulator` is running in another terminal.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const envFile = existsSync(join(root, '.env')) ? '.env' : '.env.example'
console.log(`local-action with ${envFile}`)
const bin = join(root, 'node_modules', '.bin', 'local-action')
const run = spawnSync(bin, ['run', '.', 'src/main.ts', envFile], { cwd: root, stdio: 'inherit' })
process.exitCode = run.status ?? 1
