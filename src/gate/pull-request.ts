/**
 * The pull request's context, read before HSS is asked anything (so a missing permission costs
 * seconds, not a 30-minute wait): what it changes (the scope of the risks that can break the gate),
 * when this workflow run started (which copies are stale), and the exceptions in force, read from
 * the base commit so that a pull request cannot excuse its own risks.
 */
import { InputError, RunContextError } from '../errors.ts'
import type { Config } from '../inputs/config.ts'
import { changesOf, type Changes } from '../repo/changes.ts'
import type { Checkout } from '../repo/checkout.ts'
import { MAX_EXCEPTIONS_BYTES, NO_EXCEPTIONS, type ExceptionSet } from '../repo/exception-set.ts'
import { repoPath } from '../repo/repo-path.ts'
import type { GateDeps } from './deps.ts'
import type { ScopeRule } from './risks/findings.ts'

/** What the run knows of the pull request: its changes, when the run started, and the exceptions in force. */
export interface PullRequestContext {
  /** Set when stale copies are to be checked; `runStartedAt` undefined when the run's start cannot be known. */
  stale?: { mode: 'fail' | 'warn'; runStartedAt: number | undefined }
  exceptions: ExceptionSet | undefined
  /** Which risks can break the gate; its `changes` undefined: every risk counts as changed (not a pull request, or GitHub did not give them all). */
  scope: ScopeRule
}

export async function pullRequestContext(config: Config, deps: GateDeps, readsRisks: boolean): Promise<PullRequestContext> {
  const iac = config.taskType === 'iac_scan'
  const pr = deps.pullRequest
  if (pr === 'unreadable') {
    throw new RunContextError('This is a pull-request event, but its event file (GITHUB_EVENT_PATH) does not say which pull request: the gate cannot judge what it changes, nor read the exceptions from its base')
  }
  const spec = config.task.by === 'create' ? config.task.spec : undefined
  const uploads = spec?.taskType === 'iac_scan' && spec.upload.length > 0
  // The scope decides which risks can break the gate, and which matched files are uploaded.
  const wantsScope = iac && (readsRisks || uploads) && config.riskScope !== 'all'
  // Files this run uploads are fresh by construction: only copies given by id (or a task found) can be stale.
  const wantsStale = iac && config.staleCopies !== 'off' && !(spec?.taskType === 'iac_scan' && spec.fileIds.length === 0)
  if (pr && !deps.github && (wantsScope || wantsStale || readsRisks)) {
    // Without GitHub's API the checks would pass unchecked, and the exceptions would come from the pull request itself.
    throw new InputError('github-token', undefined, 'is empty (or GITHUB_REPOSITORY is not set), and on a pull request the gate needs GitHub\'s API: for the changed files, the run\'s start (stale-copies) and the exceptions file at the base commit. Give it the job\'s token, or set stale-copies: off and fail-on-risk-scope: all with fail-on-risk none')
  }
  if (!pr || !deps.github) {
    if (pr === undefined && (wantsScope || (wantsStale && config.staleCopies !== 'fail'))) deps.log.info('Not a pull-request event: every risk counts (fail-on-risk-scope all), and stale copies are not checked.')
    else if (pr === undefined && wantsStale) deps.log.info('Not a pull-request event: stale copies are not checked.')
    const exceptions = readsRisks ? await exceptionsFrom(checkedOutExceptions(deps.checkout, config.exceptionsFile), config, deps) : undefined
    return { exceptions, scope: { mode: 'all', changes: undefined } }
  }

  const github = deps.github
  let changes: Changes | undefined
  if (pr.number === undefined && (wantsScope || wantsStale)) {
    deps.log.info('A merge queue\'s group has no one pull request: every risk counts (fail-on-risk-scope all), and every scanned file\'s copy is checked.')
  } else if (pr.number !== undefined && (wantsScope || wantsStale)) {
    const files = await github.pullRequestFiles(pr.number)
    // Counted by name: a file that paging repeats must not stand in for one it skipped.
    const listed = new Set(files.map((file) => file.filename)).size
    const read = changesOf(files)
    if (pr.changedFiles === undefined) {
      deps.log.warning('The pull-request event does not say how many files the pull request changes, so GitHub\'s list of them cannot be known complete: every risk counts as changed, and every scanned file\'s copy is checked.')
    } else if (listed < pr.changedFiles) {
      deps.log.warning(`GitHub listed ${listed} of the pull request's ${pr.changedFiles} changed files (it lists at most 3,000): every risk counts as changed, and every scanned file's copy is checked.`)
    } else if (typeof read === 'string') {
      deps.log.warning(`${read}: every risk counts as changed, and every scanned file's copy is checked.`)
    } else changes = read
  }
  let stale: PullRequestContext['stale']
  if (wantsStale) {
    const mode = config.staleCopies === 'fail' ? 'fail' : 'warn'
    const runStartedAt = deps.runId ? await github.runStartedAt(deps.runId) : undefined
    if (runStartedAt === undefined) deps.log.warning(`${deps.runId ? 'GitHub did not say when this workflow run started' : 'GITHUB_RUN_ID is not set'}: the run's start is unknown, so every changed file's copy counts as stale${mode === 'fail' ? '' : ' (stale-copies: warn)'}.`)
    stale = { mode, runStartedAt }
  }
  const exceptions = readsRisks ? await exceptionsFrom(await github.fileAt(config.exceptionsFile, pr.baseSha), config, deps, pr.baseSha) : undefined
  return { ...(stale ? { stale } : {}), exceptions, scope: { mode: wantsScope && pr.number !== undefined ? config.riskScope : 'all', changes } }
}

/** The exceptions file in the checkout (on events that are not a pull request's): its text, undefined when there is none, or a configuration error. */
function checkedOutExceptions(checkout: Checkout, file: string): string | undefined {
  const path = repoPath(file)
  const read = path ? checkout.read(path, MAX_EXCEPTIONS_BYTES) : { kind: 'missing' as const }
  if (read.kind === 'text') return read.text
  if (read.kind === 'refused') throw new InputError('exceptions-file', file, `cannot be read in the checkout: ${read.why}; a file that cannot be read is never taken for "no exceptions"`)
  return undefined
}

/** The exceptions file's text (undefined: there is none) made into the exceptions in force; a broken file is a configuration error. */
async function exceptionsFrom(text: string | undefined, config: Config, deps: GateDeps, baseSha?: string): Promise<ExceptionSet> {
  if (text === undefined) return NO_EXCEPTIONS
  // The YAML parser and the glob matcher load only when there is a file to read.
  const { ExceptionsFileError, parseExceptions } = await import('./repo-readers.ts')
  const today = new Date(deps.clock.now()).toISOString().slice(0, 10)
  let set: ExceptionSet
  try {
    set = parseExceptions(text, today)
  } catch (error) {
    if (error instanceof ExceptionsFileError) {
      const where = baseSha ? ` (as of the base commit ${baseSha.slice(0, 12)})` : ''
      throw new InputError('exceptions-file', config.exceptionsFile, `${error.message}${where}; fix the file, or point exceptions-file elsewhere`)
    }
    throw error
  }
  for (const ignored of set.ignored) deps.log.warning(`Exceptions file ${config.exceptionsFile}: ${ignored}, so it excepts nothing.`)
  return set
}
