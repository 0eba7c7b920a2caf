import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_VERSION } from '../src/version.ts'
import { ROOT, readActionYaml } from '../simulator/run-action.ts'
import { between, inputsTable, outputsTable } from '../scripts/readme-tables.ts'
import semver from 'semver'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const action = readActionYaml()

describe('README and action.yml agree', () => {
  it('the tables of inputs and outputs are action.yml\'s, word for word (npm run readme-tables writes them)', () => {
    expect(between(readme, 'inputs')).toBe(inputsTable())
    expect(between(readme, 'outputs')).toBe(outputsTable())
    // Every input and output, in order.
    const names = (table: string) => [...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1])
    expect(names(inputsTable())).toEqual(Object.keys(action.inputs))
    expect(names(outputsTable())).toEqual(Object.keys(action.outputs))
  })

  it('gives the two set-up commands in a code block, and explains what a fresh install on Node 20 prints', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(readme.split('\n## Develop\n')[1] ?? '')?.[1] ?? ''
    expect(block).toMatch(/^npm install && npm start\b/m)
    expect(block).toMatch(/^npm test\b/m)
    expect(readme).toContain('EBADENGINE')
  })

  it('names every package that makes a fresh npm install on Node 20 warn (its engines leave Node 20 out, or it has an install script)', () => {
    const allowScripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }).allowScripts ?? {}
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { name?: string; engines?: { node?: string } | string[]; hasInstallScript?: boolean; optional?: boolean }> }
    const warned = Object.entries(lock.packages).flatMap(([path, pkg]) => {
      const name = path === '' ? 'this project' : (pkg.name ?? path.replace(/^.*node_modules\//, ''))
      const engines = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined
      // npm warns when the Node it runs on is outside a package's engines (an optional package for another platform is skipped).
      const engine = engines !== undefined && !pkg.optional && !semver.satisfies('20.20.2', engines)
      // npm 11 warns of an install script that package.json's allowScripts neither allows nor refuses.
      return engine || (pkg.hasInstallScript && !(name in allowScripts)) ? [name] : []
    })
    // The node devDependency (Node 24 itself) installs without a word.
    const named = warned.filter((name) => name !== 'node')
    expect(named).toEqual(expect.arrayContaining(['this project', 'ky']))
    const develop = (readme.split('\n## Develop\n')[1]?.split('\n## ')[0] ?? '').replace(/\s+/g, ' ')
    const says = (name: string) => new RegExp(`(^|[\\s\`(])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}([\\s\`),.:;]|$)`).test(develop)
    expect(named.filter((name) => !says(name))).toEqual([])
  })

  it('has every section the action\'s next steps link to', () => {
    const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\w\s-]/g, '').replace(/\s/g, '-')
    const anchors = new Set([...readme.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1] ?? '')))
    const linked = readdirSync(join(ROOT, 'src/report')).flatMap((file) => [...readFileSync(join(ROOT, 'src/report', file), 'utf8').matchAll(/readmeSection\(readme, '[^']+', '([a-z-]+)'\)/g)].map((m) => m[1]))
    expect(linked.length).toBeGreaterThan(5)
    expect(linked.filter((anchor) => !anchors.has(anchor ?? ''))).toEqual([])
  })

  it('stays under 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300)
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
