import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { workspaceFiles } from '../../src/report/workspace.ts'

const workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
mkdirSync(join(workspace, 'deploy'))
writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n')
writeFileSync(join(workspace, 'deploy', 'app.yaml'), 'kind: Pod\n')
const outside = mkdtempSync(join(tmpdir(), 'outside-'))
writeFileSync(join(outside, 'secret'), 'x')
symlinkSync(join(outside, 'secret'), join(workspace, 'link'))

describe('workspaceFiles', () => {
  const locate = workspaceFiles(workspace)

  it('finds files under the workspace, by a relative path', () => {
    expect(locate('Dockerfile')).toBe('Dockerfile')
    expect(locate('deploy/app.yaml')).toBe('deploy/app.yaml')
    expect(locate('./deploy//app.yaml')).toBe('deploy/app.yaml')
    expect(locate('deploy\\app.yaml')).toBe('deploy/app.yaml')
  })

  it.each(['missing.yaml', 'deploy', '/etc/passwd', '../outside/secret', 'deploy/../../x', 'link', '', '.'])('gives nothing for %j', (name) => {
    expect(locate(name)).toBeUndefined()
  })

  it('gives nothing without a workspace', () => {
    expect(workspaceFiles(undefined)('Dockerfile')).toBeUndefined()
    expect(workspaceFiles('/nonexistent/workspace')('Dockerfile')).toBeUndefined()
  })
})
