import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkedOutCommit, MAX_FILE_BYTES, noCheckout, openCheckout, placeOf } from '../../src/repo/checkout.ts'
import { pathOfName, repoPath, segmentsOf } from '../../src/repo/repo-path.ts'

/** A tree of files under a fresh folder; `null` makes a directory. */
function tree(files: Record<string, string | null>, root = mkdtempSync(join(tmpdir(), 'checkout-'))): string {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) mkdirSync(join(root, path), { recursive: true })
    else {
      mkdirSync(join(root, path, '..'), { recursive: true })
      writeFileSync(join(root, path), text)
    }
  }
  return root
}

const root = tree({
  '.git/HEAD': `${'c'.repeat(40)}\n`,
  'deploy/app.yaml': 'kind: Pod\n',
  'services/api/Dockerfile': 'FROM node\n',
  'services/web/Dockerfile': 'FROM node\n',
  'a/x/compose.yaml': 'a\n',
  'b/x/compose.yaml': 'b\n',
  'only.yaml': 'x\n',
  'node_modules/pkg/only.yaml': 'not this one\n',
  'huge.yaml': 'x'.repeat(MAX_FILE_BYTES + 1),
  'legacy/Dockerfile.base': 'FROM scratch\n',
  empty: null
})
const outside = tree({ 'secret.yaml': 'x' })
symlinkSync(join(outside, 'secret.yaml'), join(root, 'link.yaml'))
symlinkSync(join(root, 'legacy/Dockerfile.base'), join(root, 'Dockerfile.base'))

describe('openCheckout: which file a name is', () => {
  const checkout = openCheckout(root)

  it('maps an exact repository path, however HSS spells it', () => {
    for (const name of ['deploy/app.yaml', './deploy//app.yaml', 'deploy\\app.yaml']) expect(checkout.resolve(name)).toEqual({ kind: 'found', path: 'deploy/app.yaml' })
  })

  it('maps a name to the one file whose path fits it best: one is the ending of the other', () => {
    expect(checkout.resolve('/builds/ci/services/api/Dockerfile')).toEqual({ kind: 'found', path: 'services/api/Dockerfile' })
    expect(checkout.resolve('app.yaml')).toEqual({ kind: 'found', path: 'deploy/app.yaml' })
    expect(checkout.resolve('repo/only.yaml')).toEqual({ kind: 'found', path: 'only.yaml' })
  })

  it('never guesses between files that fit equally well', () => {
    expect(checkout.resolve('x/compose.yaml')).toEqual({ kind: 'ambiguous', candidates: ['a/x/compose.yaml', 'b/x/compose.yaml'] })
    expect(checkout.resolve('Dockerfile')).toEqual({ kind: 'ambiguous', candidates: ['services/api/Dockerfile', 'services/web/Dockerfile'] })
  })

  it('never takes a shared ending that is not a fit for the name (api2/web is not services/web)', () => {
    expect(checkout.resolve('api2/web/Dockerfile')).toEqual({ kind: 'missing' })
  })

  it('an exact root file and a deeper one with the same name are ambiguous: the exact name does not win', () => {
    const both = openCheckout(tree({ '.git/HEAD': 'x', Dockerfile: 'FROM a\n', 'app/Dockerfile': 'FROM b\n' }))
    expect(both.resolve('Dockerfile')).toEqual({ kind: 'ambiguous', candidates: ['Dockerfile', 'app/Dockerfile'] })
    expect(both.resolve('app/Dockerfile')).toEqual({ kind: 'found', path: 'app/Dockerfile' })
  })

  it('names a link by its own path, as the pull request does, and ties it with its target', () => {
    expect(checkout.resolve('Dockerfile.base')).toEqual({ kind: 'ambiguous', candidates: ['Dockerfile.base', 'legacy/Dockerfile.base'] })
    expect(checkout.read(repoPath('Dockerfile.base')!)).toEqual({ kind: 'text', text: 'FROM scratch\n' })
  })

  it('never names a link that leads out, nor what it leads to', () => {
    expect(checkout.resolve('link.yaml')).toEqual({ kind: 'missing', outside: true })
    expect(checkout.resolve('secret.yaml')).toEqual({ kind: 'missing' })
    expect(placeOf(checkout, 'link.yaml')).toEqual({ note: 'HSS names a file outside the checkout (a link that leads out, or a path through ..)' })
    // A name that climbs out never lands on a checkout file that happens to share its tail.
    expect(checkout.resolve('../deploy/app.yaml')).toEqual({ kind: 'missing', outside: true })
  })

  it.each(['missing.yaml', 'deploy', 'empty', '/etc/passwd', '../outside/secret.yaml', 'deploy/../../x', '', '.', '.git/HEAD'])('maps nothing for %j', (name) => {
    expect(checkout.resolve(name).kind).not.toBe('found')
  })

  it('reads a file inside; says why it reads nothing else', () => {
    const read = (path: string) => checkout.read(repoPath(path)!)
    expect(read('deploy/app.yaml')).toEqual({ kind: 'text', text: 'kind: Pod\n' })
    expect(read('link.yaml')).toEqual({ kind: 'refused', why: 'it is a link that leads out of the checkout' })
    expect(read('huge.yaml')).toEqual({ kind: 'refused', why: 'it is larger than 2 MiB' })
    expect(read('empty')).toEqual({ kind: 'refused', why: 'it is a directory' })
    expect(read('nothing/here.yaml')).toEqual({ kind: 'missing' })
    expect(read('.git/HEAD')).toEqual({ kind: 'refused', why: 'it is inside .git' })
  })

  it('gives nothing without a workspace', () => {
    expect(openCheckout(undefined)).toBe(noCheckout)
    expect(openCheckout('/nonexistent/workspace').read(repoPath('Dockerfile')!)).toEqual({ kind: 'missing' })
  })
})

