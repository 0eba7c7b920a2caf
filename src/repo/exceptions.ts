/**
 * Accepted risks (`exceptions-file`): each entry names an HSS rule, optionally path globs and a
 * resource, and must give a reason and an expiry date. An entry that has expired, or lacks its rule,
 * reason or date, excepts nothing (the gate names it in a warning). A file that is not valid YAML,
 * or not the shape below, is a configuration error: never "no exceptions".
 *
 *   exceptions:
 *     - rule: DKR-001
 *       paths: ["services/legacy/**"]
 *       resource: {kind: Deployment, namespace: prod, name: api}
 *       reason: Legacy image, replaced in Q1
 *       expires: 2027-03-31
 */
import picomatch from 'picomatch'
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml'
import { clip } from '../escape.ts'
import type { ResourceRef } from './k8s-yaml.ts'

export interface Exception {
  /** 1-based, in the file's order. */
  entry: number
  rule: string
  paths: string[]
  resource: Partial<ResourceRef> | undefined
  reason: string
  /** `YYYY-MM-DD`; the exception holds through that day (UTC). */
  expires: string
}

export interface ExceptionSet {
  /** Entries in force today. */
  active: Exception[]
  /** Entries that except nothing, with why: `entry 3 (rule DKR-001) expired on 2026-01-31`. */
  ignored: string[]
  /** Active entries that expire within EXPIRING_DAYS. */
  expiringSoon: Exception[]
}

export const EXPIRING_DAYS = 14
/** An exceptions file larger than this is refused: it is reviewed by people, not generated. */
export const MAX_EXCEPTIONS_BYTES = 256 * 1024
export const MAX_EXCEPTIONS = 1000

export const NO_EXCEPTIONS: ExceptionSet = { active: [], ignored: [], expiringSoon: [] }

/** The file could not be parsed, or is not the shape the gate reads. */
export class ExceptionsFileError extends Error {
  override name = 'ExceptionsFileError'
}

/** `today` is `YYYY-MM-DD` (UTC). */
export function parseExceptions(text: string, today: string): ExceptionSet {
  if (text.length > MAX_EXCEPTIONS_BYTES) throw new ExceptionsFileError(`is larger than ${MAX_EXCEPTIONS_BYTES / 1024} KiB`)
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false })
  if (doc.errors.length) throw new ExceptionsFileError(`is not valid YAML: ${clip(doc.errors[0]?.message ?? 'parse error', 200)}`)
  const root = doc.contents
  if (root === null || (isScalar(root) && root.value === null)) return NO_EXCEPTIONS
  if (!isMap(root)) throw new ExceptionsFileError('must be a mapping with an `exceptions:` list')
  const list = root.get('exceptions', true) as Node | undefined
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return NO_EXCEPTIONS
  if (!isSeq(list)) throw new ExceptionsFileError('has `exceptions:` that is not a list')
  if (list.items.length > MAX_EXCEPTIONS) throw new ExceptionsFileError(`has more than ${MAX_EXCEPTIONS} entries`)

  const set: ExceptionSet = { active: [], ignored: [], expiringSoon: [] }
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
  const rule = scalar(item.get('rule', true))
  const named = rule ? `${where} (rule ${clip(rule, 64)})` : where
  if (!rule) return `${where} has no \`rule\` (the HSS rule_id)`
  const reason = scalar(item.get('reason', true))
  if (!reason) return `${named} has no \`reason\``
  const expiresNode = item.get('expires', true) as unknown
  const expires = dateOf(expiresNode)
  if (!expires) return `${named} has no \`expires\` date (YYYY-MM-DD)`
  const paths = globs(item.get('paths', true) as unknown)
  if (paths === undefined) return `${named} has \`paths\` that is not a list of globs`
  const resource = resourceOf(item.get('resource', true) as unknown)
  if (resource === null) return `${named} has a \`resource\` that is not a mapping of kind, namespace and name`
  return { entry, rule, paths, resource, reason: clip(reason, 500), expires }
}

function label(exception: Exception): string {
  return `entry ${exception.entry} (rule ${clip(exception.rule, 64)})`
}

/** A string (or number) scalar, trimmed; undefined when empty or not a scalar. */
function scalar(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const value = node.value
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
  return text?.trim() || undefined
}

/** A calendar date as `YYYY-MM-DD`, from the text or from a YAML 1.1 timestamp. */
function dateOf(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined
  const value = node.value
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value.trim() : undefined
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const parsed = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : undefined
}

/** Optional globs: absent → none; a string or a list of strings; anything else → undefined. */
function globs(node: unknown): string[] | undefined {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return []
  if (isScalar(node)) return typeof node.value === 'string' && node.value.trim() ? [node.value.trim()] : undefined
  if (!isSeq(node)) return undefined
  const out: string[] = []
  for (const item of node.items) {
    const text = scalar(item)
    if (!text) return undefined
    out.push(text)
  }
  return out
}

/** Optional resource: absent → undefined; a mapping of kind/namespace/name → it; anything else → null. */
function resourceOf(node: unknown): Partial<ResourceRef> | undefined | null {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return undefined
  if (!isMap(node)) return null
  const resource: Partial<ResourceRef> = {}
  for (const key of ['kind', 'namespace', 'name'] as const) {
    const value = scalar(node.get(key, true))
    if (value) resource[key] = value
  }
  return Object.keys(resource).length ? resource : null
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** What an exception is matched against: the risk's rule, and where it is. */
export interface ExceptionTarget {
  ruleId: string
  /** Workspace path; undefined when the file could not be mapped (then no path glob matches). */
  path: string | undefined
  /** The Kubernetes resource; undefined when not known (then no resource selector matches). */
  resource: ResourceRef | undefined
}

/** The first active exception that covers the target, if any. */
export function exceptionFor(set: ExceptionSet, target: ExceptionTarget): Exception | undefined {
  return set.active.length ? set.active.find((exception) => covers(exception, target)) : undefined
}

function covers(exception: Exception, target: ExceptionTarget): boolean {
  if (exception.rule !== target.ruleId) return false
  if (exception.paths.length) {
    if (target.path === undefined) return false
    const path = target.path
    if (!exception.paths.some((glob) => picomatch.isMatch(path, glob, { dot: true }))) return false
  }
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
