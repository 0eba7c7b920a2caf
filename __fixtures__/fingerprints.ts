/**
 * codeql-action's `primaryLocationLineHash` (its fingerprints.ts), written again here with BigInt for
 * 64-bit wrapping: a rolling hash over the first 100 characters (spaces and tabs skipped, line ends
 * made `\n`) from the start of each line, with a counter for lines that hash alike. GitHub keeps one
 * alert per rule, file and this hash, so two results that share all three collapse into one.
 */
const BLOCK_SIZE = 100
const MOD = 37n
const TAB = 9
const SPACE = 32
const LF = 10
const CR = 13

const wrap = (value: bigint) => BigInt.asIntN(64, value)

/** Each line's hash, by line number (1-based). */
export function lineHashes(input: string): Map<number, string> {
  const out = new Map<number, string>()
  const window: number[] = Array(BLOCK_SIZE).fill(0)
  const lineNumbers: number[] = Array(BLOCK_SIZE).fill(-1)
  let firstMod = 1n
  for (let i = 0; i < BLOCK_SIZE; i++) firstMod = wrap(firstMod * MOD)
  let hash = 0n
  let index = 0
  let lineNumber = 0
  let lineStart = true
  let prevCR = false
  const counts = new Map<string, number>()
  const output = () => {
    const value = BigInt.asUintN(64, hash).toString(16)
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    out.set(lineNumbers[index] ?? -1, `${value}:${count}`)
    lineNumbers[index] = -1
  }
  const update = (current: number) => {
    const begin = window[index] ?? 0
    window[index] = current
    hash = wrap(wrap(wrap(MOD * hash) + BigInt(current)) - wrap(firstMod * BigInt(begin)))
    index = (index + 1) % BLOCK_SIZE
  }
  for (let i = 0; i <= input.length; i++) {
    let current = i === input.length ? 65535 : input.charCodeAt(i)
    if (current === SPACE || current === TAB || (prevCR && current === LF)) {
      prevCR = false
      continue
    }
    if (current === CR) {
      current = LF
      prevCR = true
    } else prevCR = false
    if (lineNumbers[index] !== -1) output()
    if (lineStart) {
      lineStart = false
      lineNumber++
      lineNumbers[index] = lineNumber
    }
    if (current === LF) lineStart = true
    update(current)
  }
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) output()
    update(0)
  }
  return out
}

interface SarifLog {
  runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[]
}

/** The identities GitHub would give the log's results (rule, file, line hash), with the ones that repeat. */
export function alertIdentities(log: SarifLog, read: (uri: string) => string): { identities: string[]; repeated: string[] } {
  const hashes = new Map<string, Map<number, string>>()
  const identities = log.runs.flatMap((run) =>
    run.results.map((result) => {
      const where = result.locations[0]?.physicalLocation
      const uri = decodeURIComponent(where?.artifactLocation.uri ?? '')
      if (!hashes.has(uri)) hashes.set(uri, lineHashes(read(uri)))
      return `${result.ruleId} ${uri} ${hashes.get(uri)?.get(where?.region.startLine ?? 1) ?? '?'}`
    })
  )
  return { identities, repeated: identities.filter((id, i) => identities.indexOf(id) !== i) }
}
