import { describe, expect, it } from '@jest/globals'
import { locateInstruction, normalize, parseDockerfile } from '../../src/repo/dockerfile.ts'

const locate = (text: string, instruction: string) => locateInstruction(parseDockerfile(text), instruction)

/** A Dockerfile from numbered lines, so the expected line numbers read off the text. */
const file = (...lines: string[]) => `${lines.join('\n')}\n`

const MULTI_STAGE = file(
  '# syntax=docker/dockerfile:1', //                                 1
  'FROM node:24 AS build', //                                        2
  'USER root', //                                                    3
  'RUN apt-get update && \\', //                                     4
  '    apt-get install -y curl', //                                  5
  'COPY <<EOF /etc/motd', //                                         6
  'USER root', //                                                    7  (heredoc text, not an instruction)
  'EOF', //                                                          8
  'FROM gcr.io/distroless/nodejs24', //                              9
  'COPY --from=build /app /app', //                                  10
  'USER root', //                                                    11
  'CMD ["server.js"]' //                                             12
)

describe('locateInstruction', () => {
  it('finds the instruction in the final stage first, the last match', () => {
    expect(locate(MULTI_STAGE, 'USER root')).toEqual({ kind: 'instruction', line: 11, endLine: 11, also: [{ line: 3, endLine: 3 }] })
  })

  it('never takes heredoc text for an instruction', () => {
    const noFinalUser = MULTI_STAGE.replace('USER root\nCMD', 'CMD')
    expect(locate(noFinalUser, 'USER root')).toEqual({ kind: 'instruction', line: 3, endLine: 3, also: [] })
  })

  it('spans a continued instruction, however HSS spells its line breaks', () => {
    const range = { kind: 'instruction', line: 4, endLine: 5, also: [] }
    expect(locate(MULTI_STAGE, 'RUN apt-get update && \\\n    apt-get install -y curl')).toEqual(range)
    expect(locate(MULTI_STAGE, 'RUN apt-get update && \\ apt-get install -y curl')).toEqual(range)
    expect(locate(MULTI_STAGE, 'run   apt-get update &&   apt-get install -y curl')).toEqual(range)
  })

  it('finds an instruction HSS quotes in part, or cut short', () => {
    expect(locate(MULTI_STAGE, 'apt-get install -y curl')).toMatchObject({ kind: 'instruction', line: 4, endLine: 5 })
    expect(locate(MULTI_STAGE, 'COPY --from=build /a…')).toMatchObject({ kind: 'instruction', line: 10, endLine: 10 })
  })

  it('points a risk about a missing instruction at the final stage\'s FROM', () => {
    expect(locate(MULTI_STAGE, '')).toEqual({ kind: 'final-from', line: 9, endLine: 9, unit: { line: 9, endLine: 13 } })
  })

  it('reads the escape directive as Docker does', () => {
    const windows = file('# escape=`', 'FROM mcr.microsoft.com/windows/servercore', 'RUN powershell -Command `', '    Install-Thing', 'USER ContainerAdministrator')
    expect(locate(windows, 'RUN powershell -Command Install-Thing')).toMatchObject({ kind: 'instruction', line: 3, endLine: 4 })
    expect(locate(windows, 'USER ContainerAdministrator')).toMatchObject({ kind: 'instruction', line: 5, endLine: 5 })
  })

  it('reads CRLF line ends', () => {
    expect(locate('FROM alpine\r\nUSER root\r\nRUN a && \\\r\n  b\r\n', 'RUN a && b')).toMatchObject({ kind: 'instruction', line: 3, endLine: 4 })
  })

  it('a heredoc RUN spans its body', () => {
    const text = file('FROM alpine', 'RUN <<SCRIPT', 'set -e', 'apk add curl', 'SCRIPT', 'USER app')
    expect(locate(text, 'USER app')).toMatchObject({ kind: 'instruction', line: 6, endLine: 6 })
    expect(locate(text, 'apk add curl')).toMatchObject({ kind: 'instruction', line: 2, endLine: 5 })
  })

  it('says when the instruction is not in the file (HSS scanned another copy), or the file has none', () => {
    expect(locate(MULTI_STAGE, 'USER nobody')).toEqual({ kind: 'absent' })
    expect(locate('', 'USER root')).toEqual({ kind: 'unparsable' })
    expect(locate('# only a comment\n', '')).toEqual({ kind: 'unparsable' })
  })

  it('does not take a short fragment for a match', () => {
    expect(locate(MULTI_STAGE, 'ap')).toEqual({ kind: 'absent' })
  })
})

describe('normalize', () => {
  it('collapses white space and continuations, and upper-cases the keyword only', () => {
    expect(normalize('run  echo \\\n  Hi')).toBe('RUN echo Hi')
    expect(normalize('copy a b', '`')).toBe('COPY a b')
  })
})
