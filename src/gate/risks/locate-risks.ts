/**
 * Puts a risk on its lines in the checked-out repository: its file mapped to a repository path (the
 * path it was uploaded from, when this run uploaded it; else HSS's name resolved in the checkout),
 * then the Dockerfile instruction HSS named (repo/dockerfile.ts), or each place HSS's YAML paths name
 * (repo/k8s-yaml.ts). Loaded only when risks are read: the parsers are not needed at start-up.
 */
import { clip } from '../../escape.ts'
import { placeOf, type Checkout } from '../../repo/checkout.ts'
import { locateInstruction } from '../../repo/dockerfile.ts'
import { locateResource } from '../../repo/k8s-yaml.ts'
import type { RepoPath } from '../../repo/repo-path.ts'
import type { Location } from './findings.ts'
import type { RiskPath } from './risk-paths.ts'
import type { Risk } from './risks.ts'

export type FileKind = 'dockerfile' | 'k8s_yaml'

/**
 * The places of one risk. Files are read through `read`, which the caller caches; `uploaded` is the
 * path this run uploaded the risk's file from, when it did.
 */
export function locateRisk(risk: Risk, kind: FileKind, checkout: Checkout, read: (path: RepoPath) => string | undefined, paths: RiskPath[] | string | undefined, uploaded?: RepoPath): Location[] {
  const found = uploaded ? { path: uploaded } : placeOf(checkout, risk.file_name)
  if ('note' in found) return [{ note: found.note }]
  const path = found.path
  const text = read(path)
  if (text === undefined) return [{ path, note: 'the file could not be read' }]
  if (kind === 'dockerfile') return [dockerfileLocation(path, text, risk.build_instruction)]
  if (typeof paths === 'string' || paths === undefined) return [{ path, note: `no line: ${paths ?? 'HSS gave no path for this risk'}` }]
  if (paths.length === 0) return [{ path, note: 'no line: HSS lists no path for this risk' }]
  return paths.map((where) => yamlLocation(path, text, where))
}

function dockerfileLocation(path: RepoPath, text: string, instruction: string): Location {
  const found = locateInstruction(text, instruction)
  switch (found.kind) {
    case 'instruction':
      return { path, line: found.line, endLine: found.endLine }
    case 'final-from':
      return { path, line: found.line, endLine: found.endLine, note: 'about an instruction that is missing: the final stage starts here' }
    case 'absent':
      return { path, note: 'HSS scanned a different copy of this file: its instruction is not in the checked-out file' }
    case 'unparsable':
      return { path, note: 'the checked-out file has no Dockerfile instructions' }
  }
}

function yamlLocation(path: RepoPath, text: string, where: RiskPath): Location {
  const resource = where.resource
  const base = { path, resource, ...(where.hitPath ? { hitPath: clip(where.hitPath, 300) } : {}) }
  const found = locateResource(text, resource, where.hitPath)
  switch (found.kind) {
    case 'node':
      return { ...base, line: found.line, endLine: found.endLine, ...(found.complete ? {} : { note: 'the rest of the path is not in the file: this is its nearest existing part' }) }
    case 'absent':
      return { ...base, note: 'HSS scanned a different copy of this file: the resource is not in the checked-out file' }
    case 'ambiguous':
      return { ...base, note: `${found.count} documents in the file are this resource, so the gate does not guess` }
    case 'unparsable':
      return { ...base, note: 'the file does not parse as YAML (a template?), so the risk stays at file level' }
  }
}

