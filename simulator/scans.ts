/**
 * Scans the simulator starts itself (CreateTask): the IaC files HSS holds (with the risks it found in
 * them) and the clusters, turned into a scripted task that goes ready → running → finished.
 */
import { randomUUID } from 'node:crypto'
import { isRecord } from '../src/hss/fields.ts'
import type { ScriptedTask, SimResource } from './tasks.ts'

/** An IaC file uploaded to HSS. */
export interface SimFile {
  file_id: string
  file_name: string
  file_type: 'dockerfile' | 'k8s_yaml'
  /** A file that fails to scan (with failed_reason); the others succeed. */
  scan?: 'success' | 'failed'
  failed_reason?: string
  /** What ListIacFileRisks answers for the file. */
  risks?: SimRisk[]
  /** When HSS got this copy (ListIacFiles `upload_file_time`); the simulator's start when absent. */
  upload_file_time?: unknown
  /** How the file reached HSS; `cicd_scan` when absent. */
  scan_type?: 'manual_scan' | 'cicd_scan'
  /** False: ListIacFiles does not list the file (HSS has dropped it). */
  listed?: boolean
  /** When a scan the simulator ran last scanned it (set by CreateTask: the scan's finish). */
  scanned_at?: number
  /** ListIacFiles' summary fields, when a test wants them other than the scans make them (hostile, stale). */
  summary?: { risky?: unknown; risk_num?: unknown; last_scan_time?: unknown }
}

/** One place a rule hits in a Kubernetes YAML file (ListIacFileRiskPaths). */
export interface SimRiskPath {
  resource_type?: unknown
  namespace?: unknown
  resource_name?: unknown
  hit_path?: unknown
  [field: string]: unknown
}

/** One IaC risk, with HSS's fields (any may be overridden, for hostile cases). */
export interface SimRisk {
  risk_id?: string
  rule_id?: string
  risk_name?: string
  risk_level?: unknown
  risk_category?: string
  risk_num?: unknown
  last_scan_time?: number
  description?: string
  remediation?: string
  build_instruction?: string
  /** What ListIacFileRiskPaths answers for this risk's rule in this file. */
  paths?: SimRiskPath[]
  [field: string]: unknown
}

/** How a created task runs: ready for `readyMs`, then running until `finishMs` (from its creation). */
export interface CreatedTaskTiming {
  readyMs: number
  finishMs: number
}

export const DEFAULT_TIMING: CreatedTaskTiming = { readyMs: 300, finishMs: 1200 }

const FILE_TYPES = ['dockerfile', 'k8s_yaml']
const SCAN_TYPES = ['cluster_vul', 'risk_assessment', 'benchmark']

/** A CreateTask body checked as HSS would: the problem (a parameter name), or the scan it asks for. */
export function checkCreateBody(body: Record<string, unknown>, files: readonly SimFile[]): { problem: string; code: string } | { files: SimFile[] } | { clusters: string[] | 'all'; scanTypes: string[] } {
  if (body.task_type === 'iac_scan') {
    const info = body.iac_scan_info
    if (!isRecord(info)) return { problem: 'iac_scan_info', code: 'HSS.0001' }
    if (!FILE_TYPES.includes(String(info.file_type))) return { problem: 'iac_scan_info.file_type', code: 'HSS.0001' }
    const ids = info.file_id_list
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 128)) return { problem: 'iac_scan_info.file_id_list', code: 'HSS.0001' }
    const chosen = ids.map((id) => files.find((file) => file.file_id === id))
    if (chosen.some((file) => file === undefined)) return { problem: 'file_id_list: no such file', code: 'HSS.0011' }
    return { files: chosen as SimFile[] }
  }
  const info = body.cluster_scan_info
  if (!isRecord(info)) return { problem: 'cluster_scan_info', code: 'HSS.0001' }
  const types = info.scan_type_list
  if (!Array.isArray(types) || types.length === 0 || !types.every((t) => SCAN_TYPES.includes(String(t)))) return { problem: 'cluster_scan_info.scan_type_list', code: 'HSS.0001' }
  if (info.range_type === 'all_cluster') return { clusters: 'all', scanTypes: types.map(String) }
  if (info.range_type !== 'specific_cluster') return { problem: 'cluster_scan_info.range_type', code: 'HSS.0001' }
  const ids = info.cluster_id_list
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id.length > 0)) return { problem: 'cluster_scan_info.cluster_id_list', code: 'HSS.0001' }
  return { clusters: ids.map(String), scanTypes: types.map(String) }
}

