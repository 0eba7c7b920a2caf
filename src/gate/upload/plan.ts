/**
 * How the files to upload are split into BatchUploadFiles requests: at most 10 files a request (HSS's
 * limit), and never two with the same base name in one request, since HSS's answer names a file only
 * by its name and may keep only the base name: two `Dockerfile`s in one request could not be told
 * apart. Files keep their path order; each goes into the first request that has room for it.
 */
import { baseName, type RepoPath } from '../../repo/repo-path.ts'

export const MAX_FILES_PER_REQUEST = 10

export function planRequests<T extends { path: RepoPath }>(files: readonly T[], max = MAX_FILES_PER_REQUEST): T[][] {
  const requests: { files: T[]; names: Set<string> }[] = []
  for (const file of files) {
    const name = baseName(file.path)
    let request = requests.find((r) => r.files.length < max && !r.names.has(name))
    if (!request) {
      request = { files: [], names: new Set() }
      requests.push(request)
    }
    request.files.push(file)
    request.names.add(name)
  }
  return requests.map((r) => r.files)
}
