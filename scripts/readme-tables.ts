/**
 * `npm run readme-tables`: writes the README's tables of inputs and outputs from action.yml, between
 * their markers, so that the README says what action.yml says, word for word. __tests__/docs.test.ts
 * fails when the README's tables differ from what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readActionYaml, ROOT } from '../simulator/run-action.ts'

const README = join(ROOT, 'README.md')

/** A table cell: one line, its pipes escaped. */
const cell = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function inputsTable(): string {
  const rows = Object.entries(readActionYaml().inputs).map(([name, input]) => `| \`${name}\` | ${input.default ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`)
  return ['| input | default | description (from action.yml) |', '|---|---|---|', ...rows].join('\n')
}

export function outputsTable(): string {
  const rows = Object.entries(readActionYaml().outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`)
  return ['| output | description (from action.yml) |', '|---|---|', ...rows].join('\n')
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->` (each on a line of its own), or undefined when the markers are missing. */
export function between(text: string, name: string): string | undefined {
  const span = markers(text, name)
  return span && text.slice(span.from, span.to).replace(/^\n/, '').replace(/\n$/, '')
}

function markers(text: string, name: string): { from: number; to: number } | undefined {
  const start = `<!-- ${name}:start -->`
  const at = text.indexOf(start)
  const until = at < 0 ? -1 : text.indexOf(`<!-- ${name}:end -->`, at + start.length)
  return until < 0 ? undefined : { from: at + start.length, to: until }
}

function replaceBetween(text: string, name: string, body: string): string {
  const span = markers(text, name)
  if (!span) throw new Error(`README.md has no <!-- ${name}:start --> … <!-- ${name}:end --> markers`)
  return `${text.slice(0, span.from)}\n${body}\n${text.slice(span.to)}`
}

if (import.meta.main) {
  const readme = readFileSync(README, 'utf8')
  writeFileSync(README, replaceBetween(replaceBetween(readme, 'inputs', inputsTable()), 'outputs', outputsTable()))
  console.log('README.md: the tables of inputs and outputs are written from action.yml')
}
