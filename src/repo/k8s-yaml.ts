/**
 * Where a Kubernetes YAML risk sits. HSS says which resource (kind, namespace, name) and where in it
 * (`hit_path`, see hit-path.ts). The file is parsed once (`parseYaml`) with the `yaml` package, which
 * keeps every node's source range; the document is matched by kind, name and namespace (a file holds
 * many, between `---`), and the path is walked to the deepest node that exists: a key that is missing
 * (a `runAsNonRoot` nobody set) points at its nearest existing parent, and stands for the whole
 * resource (`unit`: its document's lines). A file that does not parse (a Helm template, say) leaves
 * the risk at file level; a resource that is not in it means HSS scanned another copy.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap } from 'yaml'
import { formatSteps, parseHitPath, type PathStep } from './hit-path.ts'
import type { LineRange } from './dockerfile.ts'

export interface ResourceRef {
  kind: string
  namespace: string
  name: string
}

export type YamlLocation =
  /** `walked` is the part of the path that exists; `complete` when that is all of it; `unit` is the resource's document. */
  | ({ kind: 'node'; walked: string; complete: boolean; unit: LineRange } & LineRange)
  /** No document in the file is that resource. */
  | { kind: 'absent' }
  /** Several documents are that resource: the gate does not guess. */
  | { kind: 'ambiguous'; count: number }
  | { kind: 'unparsable' }

/** A YAML file read once: its documents, each with the lines it spans, and whether every one parsed. */
export interface YamlModel {
  text: string
  lines: LineCounter
  /** Each document's mapping, the lines the document spans, and the line its first key is on. */
  documents: { contents: YAMLMap; range: LineRange; first: number }[]
  /** Some document did not parse, or is not a mapping. */
  broken: boolean
}

export function parseYaml(text: string): YamlModel | undefined {
  const lines = new LineCounter()
  let parsed: Document.Parsed[]
  try {
    parsed = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false }) as Document.Parsed[]
  } catch {
    return undefined
  }
  if (!Array.isArray(parsed)) return undefined
  const documents: YamlModel['documents'] = []
  let broken = false
  for (const doc of parsed) {
    if (doc.errors.length || !isMap(doc.contents)) {
      if (doc.contents !== null || doc.errors.length) broken = true
      continue
    }
    const [start = 0, , end = start] = doc.range
    documents.push({ contents: doc.contents, range: lineRange(text, lines, start, end), first: lines.linePos(doc.contents.range?.[0] ?? start).line })
  }
  return { text, lines, documents, broken }
}

/**
 * The file's one resource, when it holds exactly one: where a risk sits whose place HSS did not say
 * (its paths did not come in time, or came empty). With several documents the gate does not guess.
 */
export function onlyResource(model: YamlModel | undefined): { line: number; unit: LineRange } | undefined {
  const [only, ...others] = model?.documents ?? []
  return only && others.length === 0 && !model?.broken ? { line: only.first, unit: only.range } : undefined
}

export function locateResource(model: YamlModel | undefined, resource: ResourceRef, hitPath: string): YamlLocation {
  if (!model) return { kind: 'unparsable' }
  const matches = model.documents.filter((doc) => isResource(doc.contents, resource))
  if (matches.length > 1) return { kind: 'ambiguous', count: matches.length }
  const doc = matches[0]
  if (!doc) return model.broken ? { kind: 'unparsable' } : { kind: 'absent' }

  const steps = withoutPrefix(parseHitPath(hitPath), resource)
  const { node, span, walked } = walk(doc.contents, steps)
  const range = span ?? node.range
  if (!range) return { kind: 'unparsable' }
  return { kind: 'node', walked: formatSteps(walked), complete: walked.length === steps.length && steps.length > 0, unit: doc.range, ...lineRange(model.text, model.lines, range[0], range[1]) }
}

function isResource(map: YAMLMap, resource: ResourceRef): boolean {
  const kind = scalarText(map.get('kind', true))
  const metadata = map.get('metadata', true)
  const meta = isMap(metadata) ? metadata : undefined
  const name = scalarText(meta?.get('name', true))
  const namespace = scalarText(meta?.get('namespace', true)) ?? ''
  if (resource.kind && kind?.toLowerCase() !== resource.kind.toLowerCase()) return false
  if (resource.name && name !== resource.name) return false
  // A resource without a namespace lands in the one it is applied to: HSS may call that `default`.
  if (resource.namespace && namespace !== resource.namespace && !(namespace === '' && resource.namespace === 'default')) return false
  return true
}

/** HSS may start the path with the kind (`Deployment.spec…`); the object itself has no such key. */
function withoutPrefix(steps: PathStep[], resource: ResourceRef): PathStep[] {
  const first = steps[0]
  if (first && 'key' in first && resource.kind && first.key.toLowerCase() === resource.kind.toLowerCase()) return steps.slice(1)
  return steps
}

/** Follows the steps as far as they exist; the span covers a key with its value, or a list item. */
function walk(root: YAMLMap, steps: readonly PathStep[]): { node: Node; span: [number, number] | undefined; walked: PathStep[] } {
  let node: Node = root
  let span: [number, number] | undefined
  const walked: PathStep[] = []
  for (const step of steps) {
    let next: { node: Node; span: [number, number] | undefined; step?: PathStep } | undefined
    if (isMap(node) && 'key' in step) {
      const pair = node.items.find((item) => isPair(item) && scalarText(item.key) === step.key) as Pair<Node, Node | null> | undefined
      if (pair) next = pairSpan(pair)
    } else if (isSeq(node)) {
      const index = 'index' in step ? step.index : 'key' in step && /^\d+$/.test(step.key) ? Number(step.key) : undefined
      const item = index !== undefined ? node.items[index] : 'field' in step ? node.items.find((it) => isMap(it) && scalarText(it.get(step.field, true)) === step.value) : undefined
      // A pointer's `0` is an index once it meets a list.
      if (item && typeof item === 'object' && 'range' in item && (item as Node).range) next = { node: item as Node, span: undefined, step: index !== undefined ? { index } : step }
    }
    if (!next) break
    node = next.node
    span = next.span
    walked.push(next.step ?? step)
  }
  return { node, span, walked }
}

function pairSpan(pair: Pair<Node, Node | null>): { node: Node; span: [number, number] | undefined } {
  const keyRange = pair.key?.range
  const value = pair.value
  const end = value?.range?.[1] ?? keyRange?.[1]
  const span: [number, number] | undefined = keyRange && end !== undefined ? [keyRange[0], end] : undefined
  // A key with no value (`securityContext:`) is itself the deepest node there is.
  return { node: value && value.range ? value : (pair.key as Node), span }
}

function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const value = node.value
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined
}

/** 1-based lines of the text from `start` to `end`, the end trimmed back over trailing white space. */
function lineRange(text: string, lines: LineCounter, start: number, end: number): LineRange {
  let last = Math.max(start, end - 1)
  while (last > start && /\s/.test(text[last] ?? '')) last--
  return { line: lines.linePos(start).line, endLine: lines.linePos(last).line }
}
