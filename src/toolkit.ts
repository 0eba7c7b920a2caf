/**
 * The runner commands this action uses, built on @actions/core's own command, file-command and
 * summary modules. Not on its entry point: that one imports @actions/http-client, and with it undici
 * (985 kB of a 1.2 MB bundle), only for OIDC (core.getIDToken), which this action never uses. Measured
 * with `npm run bench`, loading it made every start about 45 ms slower. The wrappers mirror core.js.
 * The modules are reached by path because the package's `exports` lists only its entry point.
 */
import { EOL } from 'node:os'
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../node_modules/@actions/core/lib/summary.js'
import { toCommandProperties, toCommandValue } from '../node_modules/@actions/core/lib/utils.js'

export { summary }

export interface AnnotationProperties {
  title?: string
}

export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('warning', toCommandProperties(properties), message)
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issueCommand('error', toCommandProperties(properties), message)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
