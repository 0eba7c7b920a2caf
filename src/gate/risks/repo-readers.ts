/**
 * The repository readers that need parsers (dockerfile-ast, yaml, picomatch), in one chunk that
 * loads only when risks are read: the exceptions file, and the lines each risk sits on.
 */
export { ExceptionsFileError, exceptionFor, parseExceptions } from '../../repo/exceptions.ts'
export { locateRisk } from './locate-risks.ts'
