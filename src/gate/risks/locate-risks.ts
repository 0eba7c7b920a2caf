/**
 * Puts a risk on its lines in the checked-out repository: its file mapped to a repository path (the
 * path it was uploaded from, when this run uploaded it; else HSS's name resolved in the checkout),
 * then the Dockerfile instruction HSS named (repo/dockerfile.ts), or each place HSS's YAML paths name
 * (repo/k8s-yaml.ts). Each file is read and parsed once, however many risks it has (`parsedFiles`).
 * Loaded only when risks are read: the parsers are not needed at start-up.
 */
import { clip } from '../../escape.ts'
import { placeOf, type Checkout } from '../../repo/checkout.ts'
import { locateInstruction, parseDockerfile, type DockerfileModel } from '../../repo/dockerfile.ts'
import { locateResource, onlyResource, parseYaml, type YamlModel } from '../../repo/k8s-yaml.ts'
import type { RepoPath } from '../../repo/repo-path.ts'
import type { Location } from './findings.ts'
import type { RiskPath } from './risk-paths.ts'
import type { Risk } from './risks.ts'

export type FileKind = 'dockerfile' | 'k8s_yaml'

/** The checkout's files, each read and parsed once, as a Dockerfile or as YAML; undefined when it cannot be read. */
export interface ParsedFiles {
  dockerfile(path: RepoPath): DockerfileModel | undefined
  yaml(path: RepoPath): YamlModel | 'unparsable' | undefined
}

export function parsedFiles(checkout: Checkout): ParsedFiles {
  const texts = new Map<RepoPath, string | undefined>()
  const dockerfiles = new Map<RepoPath, DockerfileModel | undefined>()
  const yamls = new Map<RepoPath, YamlModel | 'unparsable' | undefined>()
  const text = (path: RepoPath) => {
    if (!texts.has(path)) {
      const read = checkout.read(path)
      texts.set(path, read.kind === 'text' ? read.text : undefined)
    }
    return texts.get(path)
  }
  return {
    dockerfile(path) {
      if (!dockerfiles.has(path)) {
        const source = text(path)
        dockerfiles.set(path, source === undefined ? undefined : parseDockerfile(source))
      }
      return dockerfiles.get(path)
    },
    yaml(path) {
      if (!yamls.has(path)) {
        const source = text(path)
        yamls.set(path, source === undefined ? undefined : (parseYaml(source) ?? 'unparsable'))
      }
      return yamls.get(path)
    }
  }
}

/**
 * The places of one risk; `uploaded` is the path this run uploaded the risk's file from, when it did.
 * Without `files` (the time-out has come) the risk stays at its file, which is not read.
 */
export function locateRisk(risk: Risk, kind: FileKind, checkout: Checkout, files: ParsedFiles | undefined, paths: RiskPath[] | string | undefined, uploaded?: RepoPath): Location[] {
  const found = uploaded ? { path: uploaded } : placeOf(checkout, risk.file_name)
  if ('note' in found) return [{ note: found.note }]
  const path = found.path
  if (!files) return [{ path, note: 'not placed before the time-out' }]
  if (kind === 'dockerfile') {
    const model = files.dockerfile(path)
    return [model ? dockerfileLocation(path, model, risk.build_instruction) : { path, note: 'the file could not be read' }]
  }
  const model = files.yaml(path)
  if (model === undefined) return [{ path, note: 'the file could not be read' }]
  const parsed = model === 'unparsable' ? undefined : model
  if (typeof paths === 'string' || paths === undefined || paths.length === 0) {
    const why = typeof paths === 'string' ? paths : paths ? 'HSS lists no path for this risk' : 'HSS gave no path for this risk'
    // Without HSS's place, the file's one resource is the place; among several, none.
    const only = onlyResource(parsed)
    return [only ? { path, line: only.line, endLine: only.line, unit: only.unit, note: `${why}: the file's only resource starts here` } : { path, note: `no line: ${why}` }]
  }
  return paths.map((where) => yamlLocation(path, parsed, where))
}

function dockerfileLocation(path: RepoPath, model: DockerfileModel, instruction: string): Location {
  const found = locateInstruction(model, instruction)
  switch (found.kind) {
    case 'instruction':
      return { path, line: found.line, endLine: found.endLine, ...(found.also.length ? { also: found.also } : {}) }
    case 'final-from':
      return { path, line: found.line, endLine: found.endLine, unit: found.unit, note: 'about an instruction that is missing: the final stage starts here' }
    case 'absent':
      return { path, note: 'HSS scanned a different copy of this file: its instruction is not in the checked-out file' }
    case 'unparsable':
      return { path, note: 'the checked-out file has no Dockerfile instructions' }
  }
}

function yamlLocation(path: RepoPath, model: YamlModel | undefined, where: RiskPath): Location {
  const resource = where.resource
  const base = { path, resource, ...(where.hitPath ? { hitPath: clip(where.hitPath, 300) } : {}) }
  const found = locateResource(model, resource, where.hitPath)
  switch (found.kind) {
    case 'node':
      return { ...base, line: found.line, endLine: found.endLine, ...(found.complete ? {} : { unit: found.unit, note: 'the rest of the path is not in the file: this is its nearest existing part' }) }
    case 'absent':
      return { ...base, note: 'HSS scanned a different copy of this file: the resource is not in the checked-out file' }
    case 'ambiguous':
      return { ...base, note: `${found.count} documents in the file are this resource, so the gate does not guess` }
    case 'unparsable':
      return { ...base, note: 'the file does not parse as YAML (a template?), so the risk stays at file level' }
  }
}

