/**
 * What a plain run loads at start-up: the bundle keeps the only-sometimes parts in lazily loaded
 * chunks. (@actions/core's public entry point brings @actions/http-client and undici, for OIDC,
 * into the start-up bundle; see the README's Performance section for what that costs.)
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../simulator/run-action.ts'

const dist = join(ROOT, 'dist')
const main = readFileSync(join(dist, 'index.js'), 'utf8')
const chunks = readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f)).map((f) => readFileSync(join(dist, f), 'utf8'))

describe('dist/index.js, the start-up bundle', () => {
  it('leaves Octokit (the pull-request comment) to a chunk loaded on demand', () => {
    const octokit = /class Octokit\b|node_modules\/@octokit\//
    expect(main).not.toMatch(octokit)
    expect(chunks.some((c) => octokit.test(c))).toBe(true)
  })

  it('leaves the IAM project look-up to a chunk loaded on demand', () => {
    expect(main).not.toContain('/v3/projects')
    expect(chunks.some((c) => c.includes('/v3/projects'))).toBe(true)
  })
})

describe('what only reading risks needs', () => {
  it('leaves the Dockerfile and YAML parsers, the glob matcher and the SARIF writer to chunks', () => {
    const marks = { 'dockerfile-ast': 'getEscapeCharacter', yaml: 'MULTILINE_IMPLICIT_KEY', picomatch: 'POSIX_REGEX_SOURCE', sarif: 'security-severity' }
    for (const [what, mark] of Object.entries(marks)) {
      expect({ what, inStartUp: main.includes(mark) }).toEqual({ what, inStartUp: false })
      expect({ what, inAChunk: chunks.some((c) => c.includes(mark)) }).toEqual({ what, inAChunk: true })
    }
  })
})
