/**
 * Property: random text in every field a server sends (task name, status and id, error code,
 * message and request id, failed file names and reasons, the X-Request-Id and Location headers):
 * line breaks, `::` commands, `%0A`, control characters, the secrets themselves, very long strings.
 * Through dist/index.js, for every case: no stdout line outside the action's own commands begins
 * with `::` (nor carries `##[`), no 10-character piece of a secret appears outside `::add-mask::`
 * lines, and no stack trace is printed (the harness checks all three on every run), and the
 * planted commands never reach a command line. Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Fault } from '../simulator/faults.ts'
import { DEMO_SK } from '../simulator/server.ts'
import { failedFiles, iacTask } from '../simulator/tasks.ts'
import { gate } from '../__fixtures__/e2e.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const SECURITY_TOKEN = 'st-temporary-security-token-for-the-property'
const MARKER = 'PLANTED'

/** Commands planted in the text; none may ever start a line the runner reads. */
const PLANTED = [`::error::${MARKER}`, `::warning title=${MARKER}::x`, `::set-output name=result::passed ${MARKER}`, `::add-mask::${MARKER}`, `::stop-commands::${MARKER}`]
const piece = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\r', '\u2028', '\u0085', '\t', '\u0000', '\u001b[31m', '%0A', '%0D', '%25', '::', ' :: ', '`', '|', '<script>', '@everyone', '扫描'),
  fc.constantFrom(...PLANTED, `##[set-output name=result;]${MARKER}`, `##[error]${MARKER}`),
  fc.constantFrom(DEMO_SK, SECURITY_TOKEN, DEMO_SK.slice(0, 14), DEMO_SK.slice(-12), `${DEMO_SK.slice(0, 20)}\n${DEMO_SK.slice(20)}`, SECURITY_TOKEN.slice(3, 20)),
  fc.string({ maxLength: 12 })
)
const hostile = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.array(piece, { maxLength: 3 }), fc.integer({ min: 1000, max: 20_000 })).map(([parts, n]) => `${parts.join('')}${'x'.repeat(n)}${parts.join('')}`) }
)
/** What a header can carry at all: Node refuses control characters in header values. */
const headerSafe = (text: string) => text.replace(/[^\x20-\x7e]/g, ' ').slice(0, 4000)

const caseArb = fc.record({
  name: hostile,
  status: fc.oneof(hostile, fc.constant('running')),
  errorCode: hostile,
  errorMsg: hostile,
  requestId: hostile,
  fileName: hostile,
  reason: hostile,
  location: hostile,
  errorStatus: fc.constantFrom(400, 403, 500, 503, 429),
  redirect: fc.boolean()
})
const cases = fc.sample(caseArb, { seed, numRuns: 24 })

describe(`server text of any shape stays data (PROPERTY_SEED=${seed})`, () => {
  it.concurrent.each(cases.map((c, i) => [i, c] as const))('case %i', async (_i, c) => {
    const task = { ...iacTask('t-1', c.name, { scanned: 3, succeeded: 1, failed: 2 }), task_status: c.status }
    const errorBody = JSON.stringify({ error_code: c.errorCode, error_msg: c.errorMsg, request_id: c.requestId })
    const faults: Fault[] = [
      { kind: 'status', status: c.errorStatus, body: errorBody, contentType: 'application/json' },
      ...(c.redirect ? [{ kind: 'redirect', status: 307, location: headerSafe(c.location) } as const] : [])
    ]
    const run = await gate(
      {
        credentials: [{ accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: DEMO_SK, securityToken: SECURITY_TOKEN }],
        tasks: [{ task, phases: [{ afterQueries: 1, status: 'finished' }], resources: failedFiles(2, () => ({ file_name: c.fileName, failed_reason: c.reason })) }]
      },
      { 'task-id': 't-1', timeout: '4s' },
      {
        env: { HUAWEI_CLOUD_SECURITY_TOKEN: SECURITY_TOKEN },
        setup: (sim) => {
          // Transient faults first, so the run goes on to show the task, its files and the verdict.
          if (c.errorStatus >= 429) sim.queueFault(faults[0] as Fault, 'tasks')
          else sim.queueFault(faults[0] as Fault, 'resources')
          if (c.redirect) sim.queueFault(faults[1] as Fault, 'resources')
        }
      }
    )
    const context = JSON.stringify(c).slice(0, 2000)
    const planted = run.stdout.split(/\r?\n/).filter((line) => PLANTED.some((command) => line.trimStart().startsWith(command)))
    expect({ context, planted }).toEqual({ context, planted: [] })
    expect({ context, result: run.outputs.result }).toEqual({ context, result: expect.stringMatching(/^(failed|timed-out)$/) })
  })
})
