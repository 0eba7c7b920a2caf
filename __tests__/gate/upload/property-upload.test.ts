/**
 * The upload's promises over random checkouts, patterns and pull requests: every uploaded path is
 * one the patterns name (by an oracle other than the gate's own matcher), a regular file inside the
 * checkout, and changed when the scope says so; a request holds at most 10 files with distinct base
 * names; and each id HSS gives maps back to the path whose bytes were sent with it.
 */
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, matchesGlob, relative } from 'node:path'
import { changedOnly, selectUploads, uploadFiles } from '../../../src/gate/upload/upload.ts'
import { slidingWindow } from '../../../src/gate/paging/pace.ts'
import type { Changes } from '../../../src/repo/changes.ts'
import { openCheckout } from '../../../src/repo/checkout.ts'
import { baseName, type RepoPath } from '../../../src/repo/repo-path.ts'
import { parseUploadPatterns } from '../../../src/inputs/upload.ts'
import { fakeClient } from '../../../__fixtures__/fake-client.ts'
import { fakeClock } from '../../../__fixtures__/fake-clock.ts'
import { rp } from '../../../__fixtures__/paths.ts'

const DIRS = ['', 'svc', 'svc/api', 'svc/web', 'k8s', 'k8s/prod', 'docs']
const NAMES = ['Dockerfile', 'app.yaml', 'api.Dockerfile', 'deploy.yml', 'README.md']
const PATTERNS = ['**/Dockerfile', '**/*.yaml', 'svc/**', 'k8s/*.yaml', '*.Dockerfile', '**/*.Dockerfile', 'svc/*/Dockerfile', '**']
const EXCLUDES = ['!**/web/**', '!docs/**', '!k8s/prod/*']

const caseArb = fc.record({
  files: fc.uniqueArray(fc.tuple(fc.constantFrom(...DIRS), fc.constantFrom(...NAMES), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40, selector: ([d, n]) => `${d}/${n}` }),
  links: fc.array(fc.tuple(fc.constantFrom(...DIRS), fc.constantFrom('link.yaml', 'Dockerfile.link'), fc.boolean()), { maxLength: 3 }),
  include: fc.uniqueArray(fc.constantFrom(...PATTERNS), { minLength: 1, maxLength: 3 }),
  exclude: fc.uniqueArray(fc.constantFrom(...EXCLUDES), { maxLength: 2 }),
  changedShare: fc.integer({ min: 0, max: 3 }),
  scoped: fc.boolean()
})

describe('upload-files, for random checkouts, patterns and pull requests', () => {
  it('uploads only matched, changed (when scoped) regular files inside the checkout; ≤ 10 a request, distinct base names; every id maps back to its path', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'outside-'))
    writeFileSync(join(outside, 'secret.yaml'), 'kind: Secret\n')
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const root = mkdtempSync(join(tmpdir(), 'property-upload-'))
        const paths: string[] = []
        c.files.forEach(([dir, name, size], i) => {
          const path = dir ? `${dir}/${name}` : name
          mkdirSync(join(root, dirname(path)), { recursive: true })
          // size 0 makes an empty file, which is skipped.
          writeFileSync(join(root, path), size === 0 ? '' : `# ${path} ${i}\n`.repeat(size))
          paths.push(path)
        })
        for (const [dir, name, out] of c.links) {
          const path = dir ? `${dir}/${name}` : name
          mkdirSync(join(root, dirname(path)), { recursive: true })
          try {
            symlinkSync(out ? join(outside, 'secret.yaml') : join(root, paths[0] ?? 'x'), join(root, path))
          } catch {
            // a file of that name exists already
          }
        }
        const patterns = parseUploadPatterns('upload-files', [...c.include, ...c.exclude].join('\n'))
        const checkout = openCheckout(root)
        let selection
        try {
          selection = await selectUploads(checkout, patterns)
        } catch {
          return // nothing matched, or only empty files: a configuration error, not an upload
        }
        const changes: Changes = { files: new Map(paths.filter((_, i) => i % 4 < c.changedShare).map((p) => [rp(p), { path: rp(p), lines: 'all' as const, deletions: new Set<number>() }])) }
        const toSend = changedOnly(selection.files, c.scoped ? changes : undefined)
        const contents = new Map<string, string>()
        let next = 0
        const client = fakeClient([], undefined, {
          upload: (_type, parts) => ({ succeeded: parts.map((part) => {
            const id = `id-${next++}`
            contents.set(id, Buffer.from(part.content).toString('utf8'))
            return { file_name: part.name, file_id: id }
          }), failed: [] })
        })
        const clock = fakeClock()
        const sent = await uploadFiles(client, 'dockerfile', toSend, checkout, { clock, random: () => 0.5, deadline: clock.now() + 3_600_000, requestTimeoutMs: 30_000, pollIntervalMs: 12_000, log: () => undefined, pacer: slidingWindow(clock, { calls: 5, windowMs: 60_000 }) })

        const real = realpathSync(root)
        for (const file of sent.uploaded) {
          const path: RepoPath = file.path
          // named by the patterns (node's own glob matcher as the oracle), and by no exclusion
          expect({ path, named: c.include.some((g) => matchesGlob(path, g)) && !c.exclude.some((g) => matchesGlob(path, g.slice(1))) }).toEqual({ path, named: true })
          // a regular file inside the checkout, not empty
          const target = realpathSync(join(root, path))
          expect({ path, inside: !relative(real, target).startsWith('..') && statSync(target).isFile() && statSync(target).size > 0 }).toEqual({ path, inside: true })
          // changed, when the scope asks
          if (c.scoped) expect({ path, changed: changes.files.has(path) }).toEqual({ path, changed: true })
          // its id's bytes are the path's bytes
          expect({ path, sent: contents.get(file.fileId) }).toEqual({ path, sent: readFileSync(join(root, path), 'utf8') })
        }
        expect(sent.uploaded.map((f) => f.path).sort()).toEqual(toSend.map((f) => f.path).sort())
        for (const request of client.uploadCalls) {
          expect(request.names.length).toBeLessThanOrEqual(10)
          expect(new Set(request.names).size).toBe(request.names.length)
        }
        expect(client.uploadCalls.flatMap((r) => r.names).sort()).toEqual(toSend.map((f) => baseName(f.path)).sort())
      }),
      { numRuns: 150 }
    )
  }, 120_000)
})
