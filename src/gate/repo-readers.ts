/**
 * The repository readers that need parsers (dockerfile-ast, yaml, picomatch), in one chunk that
 * loads only when they are needed: the exceptions file, the lines each risk sits on, and the files
 * `upload-files` names.
 */
export { ExceptionsFileError, exceptionFor, parseExceptions } from '../repo/exceptions.ts'
export { matchUploadFiles } from '../repo/upload-files.ts'
export { locateRisk, parsedFiles } from './risks/locate-risks.ts'