/** The task HSS creates for an IaC scan of these files, from `atMs` (simulator time) on. */
export function iacScanTask(files: readonly SimFile[], atMs: number, timing: CreatedTaskTiming, wallClock: number): ScriptedTask {
  const id = randomUUID()
  const failed = files.filter((file) => file.scan === 'failed').length
  const fileType = files[0]?.file_type ?? 'dockerfile'
  const started = wallClock + timing.readyMs
  const info = (done: number, failedSoFar: number) => ({ file_type: fileType, scan_file_num: files.length, success_file_num: done - failedSoFar, failed_file_num: failedSoFar })
  const resources: SimResource[] = files.map((file) => ({
    file_name: file.file_name,
    file_type: file.file_type,
    file_id: file.file_id,
    file_size: 512,
    scan_status: file.scan === 'failed' ? 'failed' : 'success',
    failed_reason: file.scan === 'failed' ? (file.failed_reason ?? 'the file could not be parsed') : '',
    start_time: started,
    end_time: wallClock + timing.finishMs
  }))
  return {
    task: {
      task_id: id,
      task_type: 'iac_scan',
      task_name: `iac_scan_${new Date(wallClock).toISOString().replace(/\D/g, '').slice(0, 14)}`,
      trigger_type: 'manual',
      task_status: 'ready',
      start_time: 0,
      end_time: 0,
      estimated_time: 1,
      iac_scan_info: info(0, 0)
    },
    phases: [
      { afterMs: atMs + timing.readyMs, status: 'running', patch: { start_time: started, iac_scan_info: info(Math.floor(files.length / 2), Math.min(failed, Math.floor(files.length / 2))) } },
      { afterMs: atMs + timing.finishMs, status: 'finished', patch: { end_time: wallClock + timing.finishMs, estimated_time: 0, iac_scan_info: info(files.length, failed) } }
    ],
    resources
  }
}

/** The task HSS creates for a cluster scan; `failedClusters` of them fail. */
export function clusterScanTask(clusters: number, failedClusters: number, scanTypes: string[], atMs: number, timing: CreatedTaskTiming, wallClock: number): ScriptedTask {
  const info = (scanning: number, success: number, failed: number) => ({ scan_type_list: scanTypes, scanning_cluster_num: scanning, success_cluster_num: success, failed_cluster_num: failed })
  return {
    task: {
      task_id: randomUUID(),
      task_type: 'cluster_scan',
      task_name: `cluster_scan_${new Date(wallClock).toISOString().replace(/\D/g, '').slice(0, 14)}`,
      trigger_type: 'manual',
      task_status: 'ready',
      start_time: 0,
      end_time: 0,
      estimated_time: 1,
      cluster_scan_info: info(clusters, 0, 0)
    },
    phases: [
      { afterMs: atMs + timing.readyMs, status: 'running', patch: { start_time: wallClock + timing.readyMs } },
      { afterMs: atMs + timing.finishMs, status: 'finished', patch: { end_time: wallClock + timing.finishMs, estimated_time: 0, cluster_scan_info: info(0, clusters - failedClusters, failedClusters) } }
    ]
  }
}

/** The risks of one file as ListIacFileRisks shows them (with the fields HSS fills in). */
export function risksOf(file: SimFile, wallClock: number): SimRisk[] {
  return (file.risks ?? []).map((risk, i) => {
    const shown: Record<string, unknown> = { ...risk }
    delete shown.paths
    return {
      risk_id: `${file.file_id}-risk-${i + 1}`,
      rule_id: `IAC-${String(i + 1).padStart(4, '0')}`,
      risk_num: 1,
      last_scan_time: wallClock,
      description: '',
      build_instruction: '',
      ...shown
    }
  })
}

/** The places one rule hits in one file, as ListIacFileRiskPaths shows them. */
export function pathsOf(file: SimFile, ruleId: string): SimRiskPath[] {
  return (file.risks ?? [])
    .map((risk, i) => ({ rule: risk.rule_id ?? `IAC-${String(i + 1).padStart(4, '0')}`, paths: risk.paths ?? [] }))
    .filter((risk) => risk.rule === ruleId)
    .flatMap((risk) => risk.paths.map((path) => ({ hit_rule: ruleId, ...path })))
}

/**
 * A file as ListIacFiles shows it: its summary as of its last scan (`risky`, `risk_num` and
 * `last_scan_time`, which a scan the simulator ran sets), unless the test says otherwise.
 */
export function listedFile(file: SimFile, startedAt: number): Record<string, unknown> {
  const risks = (file.risks ?? []).length
  const summary = { risky: risks > 0, risk_num: risks, last_scan_time: file.scanned_at ?? startedAt, ...file.summary }
  return {
    file_id: file.file_id,
    file_name: file.file_name,
    file_type: file.file_type,
    ...summary,
    first_scan_time: startedAt,
    upload_file_time: 'upload_file_time' in file ? file.upload_file_time : startedAt,
    cicd_id: file.scan_type === 'manual_scan' ? '' : 'cicd-demo',
    cicd_name: file.scan_type === 'manual_scan' ? '' : 'demo pipeline',
    scan_type: file.scan_type ?? 'cicd_scan'
  }
}
