import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/errors.ts'
import { buildConfig, type InputSource } from '../../src/inputs/config.ts'

const base = { region: 'ap-southeast-1', 'project-id': 'p1', 'access-key-id': 'QTWAOYTTINDUT2QVKYUC', 'secret-access-key': 'sk-secret-value' }
const source = (inputs: Record<string, string>): InputSource => ({ read: (name) => ({ ...base, ...inputs })[name] ?? '', env: {} })
const problem = (inputs: Record<string, string>): string => {
  try {
    buildConfig(source(inputs))
  } catch (error) {
    if (error instanceof InputError) return error.message
    throw error
  }
  throw new Error('expected an InputError')
}

describe('create-task', () => {
  it('builds an IaC scan of the listed files, whatever the separators, without duplicates', () => {
    const config = buildConfig(source({ 'create-task': 'true', 'file-ids': 'f-1, f-2\nf-3  f-1', 'file-type': 'dockerfile' }))
    expect(config.task).toEqual({ by: 'create', spec: { taskType: 'iac_scan', fileType: 'dockerfile', upload: [], fileIds: ['f-1', 'f-2', 'f-3'] } })
  })

  it('builds a cluster scan of all clusters, or of those listed', () => {
    expect(buildConfig(source({ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul,benchmark' })).task).toEqual({ by: 'create', spec: { taskType: 'cluster_scan', scanTypes: ['cluster_vul', 'benchmark'], clusterIds: [] } })
    expect(buildConfig(source({ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'risk_assessment', 'cluster-ids': 'c-1 c-2' })).task).toMatchObject({ spec: { clusterIds: ['c-1', 'c-2'] } })
  })

  it.each([
    [{ 'create-task': 'true', 'task-id': 't-1', 'file-ids': 'f', 'file-type': 'dockerfile' }, /^Input `task-id` must be empty with create-task: true/],
    [{ 'create-task': 'true', 'task-name': 'n', 'file-ids': 'f', 'file-type': 'dockerfile' }, /^Input `task-name` must be empty with create-task: true/],
    [{ 'create-task': 'true', 'created-after': '30m', 'file-ids': 'f', 'file-type': 'dockerfile' }, /^Input `created-after` must be empty/],
    [{ 'create-task': 'true', 'file-type': 'dockerfile' }, /^Input `upload-files` or `file-ids` is required with create-task for an iac_scan/],
    [{ 'task-id': 't-1', 'upload-files': '**/Dockerfile' }, /^Input `upload-files` applies only with create-task: true/],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul', 'upload-files': 'x' }, /^Input `upload-files` applies to IaC scans/],
    [{ 'create-task': 'true', 'file-type': 'dockerfile', 'upload-files': '/etc/*' }, /^Input `upload-files` must list glob patterns relative to the checkout's root/],
    [{ 'create-task': 'true', 'file-type': 'dockerfile', 'upload-files': 'a/../../b' }, /^Input `upload-files` must list glob patterns relative to the checkout's root/],
    [{ 'create-task': 'true', 'file-type': 'dockerfile', 'upload-files': 'a\\Dockerfile' }, /^Input `upload-files` must list glob patterns relative to the checkout's root/],
    [{ 'create-task': 'true', 'file-type': 'dockerfile', 'upload-files': '!**/test/**' }, /^Input `upload-files` has only exclusions/],
    [{ 'create-task': 'true', 'file-ids': 'f-1' }, /^Input `file-type` is required with create-task for an iac_scan: one of dockerfile, k8s_yaml/],
    [{ 'create-task': 'true', 'file-ids': 'f-1', 'file-type': 'helm' }, /^Input `file-type` must be one of dockerfile, k8s_yaml/],
    [{ 'create-task': 'true', 'file-ids': 'f/1', 'file-type': 'dockerfile' }, /^Input `file-ids` must list ids/],
    [{ 'create-task': 'true', 'file-ids': 'f', 'file-type': 'dockerfile', 'scan-types': 'cluster_vul' }, /^Input `scan-types` applies to cluster scans/],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan' }, /^Input `scan-types` is required with create-task for a cluster_scan/],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul, malware' }, /^Input `scan-types` must be one of cluster_vul, risk_assessment, benchmark \(got "malware"\)/],
    [{ 'create-task': 'true', 'task-type': 'cluster_scan', 'scan-types': 'cluster_vul', 'file-ids': 'f' }, /^Input `file-ids` applies to IaC scans/],
    [{ 'task-id': 't-1', 'file-ids': 'f-1' }, /^Input `file-ids` applies only with create-task: true/],
    [{ 'task-id': 't-1', 'cluster-ids': 'c' }, /^Input `cluster-ids` applies only with create-task: true/],
    [{ 'create-task': 'yes', 'file-ids': 'f', 'file-type': 'dockerfile' }, /^Input `create-task` must be true or false/],
    [{ 'task-id': 't-1', 'fail-on-risk': 'critical' }, /^Input `fail-on-risk` must be one of none, high, medium, low, tips/],
    [{ 'task-id': 't-1', 'task-type': 'cluster_scan', 'fail-on-risk': 'high' }, /^Input `fail-on-risk` applies to IaC scans only/]
  ])('%j is refused, naming the input', (inputs, message) => {
    expect(problem(inputs)).toMatch(message)
  })

  it('reads upload-files: new lines or commas between patterns, a comma inside braces kept, ! excludes', () => {
    const config = buildConfig(source({ 'create-task': 'true', 'file-type': 'dockerfile', 'upload-files': '**/Dockerfile, services/{api,web}/Dockerfile\n  !**/test/**  \n./k8s/' }))
    expect(config.task).toMatchObject({ spec: { fileIds: [], upload: [
      { glob: '**/Dockerfile', exclude: false, text: '**/Dockerfile' },
      { glob: 'services/{api,web}/Dockerfile', exclude: false, text: 'services/{api,web}/Dockerfile' },
      { glob: '**/test/**', exclude: true, text: '!**/test/**' },
      { glob: 'k8s', exclude: false, text: './k8s/' }
    ] } })
  })

  it('reads fail-on-risk, none by default', () => {
    expect(buildConfig(source({ 'task-id': 't-1' })).failOnRisk).toBeUndefined()
    expect(buildConfig(source({ 'task-id': 't-1', 'fail-on-risk': 'medium' })).failOnRisk).toBe('medium')
  })
})
