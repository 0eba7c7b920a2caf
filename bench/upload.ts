/**
 * The upload phase at HSS's budget of 5 BatchUploadFiles calls a minute (on a fake clock): 1, 10 and
 * 50 files, with distinct base names (10 a request) and all named Dockerfile (one a request, as in
 * a repository of services), next to the floor: the sixth and later requests each wait 12 s.
 */
import { budgetPacer } from '../src/gate/deps.ts'
import { uploadFiles } from '../src/gate/upload/upload.ts'
import { HssError } from '../src/errors.ts'
import { noCheckout, type Checkout } from '../src/repo/checkout.ts'
import { repoPath, type RepoPath } from '../src/repo/repo-path.ts'
import type { UploadAnswer } from '../src/hss/models.ts'
import { fakeClient } from '../__fixtures__/fake-client.ts'
import { fakeClock } from '../__fixtures__/fake-clock.ts'

export interface UploadPhaseRow {
  files: number
  names: 'distinct' | 'all Dockerfile'
  requests: number
  seconds: number
  floorS: number
  'time / floor': number | string
  throttled: number
}

/** A checkout whose every file is a small Dockerfile. */
const checkout: Checkout = { ...noCheckout, root: '/bench', readBytes: () => ({ kind: 'bytes', bytes: new TextEncoder().encode('FROM scratch\n') }) }

export async function uploadPhaseTime(files: number, names: UploadPhaseRow['names']): Promise<UploadPhaseRow> {
  const clock = fakeClock()
  const answered: number[] = []
  let throttled = 0
  let next = 0
  const client = fakeClient([], undefined, {
    upload: (_type, parts): UploadAnswer | Error => {
      const now = clock.now()
      if (answered.filter((at) => at > now - 60_000).length >= 5) {
        throttled++
        return new HssError({ kind: 'http', operation: 'BatchUploadFiles', status: 429, errorCode: 'APIGW.0308' })
      }
      answered.push(now)
      return { succeeded: parts.map((part) => ({ file_name: part.name, file_id: `f-${next++}` })), failed: [] }
    }
  })
  const paths = Array.from({ length: files }, (_, i) => repoPath(names === 'distinct' ? `docker/svc-${i}.Dockerfile` : `services/svc-${i}/Dockerfile`) as RepoPath)
  const start = clock.now()
  const sent = await uploadFiles(client, 'dockerfile', paths.map((path) => ({ path, bytes: 13 })), checkout, {
    clock,
    random: () => 0.5,
    deadline: start + 4 * 3600_000,
    requestTimeoutMs: 30_000,
    pollIntervalMs: 15_000,
    log: () => undefined,
    pacer: budgetPacer(clock, 15_000)
  })
  const seconds = (clock.now() - start) / 1000
  const floorS = Math.max(0, sent.requests - 5) * 12
  return { files, names, requests: sent.requests, seconds, floorS, 'time / floor': floorS ? Number((seconds / floorS).toFixed(2)) : seconds === 0 ? '0 / 0' : '∞', throttled }
}
