/** What a plain run loads at start-up: the bundle keeps the only-sometimes parts in lazily loaded chunks. */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../simulator/run-action.ts'

const dist = join(ROOT, 'dist')
const main = readFileSync(join(dist, 'index.js'), 'utf8')
const chunks = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8'))

describe('dist/index.js, the start-up bundle', () => {
  it('does not carry undici or @actions/http-client (OIDC is never used)', () => {
    // Markers of undici's code; the pull-request chunk has them, so they do mean undici.
    const undici = /class Dispatcher\b|ProxyAgent/
    expect(main).not.toMatch(undici)
    expect(chunks.some((c) => undici.test(c))).toBe(true)
  })

  it('leaves Octokit (the pull-request comment) to a chunk loaded on demand', () => {
    expect(main).not.toMatch(/@octokit|api\.github\.com/)
    expect(chunks.some((c) => c.includes('@octokit') || c.includes('api.github.com'))).toBe(true)
  })

  it('leaves the IAM project look-up to a chunk loaded on demand', () => {
    expect(main).not.toContain('/v3/projects')
    expect(chunks.some((c) => c.includes('/v3/projects'))).toBe(true)
  })
})
