/**
 * Accepted risks (`exceptions-file`), read strictly: an exception is reviewed by people, and an
 * entry that does not say exactly what it covers must not cover more than was reviewed.
 *
 *   exceptions:
 *     - rule: DKR-001                     # a string, required
 *       paths: ["services/legacy/**"]     # optional: a non-empty list of globs on the repository path
 *       resource: {kind: Deployment, namespace: prod, name: api}   # optional: only these keys
 *       reason: Legacy image, replaced in Q1   # a non-empty string, required
 *       expires: 2027-03-31                # a YYYY-MM-DD date, required; in force through that day (UTC)
 *
 * The file is read with YAML 1.2's core schema whatever it declares: no timestamps (a YAML 1.1
 * time would stretch an expiry into the next day), no sexagesimal or hexadecimal surprises in a
 * rule (`0x1F` is a number, not the string a rule must be). An entry with any other key (a typo
 * such as `path:` would otherwise except the rule everywhere), a value of another shape, an empty
 * `paths`, or a date that has passed, excepts nothing and is named. A file that is not YAML, or not
 * this shape, is a configuration error: never "no exceptions".
 */
import picomatch from 'picomatch'
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { clip } from '../escape.ts'
import { EXPIRING_DAYS, MAX_EXCEPTIONS_BYTES, NO_EXCEPTIONS, type Exception, type ExceptionSet } from './exception-set.ts'
import type { ResourceRef } from './k8s-yaml.ts'
import type { RepoPath } from './repo-path.ts'

export const MAX_EXCEPTIONS = 1000
const KEYS = new Set(['rule', 'paths', 'resource', 'reason', 'expires'])
const RESOURCE_KEYS = new Set(['kind', 'namespace', 'name'])

/** The file could not be parsed, or is not the shape the gate reads. */
export class ExceptionsFileError extends Error {
  override name = 'ExceptionsFileError'
}

/** `today` is `YYYY-MM-DD` (UTC). */
export function parseExceptions(text: string, today: string): ExceptionSet {
  if (Buffer.byteLength(text) > MAX_EXCEPTIONS_BYTES) throw new ExceptionsFileError(`is larger than ${MAX_EXCEPTIONS_BYTES / 1024 / 1024} MB`)
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length) throw new ExceptionsFileError(`is not valid YAML: ${clip(doc.errors[0]?.message ?? 'parse error', 200)}`)
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) return NO_EXCEPTIONS
  if (!isMap(root)) throw new ExceptionsFileError('must be a mapping with an `exceptions:` list')
  const set: ExceptionSet = { active: [], ignored: [], expiringSoon: [] }
  for (const key of keysOf(root)) if (key !== 'exceptions') set.ignored.push(`the key ${quote(key)} at the top is not one the gate reads (only \`exceptions\`)`)
  const list = root.get('exceptions', true) as Node | undefined
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return set
  if (!isSeq(list)) throw new ExceptionsFileError('has `exceptions:` that is not a list')
  if (list.items.length > MAX_EXCEPTIONS) throw new ExceptionsFileError(`has more than ${MAX_EXCEPTIONS} entries`)

  list.items.forEach((item, i) => {
    const read = readEntry(item as Node, i + 1)
    if (typeof read === 'string') {
      set.ignored.push(read)
      return
    }
    if (read.expires < today) {
      set.ignored.push(`${label(read)} expired on ${read.expires}`)
      return
    }
    set.active.push(read)
    if (read.expires <= addDays(today, EXPIRING_DAYS)) set.expiringSoon.push(read)
  })
  return set
}

