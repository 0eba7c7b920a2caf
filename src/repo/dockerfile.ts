/**
 * Where a Dockerfile risk sits. HSS names the instruction it found the risk in (`build_instruction`);
 * a real parser (dockerfile-ast) finds it, so continuations, heredocs, several stages and the
 * `# escape=` directive read as Docker reads them. The final stage is searched first (it is the image
 * that ships), bottom up, and the last match wins; then earlier stages. A risk about an instruction
 * that is missing (no `USER`, no `HEALTHCHECK`: HSS sends no instruction) points at the final
 * stage's `FROM`. An instruction that is not in the file means HSS scanned another copy.
 */
import { DockerfileParser, type Instruction } from 'dockerfile-ast'

export type LineRange = { line: number; endLine: number }

export type DockerfileLocation =
  | ({ kind: 'instruction' } & LineRange)
  /** HSS sent no instruction: the final stage's FROM. */
  | ({ kind: 'final-from' } & LineRange)
  /** HSS's instruction is not in this file. */
  | { kind: 'absent' }
  /** The file has no instruction at all (empty, or not a Dockerfile). */
  | { kind: 'unparsable' }

export function locateInstruction(text: string, buildInstruction: string): DockerfileLocation {
  const dockerfile = DockerfileParser.parse(text)
  const escape = dockerfile.getEscapeCharacter()
  const instructions = dockerfile.getInstructions()
  if (instructions.length === 0) return { kind: 'unparsable' }
  const stages = stagesOf(instructions)
  const wanted = normalize(buildInstruction, escape)
  const loose = collapse(buildInstruction, escape)
  if (!wanted) {
    const from = stages.at(-1)?.[0]
    return from && from.getKeyword().toUpperCase() === 'FROM' ? { kind: 'final-from', ...rangeOf(from) } : { kind: 'unparsable' }
  }
  const cut = (text: string) => (text.endsWith('…') ? text.slice(0, -1).trimEnd() : undefined)
  const clipped = cut(wanted)
  const looseClipped = cut(loose)
  const tests: ((instruction: string) => boolean)[] = [
    (text) => normalize(text, escape) === wanted || (clipped !== undefined && normalize(text, escape).startsWith(clipped)),
    // HSS may quote only part of it: the arguments, or the one command of a long RUN.
    (text) => loose.length >= 6 && (normalize(text, escape).includes(clipped ?? wanted) || collapse(text, escape).includes(looseClipped ?? loose))
  ]
  for (const test of tests) {
    for (const stage of [...stages].reverse()) {
      for (const instruction of [...stage].reverse()) {
        if (test(instructionText(instruction))) return { kind: 'instruction', ...rangeOf(instruction) }
      }
    }
  }
  return { kind: 'absent' }
}

/** Instructions grouped by stage: each FROM starts one (anything before the first FROM, such as ARG, is a stage of its own). */
function stagesOf(instructions: readonly Instruction[]): Instruction[][] {
  const stages: Instruction[][] = []
  for (const instruction of instructions) {
    if (instruction.getKeyword().toUpperCase() === 'FROM' || stages.length === 0) stages.push([])
    stages.at(-1)?.push(instruction)
  }
  return stages
}

/** The instruction as written: keyword, flags (`--from`, `--mount`), arguments, continuations and heredoc body. */
function instructionText(instruction: Instruction): string {
  return instruction.getTextContent()
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