describe('openCheckout: where the checkout is', () => {
  it('is the git checkout below the workspace when actions/checkout was given path:', () => {
    const workspace = tree({ 'src/.git/HEAD': `${'a'.repeat(40)}\n`, 'src/Dockerfile': 'FROM a\n', 'other/notes.txt': 'x' })
    const checkout = openCheckout(workspace)
    expect(checkout.rootInWorkspace).toBe('src')
    expect(checkout.resolve('Dockerfile')).toEqual({ kind: 'found', path: 'Dockerfile' })
  })

  it('of several checkouts, the one at the run\'s commit; else none, and says why', () => {
    const workspace = tree({ 'a/.git/HEAD': `${'a'.repeat(40)}\n`, 'b/.git/HEAD': `${'b'.repeat(40)}\n`, 'b/Dockerfile': 'FROM b\n' })
    expect(openCheckout(workspace, 'b'.repeat(40)).rootInWorkspace).toBe('b')
    const unknown = openCheckout(workspace, 'c'.repeat(40))
    expect(unknown.root).toBeUndefined()
    expect(unknown.problem).toMatch(/^the workspace holds 2 git checkouts \(a, b\), and not exactly one of them is at cccccccccccc/)
    expect(unknown.resolve('Dockerfile')).toEqual({ kind: 'missing' })
  })

  it('is the workspace when it holds no checkout', () => {
    const workspace = tree({ 'k8s/app.yaml': 'kind: Pod\n' })
    expect(openCheckout(workspace).rootInWorkspace).toBe('')
  })

  it('reads the commit checked out, detached or on a branch', () => {
    expect(checkedOutCommit(root)).toBe('c'.repeat(40))
    expect(checkedOutCommit(tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/refs/heads/main': `${'d'.repeat(40)}\n` }))).toBe('d'.repeat(40))
    expect(checkedOutCommit(tree({ '.git/HEAD': 'ref: refs/heads/main\n', '.git/packed-refs': `# pack-refs\n${'e'.repeat(40)} refs/heads/main\n` }))).toBe('e'.repeat(40))
    expect(checkedOutCommit(outside)).toBeUndefined()
  })
})

describe('repository paths', () => {
  it('are made in one place, and never hold an empty, . or .. segment', () => {
    expect(repoPath('a/b')).toBe('a/b')
    for (const bad of ['', '/a', 'a/', 'a//b', './a', 'a/../b', '..', 'a\u0000b']) expect(repoPath(bad)).toBeUndefined()
    expect(repoPath('a b/c\nd')).toBe('a b/c\nd')
  })

  it('read HSS\'s names with nothing at or above a ..', () => {
    expect(segmentsOf('../../x/./y//Dockerfile')).toEqual(['x', 'y', 'Dockerfile'])
    expect(segmentsOf('C:\\build\\Dockerfile')).toEqual(['C:', 'build', 'Dockerfile'])
    expect(pathOfName('/builds/x/Dockerfile')).toBe('builds/x/Dockerfile')
    expect(pathOfName('..')).toBeUndefined()
  })
})
