/** A stand-in for src/toolkit.ts (the runner commands) that records every call, in order. */
import { jest } from '@jest/globals'

export const calls: [string, ...unknown[]][] = []
export const inputs: Record<string, string> = {}

const record = (name: string) => (...args: unknown[]) => {
  calls.push([name, ...args])
}

export const getInput = jest.fn((name: string) => {
  calls.push(['getInput', name])
  return inputs[name] ?? ''
})
export const setSecret = jest.fn(record('setSecret'))
export const setOutput = jest.fn(record('setOutput'))
export const setFailed = jest.fn(record('setFailed'))
export const info = jest.fn(record('info'))
export const debug = jest.fn(record('debug'))
export const warning = jest.fn(record('warning'))
export const error = jest.fn(record('error'))
export const startGroup = jest.fn(record('startGroup'))
export const endGroup = jest.fn(record('endGroup'))

const written: string[] = []
export const summary = { written }
export const writeSummary = jest.fn(async (markdown: string) => {
  calls.push(['writeSummary'])
  written.push(markdown)
  return true
})

export function reset(next: Record<string, string>): void {
  calls.length = 0
  written.length = 0
  for (const key of Object.keys(inputs)) delete inputs[key]
  Object.assign(inputs, next)
}