function readEntry(item: Node, entry: number): Exception | string {
  const where = `entry ${entry}`
  if (!isMap(item)) return `${where} is not a mapping`
  const rule = string(item.get('rule', true))
  const named = rule ? `${where} (rule ${quote(rule)})` : where
  const unknown = keysOf(item).filter((key) => !KEYS.has(key))
  if (unknown.length) return `${named} has ${unknown.length === 1 ? 'a key' : 'keys'} the gate does not read (${unknown.map(quote).join(', ')}; it reads rule, paths, resource, reason and expires)`
  if (!rule) return `${where} has no \`rule\` that is a string (the HSS rule_id; quote one that YAML reads as a number)`
  const reason = string(item.get('reason', true))
  if (!reason) return `${named} has no \`reason\` (a non-empty string)`
  const expires = dateOf(item.get('expires', true))
  if (!expires) return `${named} has no \`expires\` date (YYYY-MM-DD)`
  const paths = globs(item.get('paths', true))
  if (paths === undefined) return `${named} has \`paths\` that is not a non-empty list of globs (leave it out to cover every path)`
  const resource = resourceOf(item.get('resource', true))
  if (resource === null) return `${named} has a \`resource\` that is not a mapping of kind, namespace and name (strings)`
  const matchers = paths.map((glob) => picomatch(glob, { dot: true }))
  return { entry, rule, paths, matchesPath: (path: RepoPath) => matchers.some((matches) => matches(path)), resource, reason: clip(reason, 500), expires }
}

function label(exception: Exception): string {
  return `entry ${exception.entry} (rule ${quote(exception.rule)})`
}

/** Text from the file, for a warning: one line, short, in quotes. */
function quote(text: string): string {
  return JSON.stringify(clip(text, 64))
}

/** The keys of a mapping, as text. */
function keysOf(map: { items: unknown[] }): string[] {
  return map.items.map((pair) => (isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '?'))
}

/** A string scalar, trimmed; undefined when empty, absent, or not a string (a number, a boolean, a list). */
function string(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined
  return node.value.trim() || undefined
}

/** A calendar date written as `YYYY-MM-DD` (the core schema keeps it a string). */
function dateOf(node: unknown): string | undefined {
  const text = string(node)
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const parsed = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : undefined
}

/** Optional globs: absent → none; a non-empty list of non-empty strings; anything else (an empty list too) → undefined. */
function globs(node: unknown): string[] | undefined {
  if (node === undefined) return []
  if (!isSeq(node) || node.items.length === 0) return undefined
  const out: string[] = []
  for (const item of node.items) {
    const text = string(item)
    if (!text) return undefined
    out.push(text)
  }
  return out
}

/** Optional resource: absent → undefined; a mapping of only kind/namespace/name, strings → it; anything else → null. */
function resourceOf(node: unknown): Partial<ResourceRef> | undefined | null {
  if (node === undefined) return undefined
  if (!isMap(node) || keysOf(node).some((key) => !RESOURCE_KEYS.has(key))) return null
  const resource: Partial<ResourceRef> = {}
  for (const key of ['kind', 'namespace', 'name'] as const) {
    const value = node.get(key, true)
    if (value === undefined) continue
    const text = string(value)
    if (!text) return null
    resource[key] = text
  }
  return Object.keys(resource).length ? resource : null
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** What an exception is matched against: the risk's rule, and where it is. */
export interface ExceptionTarget {
  ruleId: string
  /** The repository path; undefined when the file could not be mapped (then no path glob matches). */
  path: RepoPath | undefined
  /** The Kubernetes resource; undefined when not known (then no resource selector matches). */
  resource: ResourceRef | undefined
}

/** The first active exception that covers the target, if any. */
export function exceptionFor(set: ExceptionSet, target: ExceptionTarget): Exception | undefined {
  return set.active.length ? set.active.find((exception) => covers(exception, target)) : undefined
}

function covers(exception: Exception, target: ExceptionTarget): boolean {
  if (exception.rule !== target.ruleId) return false
  if (exception.paths.length && (target.path === undefined || !exception.matchesPath(target.path))) return false
  const wanted = exception.resource
  if (wanted) {
    const have = target.resource
    if (!have) return false
    if (wanted.kind !== undefined && wanted.kind.toLowerCase() !== have.kind.toLowerCase()) return false
    if (wanted.namespace !== undefined && wanted.namespace !== (have.namespace || 'default')) return false
    if (wanted.name !== undefined && wanted.name !== have.name) return false
  }
  return true
}
