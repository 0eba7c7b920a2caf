import { describe, expect, it } from '@jest/globals'
import { annotationsOf, MAX_ANNOTATIONS } from '../../src/report/annotations.ts'
import { outputsOf } from '../../src/report/outputs.ts'
import { clusterTask, failedFiles, iacTask } from '../../simulator/tasks.ts'
import { reportOf } from '../../__fixtures__/report.ts'

const files = (n: number) => failedFiles(n).map((f) => ({ file_name: f.file_name ?? '', file_type: 'k8s_yaml', failed_reason: f.failed_reason ?? '' }))

describe('outputsOf', () => {
  it('sets every output of the contract', () => {
    const report = reportOf({ failedFiles: { files: files(1), total: 1 } })
    const outputs = outputsOf(report)
    expect(outputs).toEqual({
      'task-id': 't-1',
      'task-name': 'iac-pr-1',
      'task-status': 'finished',
      scanned: '12',
      succeeded: '11',
      failed: '1',
      'failed-percent': '8.3',
      result: 'failed',
      reason: '1 files failed to scan, more than max-failed 0',
      'elapsed-seconds': '95',
      'task-json': JSON.stringify(report.task),
      'failed-files': JSON.stringify(files(1)),
      'comment-url': ''
    })
  })

  it('gives one reason per line and 0 percent for nothing scanned', () => {
    const task = iacTask('t', 'n', { scanned: 0, succeeded: 0, failed: 0 })
    const outputs = outputsOf(reportOf({ task, thresholds: { maxFailed: 0, maxFailedPercent: undefined, minScanned: 3 } }))
    expect(outputs['failed-percent']).toBe('0')
    expect(outputs.reason).toBe('Only 0 files were scanned, fewer than min-scanned 3')
  })

  it('leaves status and JSON empty when no task was found, and names what was looked for', () => {
    const outputs = outputsOf(reportOf({ task: undefined, target: { id: undefined, name: 'iac-pr-9' } }))
    expect(outputs).toMatchObject({ 'task-id': '', 'task-name': 'iac-pr-9', 'task-status': '', 'task-json': '', result: 'timed-out', 'failed-files': '[]' })
  })

  it('keeps failed-files bounded and [] for a cluster scan', () => {
    expect(JSON.parse(outputsOf(reportOf({ failedFiles: { files: files(500), total: 10_000 } }))['failed-files'])).toHaveLength(100)
    const cluster = reportOf({ taskType: 'cluster_scan', task: clusterTask('c', 'n', { scanning: 0, succeeded: 2, failed: 0 }) })
    expect(outputsOf(cluster)['failed-files']).toBe('[]')
    expect(outputsOf(cluster).scanned).toBe('2')
  })
})

describe('annotationsOf', () => {
  it('annotates at most a few failed files, as errors when the gate fails', () => {
    const annotations = annotationsOf(reportOf({ failedFiles: { files: files(100), total: 10_000 } }))
    expect(annotations).toHaveLength(MAX_ANNOTATIONS)
    expect(annotations[0]).toEqual({ level: 'error', title: 'HSS could not scan deploy/app-1.yaml', message: 'parse error at line 3: mapping values are not allowed here' })
    expect(annotations.at(-1)?.message).toMatch(/and 9990 more failed files/)
  })

  it('uses warnings with soft-fail or when the gate passed', () => {
    expect(annotationsOf(reportOf({ softFail: true, failedFiles: { files: files(1), total: 1 } }))[0]?.level).toBe('warning')
    const passed = reportOf({ thresholds: { maxFailed: 5, maxFailedPercent: undefined, minScanned: 1 }, failedFiles: { files: files(1), total: 1 } })
    expect(annotationsOf(passed)[0]?.level).toBe('warning')
  })

  it('has none without listed files', () => {
    expect(annotationsOf(reportOf({ failedFiles: 'could not list' }))).toEqual([])
  })
})
