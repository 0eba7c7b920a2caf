import { describe, expect, it } from '@jest/globals'
import { annotationsOf, MAX_ANNOTATIONS } from '../../src/report/annotations.ts'
import { outputsOf, TASK_JSON_MAX } from '../../src/report/outputs.ts'
import { clusterTask, failedFiles, iacTask } from '../../simulator/tasks.ts'
import { exceptionsOf, assessmentOf, readingOf, reportOf, riskRow } from '../../__fixtures__/report.ts'

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
      reason: '1 file failed to scan, more than max-failed 0',
      'elapsed-seconds': '95',
      'task-json': JSON.stringify(report.task),
      'failed-files': JSON.stringify(files(1)),
      'risk-counts': '{}',
      risks: '[]',
      'sarif-file': '',
      'comment-url': '',
      'uploaded-files': '[]'
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
    expect(annotations.at(-1)?.message).toMatch(/and 9991 more failed files/)
  })

  it('uses warnings with soft-fail or when the gate passed', () => {
    expect(annotationsOf(reportOf({ softFail: true, failedFiles: { files: files(1), total: 1 } }))[0]?.level).toBe('warning')
    const passed = reportOf({ thresholds: { maxFailed: 5, maxFailedPercent: undefined, minScanned: 1 }, failedFiles: { files: files(1), total: 1 } })
    expect(annotationsOf(passed)[0]?.level).toBe('warning')
  })

  it('has none without listed files', () => {
    expect(annotationsOf(reportOf({ failedFiles: 'could not list' }))).toEqual([])
  })

  it('points at the file in the workspace, when it is there, so the annotation lands on the diff', () => {
    const locate = (name: string) => (name === 'deploy/app-1.yaml' ? 'deploy/app-1.yaml' : undefined)
    const [first, second] = annotationsOf(reportOf({ failedFiles: { files: files(2), total: 2 } }), locate)
    expect(first?.file).toBe('deploy/app-1.yaml')
    expect(second?.file).toBeUndefined()
  })

  it('annotates the risks that break the gate, most severe first, sharing the budget with failed files', () => {
    const reading = readingOf([
      ...Array.from({ length: 6 }, (_, i) => riskRow('medium', `m${i}`, { rule_id: 'R2', remediation: 'pin it' })),
      riskRow('high', 'Runs as root', { remediation: 'add USER' }),
      ...Array.from({ length: 3 }, (_, i) => riskRow('low', `l${i}`, { rule_id: 'R3' }))
    ])
    const risks = assessmentOf('medium', reading, { places: (risk) => [{ path: 'Dockerfile', line: risk.risk_level === 'high' ? 7 : 3, endLine: risk.risk_level === 'high' ? 8 : 3 }] })
    const report = reportOf({ failedFiles: { files: files(20), total: 20 }, risks })
    const annotations = annotationsOf(report)
    expect(annotations).toHaveLength(MAX_ANNOTATIONS)
    const risky = annotations.filter((a) => a.title.includes('IaC risk'))
    expect(risky).toHaveLength(5)
    expect(annotations[0]).toEqual({ level: 'error', title: 'high IaC risk: Runs as root', message: 'workload: add USER (rule R1)', file: 'Dockerfile', line: 7, endLine: 8 })
    expect(risky.every((a) => !a.title.startsWith('low'))).toBe(true)
    expect(risky.at(-1)?.message).toMatch(/and 2 more IaC risks that break the gate/)
  })
})

describe('risk outputs', () => {
  it('gives counts by level and the risks, most severe first', () => {
    const reading = readingOf([riskRow('low', 'l'), riskRow('high', 'h')])
    const outputs = outputsOf(reportOf({ risks: assessmentOf('high', reading) }))
    expect(JSON.parse(outputs['risk-counts'])).toEqual({ high: 1, medium: 0, low: 1, tips: 0 })
    expect((JSON.parse(outputs.risks) as { risk_level: string }[]).map((r) => r.risk_level)).toEqual(['high', 'low'])
  })

  it('gives {} for the counts when not every risk could be read: an unread risk never looks like a zero', () => {
    const reading = readingOf([riskRow('low', 'l')], { incomplete: 'the risks of 1 of 2 files could not be read' })
    expect(outputsOf(reportOf({ risks: assessmentOf('high', reading) }))['risk-counts']).toBe('{}')
  })

  it('gives each risk its place, scope and exception', () => {
    const reading = readingOf([riskRow('high', 'Privileged', { file_name: 'k8s/app.yaml', rule_id: 'K1', description: 'why' })])
    const exceptions = exceptionsOf('{rule: K1, reason: by design, expires: 2099-01-01}')
    const places = () => [{ path: 'k8s/app.yaml', line: 12, endLine: 14, resource: { kind: 'Deployment', namespace: 'prod', name: 'api' }, hitPath: 'spec.containers[0].securityContext' }]
    const [entry] = JSON.parse(outputsOf(reportOf({ risks: assessmentOf('high', reading, { places, exceptions }) })).risks) as Record<string, unknown>[]
    expect(entry).toMatchObject({ path: 'k8s/app.yaml', line: 12, end_line: 14, resource: { kind: 'Deployment', namespace: 'prod', name: 'api' }, hit_path: 'spec.containers[0].securityContext', description: 'why', scope: 'changed', excepted: { reason: 'by design', expires: '2099-01-01' } })
  })

  it('caps task-json, keeping the documented fields of a huge task', () => {
    const task = { ...iacTask('t-1', 'n', { scanned: 1, succeeded: 1, failed: 0 }), junk: 'x'.repeat(200_000) }
    const json = outputsOf(reportOf({ task }))['task-json']
    expect(json.length).toBeLessThanOrEqual(TASK_JSON_MAX)
    expect(JSON.parse(json)).toMatchObject({ task_id: 't-1', task_status: 'finished' })
  })
})
