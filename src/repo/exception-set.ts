/**
 * The exceptions in force, as the gate and the reporters see them. Kept apart from the parser
 * (exceptions.ts), which needs yaml and picomatch: a run that reads no exceptions file loads neither.
 */
import type { ResourceRef } from './k8s-yaml.ts'
import type { RepoPath } from './repo-path.ts'

export interface Exception {
  /** 1-based, in the file's order. */
  entry: number
  rule: string
  /** Globs on the repository path, as written; none: every path. */
  paths: string[]
  /** Whether one of `paths` matches a repository path (compiled once). */
  matchesPath: (path: RepoPath) => boolean
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
/** An exceptions file larger than this is refused (1 MB): it is reviewed by people, not generated. */
export const MAX_EXCEPTIONS_BYTES = 1024 * 1024

export const NO_EXCEPTIONS: ExceptionSet = { active: [], ignored: [], expiringSoon: [] }
