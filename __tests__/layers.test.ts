/** src/ is layered, and every import points down: basics ← inputs ← hss ← repo ← gate ← report ← the wiring. */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { ROOT } from '../simulator/run-action.ts'

/** Lower ranks may be imported by higher ones, never the other way round. */
const RANKS: Record<string, number> = { '': 0, inputs: 1, hss: 2, repo: 3, gate: 4, report: 5 }
/** The wiring at the top: it may import anything. */
const WIRING = new Set(['main.ts', 'index.ts'])

function sourceFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, 'src', dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(posix.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [posix.join(dir, entry.name)] : []
  )
}

function rankOf(file: string): number {
  if (WIRING.has(file)) return 99
  const layer = file.includes('/') ? (file.split('/')[0] ?? '') : ''
  const rank = RANKS[layer]
  if (rank === undefined) throw new Error(`${file} is in no known layer: add its folder to RANKS`)
  return rank
}

/** Relative imports of a source text, static and dynamic, resolved against its folder. */
function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*)'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] ?? '')
  return specifiers.map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)))
}

describe('src/ layers', () => {
  const files = sourceFiles()

  it.each(files)('%s imports only its own layer or lower ones', (file) => {
    const upward = importsOf(file, readFileSync(join(ROOT, 'src', file), 'utf8')).filter((target) => rankOf(target) > rankOf(file))
    expect(upward).toEqual([])
  })

  it('no file imports a package by a node_modules path: public entry points only', () => {
    const offenders = files.filter((file) => /(?:from\s+|import\(\s*)'[^']*node_modules\//.test(readFileSync(join(ROOT, 'src', file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('main.ts only wires: it stays short, and the gate\'s phases live in gate/', () => {
    const main = readFileSync(join(ROOT, 'src', 'main.ts'), 'utf8')
    expect(main.split('\n').length).toBeLessThanOrEqual(120)
    expect(main).not.toMatch(/waitForTask|readRisks|startTask|judge\(/)
  })

  it('the check sees an upward import when there is one', () => {
    const upward = importsOf('inputs/config.ts', "import { x } from '../report/summary.ts'").filter((target) => rankOf(target) > rankOf('inputs/config.ts'))
    expect(upward).toEqual(['report/summary.ts'])
  })
})
