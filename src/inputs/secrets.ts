/** Registers every secret with the runner before anything is logged, so the runner masks it. */
import { resolveInput, SECRET_INPUTS, type InputSource } from './config.ts'

export function registerSecrets(source: InputSource, setSecret: (value: string) => void): void {
  for (const name of SECRET_INPUTS) {
    const value = resolveInput(source, name)
    if (value) setSecret(value)
  }
}
