/**
 * Everything the action writes for the runner goes through here, on @actions/core's public entry
 * point (so `@github/local-action`, which stands in for @actions/core, sees every call). Three rules
 * hold for all of it, whatever text the servers sent:
 * - secrets, and pieces of them, are removed (`redact`);
 * - a log line stays one line, and never starts a runner command: only the action's own commands
 *   do (`::error`, `::warning`, `::debug`, `::add-mask`), and core escapes their data;
 * - a runner file (outputs, job summary) that cannot be written is a warning, never a crash: the
 *   verdict still decides the exit code.
 */
import * as core from '@actions/core'
import { oneLine } from './escape.ts'
import { addSecret, redact } from './redact.ts'

export interface AnnotationProperties {
  title?: string
  /** A path relative to the workspace, so the annotation lands on the file in the pull request. */
  file?: string
  /** With `file`: the lines (1-based) the annotation covers. */
  line?: number
  endLine?: number
}

export function getInput(name: string): string {
  return core.getInput(name)
}

/** Masks the value in the runner's log and removes it from everything this action writes. */
export function setSecret(secret: string): void {
  core.setSecret(secret)
  addSecret(secret)
}

export function info(message: string): void {
  core.info(logLine(message))
}

export function debug(message: string): void {
  core.debug(clean(message))
}

/** Folds the lines that follow in the log, under a title, until endGroup. */
export function startGroup(title: string): void {
  core.startGroup(clean(title))
}

export function endGroup(): void {
  core.endGroup()
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  core.warning(clean(message), cleanProperties(properties))
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  core.error(clean(message), cleanProperties(properties))
}

export function setFailed(message: string): void {
  core.setFailed(clean(message))
}

/** Runner files that could not be written, each warned about once. */
const unwritable = new Set<string>()

export function setOutput(name: string, value: string): void {
  try {
    core.setOutput(name, redact(value))
  } catch (failure) {
    warnOnce('GITHUB_OUTPUT', `Could not write the step's outputs: ${messageOf(failure)}. Later steps will not see them; the verdict stands.`)
  }
}

/** Appends to the job summary; false when it could not be written (a warning says why). */
export async function writeSummary(markdown: string): Promise<boolean> {
  try {
    await core.summary.addRaw(redact(markdown)).write()
    return true
  } catch (failure) {
    core.summary.emptyBuffer()
    warnOnce('GITHUB_STEP_SUMMARY', `Could not write the job summary: ${messageOf(failure)}. The verdict stands.`)
    return false
  }
}

function warnOnce(file: string, message: string): void {
  if (unwritable.has(file)) return
  unwritable.add(file)
  warning(message)
}

/** One line, redacted: what annotations, debug lines and failure messages carry. */
function clean(text: string): string {
  return oneLine(redact(text))
}

function cleanProperties(properties: AnnotationProperties): core.AnnotationProperties {
  return {
    ...(properties.title ? { title: clean(properties.title) } : {}),
    ...(properties.file ? { file: properties.file } : {}),
    ...(properties.file && properties.line ? { startLine: properties.line, endLine: properties.endLine ?? properties.line } : {})
  }
}

/**
 * A plain log line that the runner reads as text only. It treats a line as a command when it starts
 * with `::` (after leading spaces), and, in the old syntax, when `##[` appears anywhere in it; a
 * zero-width space keeps both from ever matching.
 */
export function logLine(message: string): string {
  const line = clean(message).replace(/##\[/g, '##\u200b[')
  return line.startsWith('::') ? `\u200b${line}` : line
}

function messageOf(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure)
}
