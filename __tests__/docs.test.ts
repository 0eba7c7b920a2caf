import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_VERSION } from '../src/version.ts'
import { ROOT, readActionYaml } from '../simulator/run-action.ts'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const action = readActionYaml()

/** Rows `| \`name\` | …` of the table under a README heading. */
function tableRows(heading: string): string[][] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
  return section
    .split('\n')
    .filter((line) => /^\| `[a-z-]+` \|/.test(line))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
}

describe('README and action.yml agree', () => {
  it('lists every input, in order, with its default', () => {
    const rows = tableRows('Inputs')
    expect(rows.map(([name]) => name?.replace(/`/g, ''))).toEqual(Object.keys(action.inputs))
    for (const [name = '', defaultCell = ''] of rows) {
      const declared = action.inputs[name.replace(/`/g, '')]?.default ?? ''
      expect(defaultCell.replace(/^`|`$/g, '')).toBe(declared)
    }
  })

  it('lists every output, in order', () => {
    expect(tableRows('Outputs').map(([name]) => name?.replace(/`/g, ''))).toEqual(Object.keys(action.outputs))
  })

  it('gives the two set-up commands', () => {
    expect(readme).toContain('npm install && npm start')
    expect(readme).toContain('npm test')
  })
})

describe('action.yml', () => {
  it('runs dist/index.js on node24 and describes every input and output', () => {
    const raw = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(raw).toMatch(/using: node24/)
    expect(raw).toMatch(/main: dist\/index.js/)
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(entry.description.length).toBeGreaterThan(10)
  })

  it('declares every input and output of the contract', () => {
    const contractPath = join(ROOT, '..', 'shared', 'action-contract.md')
    let contract: string
    try {
      contract = readFileSync(contractPath, 'utf8')
    } catch {
      return // the contract lives beside the repository, not in it
    }
    // Names are the backticked words of each row's first cell (`task-id`, `task-name` share one row).
    const names = (heading: string) =>
      (contract.split(`## ${heading}`)[1]?.split('\n## ')[0] ?? '')
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([a-z-]+)`/g)].map((m) => m[1]))
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(names('Inputs')))
    expect(Object.keys(action.outputs)).toEqual(expect.arrayContaining(names('Outputs')))
    expect(names('Outputs')).toEqual(expect.arrayContaining(['sarif-file', 'comment-url']))
  })

  it('has the version the package has', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(ACTION_VERSION).toBe(pkg.version)
  })
})
