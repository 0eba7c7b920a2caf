/**
 * The risk phase's property (gate/paging/property-listings.test.ts) on a sample, through dist/index.js
 * against the simulator: file listings and risk pages served with random faults. The verdict is
 * `passed` only when every scanned file's risks were read in full and none breaks the threshold.
 * Replay with PROPERTY_SEED=<seed in the name>.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { SimFile } from '../simulator/scans.ts'
import { iacTask } from '../simulator/tasks.ts'
import { gate } from '../__fixtures__/e2e.ts'
import { oracle, riskCase, serve } from '../__fixtures__/listings.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))
const sample = fc.sample(riskCase, { seed, numRuns: 12 })

describe(`the risk phase through dist (PROPERTY_SEED=${seed})`, () => {
  it.concurrent.each(sample.map((c, i) => [i, c] as const))('case %i', async (_i, c) => {
    const files: SimFile[] = c.files.map((f, i) => ({ file_id: `f-${i}`, file_name: `f-${i}/Dockerfile`, file_type: 'dockerfile', risks: f.risks.map((level, n) => ({ risk_level: level, risk_name: `r${n}`, rule_id: `R${n}` })) }))
    const rows = files.map((f) => ({ file_id: f.file_id, file_name: f.file_name, file_type: 'dockerfile', scan_status: 'success' }))
    const task = iacTask('t-1', 'n', { scanned: files.length, succeeded: files.length, failed: 0 })
    const run = await gate(
      {
        files,
        tasks: [{ task, resources: rows }],
        answer: (route, query, standard) => {
          const page = { offset: query.offset, limit: query.limit }
          if (route === 'resources') {
            const served = serve(rows, page, c.filesFault, { file_id: 'x', file_name: 'x', file_type: 'dockerfile', scan_status: 'failed' })
            return { total_num: served.total, iac_scan_data_list: served.raw }
          }
          if (route === 'risks') {
            const index = Number((query.params.get('file_id') ?? '').slice(2))
            const file = c.files[index]
            if (!file) return standard
            const all: Record<string, unknown>[] = (files[index]?.risks ?? []).map((r, n) => ({ risk_id: `k${n}`, ...r }))
            const served = serve(all, page, file.fault, { risk_id: 'foreign', risk_level: 'tips', risk_name: 'x', rule_id: 'X' })
            return file.fault === 'no-list' ? { total_num: served.total } : { total_num: served.total, data_list: served.raw }
          }
          return undefined
        }
      },
      { 'task-id': 't-1', 'fail-on-risk': c.level, timeout: '30s' }
    )
    const context = JSON.stringify(c)
    expect({ context, result: run.outputs.result }).toEqual({ context, result: oracle(c) })
  })
})
