/**
 * dist/licenses.txt, from what the bundles really hold: the packages of every module webpack (ncc)
 * put into dist/, as its stats list them, each with its version, licence and licence text. ncc's
 * own --license left out packages whose licence file it did not find (ky, @actions/core).
 *   node scripts/licenses.ts write <ncc stats.json> <licenses.txt>
 *   node scripts/licenses.ts check <ncc stats.json> <licenses.txt>   (CI: every bundled package is
 *     listed, with a licence this project allows)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Licences a GitHub Action may bundle without putting conditions on its users. */
export const ALLOWED = ['MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'MIT-0', 'BlueOak-1.0.0']

export interface BundledPackage {
  name: string
  version: string
  license: string
  text: string
}

interface StatsModule {
  name?: string
  modules?: StatsModule[]
}

/** The package directories (`node_modules/ky`, `node_modules/a/node_modules/b`) the stats' modules come from. */
export function packageDirs(stats: { modules?: StatsModule[] }): string[] {
  const dirs = new Set<string>()
  const walk = (modules: StatsModule[] = []): void => {
    for (const module of modules) {
      const match = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(module.name ?? '')
      if (match?.[1]) dirs.add(match[1])
      walk(module.modules)
    }
  }
  walk(stats.modules)
  return [...dirs].sort()
}

export function readPackage(root: string, dir: string): BundledPackage {
  const full = resolve(root, dir)
  const manifest = JSON.parse(readFileSync(join(full, 'package.json'), 'utf8')) as { name: string; version: string; license?: string | { type?: string } }
  const license = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN')
  const file = readdirSync(full).find((name) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(name))
  const text = file ? readFileSync(join(full, file), 'utf8').trim() : `(the package ships no licence file; its package.json says ${license})`
  return { name: manifest.name, version: manifest.version, license, text }
}

export function render(packages: readonly BundledPackage[]): string {
  const unique = [...new Map(packages.map((p) => [`${p.name}@${p.version}`, p])).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1))
  return unique.map((p) => `${p.name} ${p.version}\n${p.license}\n${p.text}\n`).join('\n')
}

/** What is wrong: a bundled package with a licence not allowed, or not listed in `listed`. */
export function problems(packages: readonly BundledPackage[], listed: string): string[] {
  const found: string[] = []
  for (const p of packages) {
    if (!ALLOWED.includes(p.license)) found.push(`${p.name} ${p.version} is licensed ${p.license}, which is not one of ${ALLOWED.join(', ')}`)
    if (!listed.split('\n').includes(`${p.name} ${p.version}`)) found.push(`${p.name} ${p.version} is bundled but not listed in licenses.txt`)
  }
  return found
}

if (import.meta.main) {
  const [command, statsPath, outPath] = process.argv.slice(2)
  if ((command !== 'write' && command !== 'check') || !statsPath || !outPath) {
    console.error('usage: node scripts/licenses.ts write|check <ncc stats.json> <licenses.txt>')
    process.exit(2)
  }
  const root = resolve(import.meta.dirname, '..')
  const packages = packageDirs(JSON.parse(readFileSync(statsPath, 'utf8')) as { modules?: StatsModule[] }).map((dir) => readPackage(root, dir))
  if (command === 'write') {
    writeFileSync(outPath, render(packages))
    console.log(`${outPath}: ${packages.length} bundled packages`)
  } else {
    const issues = problems(packages, existsSync(outPath) ? readFileSync(outPath, 'utf8') : '')
    for (const issue of issues) console.error(issue)
    if (issues.length) process.exit(1)
    console.log(`licences: ${packages.length} bundled packages, all listed, all allowed (${ALLOWED.join(', ')})`)
  }
}
