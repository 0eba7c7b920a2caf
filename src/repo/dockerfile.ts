/**
 * Where a Dockerfile risk sits. HSS names the instruction it found the risk in (`build_instruction`);
 * a real parser (dockerfile-ast) finds it, so continuations, heredocs, several stages and the
 * `# escape=` directive read as Docker reads them. The file is parsed once (`parseDockerfile`), and
 * every risk of it is looked up in that model. The final stage is searched first (it is the image
 * that ships), bottom up, and the last match wins; then earlier stages. Every other instruction the
 * text matches is kept too (`also`): a risky RUN added to a builder stage may read exactly like an
 * old one in the final stage, and the pull request's scope must see both. A risk about an
 * instruction that is missing (no `USER`, no `HEALTHCHECK`: HSS sends no instruction) points at the
 * final stage's `FROM`, and stands for the whole final stage (`unit`). An instruction that is not in
 * the file means HSS scanned another copy.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast'
import type { LineRange } from './changes.ts'

export type { LineRange } from './changes.ts'

export type DockerfileLocation =
  /** `also`: the other instructions the text matches, in any stage. */
  | ({ kind: 'instruction'; also: LineRange[] } & LineRange)
  /** HSS sent no instruction: the final stage's FROM; `unit` is the whole final stage. */
  | ({ kind: 'final-from'; unit: LineRange } & LineRange)
  /** HSS's instruction is not in this file. */
  | { kind: 'absent' }
  /** The file has no instruction at all (empty, or not a Dockerfile). */
  | { kind: 'unparsable' }

interface ParsedInstruction {
  range: LineRange
  normalized: string
  collapsed: string
  keyword: string
}

/** A Dockerfile read once: its instructions by stage (each stage with the lines it spans). */
export interface DockerfileModel {
  escape: string
  stages: { instructions: ParsedInstruction[]; range: LineRange }[]
}

export function parseDockerfile(text: string): DockerfileModel {
  const dockerfile = DockerfileParser.parse(text)
  const escape = dockerfile.getEscapeCharacter()
  const lastLine = text.split('\n').length
  const stages: DockerfileModel['stages'] = []
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase()
    const parsed = { range: rangeOf(instruction), normalized: normalize(instruction.getTextContent(), escape), collapsed: collapse(instruction.getTextContent(), escape), keyword }
    // Each FROM starts a stage; anything before the first FROM (such as ARG) is a stage of its own.
    if (keyword === 'FROM' || stages.length === 0) stages.push({ instructions: [], range: { line: parsed.range.line, endLine: parsed.range.endLine } })
    stages.at(-1)?.instructions.push(parsed)
  }
  // A stage runs to the line before the next one starts; the last one to the end of the file.
  stages.forEach((stage, i) => {
    stage.range.endLine = Math.max(stage.instructions.at(-1)?.range.endLine ?? stage.range.line, (stages[i + 1]?.range.line ?? lastLine + 1) - 1)
  })
  return { escape, stages }
}

export function locateInstruction(model: DockerfileModel, buildInstruction: string): DockerfileLocation {
  const { stages, escape } = model
  if (stages.length === 0) return { kind: 'unparsable' }
  const wanted = normalize(buildInstruction, escape)
  const loose = collapse(buildInstruction, escape)
  if (!wanted) {
    const final = stages.at(-1)
    const from = final?.instructions[0]
    return final && from?.keyword === 'FROM' ? { kind: 'final-from', ...from.range, unit: final.range } : { kind: 'unparsable' }
  }
  const cut = (text: string) => (text.endsWith('…') ? text.slice(0, -1).trimEnd() : undefined)
  const clipped = cut(wanted)
  const looseClipped = cut(loose)
  const tests: ((instruction: ParsedInstruction) => boolean)[] = [
    (i) => i.normalized === wanted || (clipped !== undefined && i.normalized.startsWith(clipped)),
    // HSS may quote only part of it: the arguments, or the one command of a long RUN.
    (i) => loose.length >= 6 && (i.normalized.includes(clipped ?? wanted) || i.collapsed.includes(looseClipped ?? loose))
  ]
  // The final stage first, bottom up; then the stages before it.
  const order = [...stages].reverse().flatMap((stage) => [...stage.instructions].reverse())
  for (const test of tests) {
    const matches = order.filter(test)
    const [first, ...others] = matches
    if (first) return { kind: 'instruction', ...first.range, also: others.map((other) => other.range) }
  }
  return { kind: 'absent' }
}

/**
 * One line, white space collapsed, and continuations joined: the escape character before a line
 * break, or before the space that a line break became in HSS's one-line text.
 */
function collapse(text: string, escape: string): string {
  return text.split(escape).map((part, i) => (i > 0 && /^\s/.test(part) ? part : i > 0 ? `${escape}${part}` : part)).join('').replace(/\s+/g, ' ').trim()
}

/** Collapsed, with the keyword upper-cased: how two spellings of one instruction compare. */
export function normalize(text: string, escape = '\\'): string {
  const collapsed = collapse(text, escape)
  const space = collapsed.indexOf(' ')
  return space < 0 ? collapsed.toUpperCase() : `${collapsed.slice(0, space).toUpperCase()}${collapsed.slice(space)}`
}

function rangeOf(instruction: Instruction): LineRange {
  const range = instruction.getRange()
  return { line: range.start.line + 1, endLine: range.end.line + 1 }
}
