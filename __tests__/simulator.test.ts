/** The simulator holds the other tests to HSS's rules, so its own rules are tested here. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { sign } from '../src/hss/signer.ts'
import { DEMO_AK, DEMO_PROJECT_ID, DEMO_SK, startSimulator, type Simulator } from '../simulator/server.ts'
import { clusterTask, iacTask, taskAt } from '../simulator/tasks.ts'

let sim: Simulator
const counts = { scanned: 1, succeeded: 1, failed: 0 }
beforeAll(async () => {
  sim = await startSimulator({
    tasks: [
      { task: iacTask('a', 'infra', counts, { start_time: 3 }) },
      { task: iacTask('b', 'infra-staging', counts, { start_time: 5 }) },
      { task: iacTask('c', 'other', counts, { start_time: 4 }) }
    ]
  })
})
afterAll(() => sim.close())

async function post(path: string, body: unknown, query = 'offset=0&limit=10', sk = DEMO_SK) {
  const url = new URL(`${sim.url}/v5/${DEMO_PROJECT_ID}/${path}?${query}`)
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const headers = sign({ method: 'POST', url, headers: { 'Content-Type': 'application/json' }, body: text }, { accessKeyId: DEMO_AK, secretAccessKey: sk }, new Date())
  const response = await fetch(url, { method: 'POST', headers, body: text })
  return { status: response.status, json: (await response.json()) as Record<string, unknown> }
}

describe('HSS parameter rules', () => {
  it.each([
    ['limit=9', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1&limit=10', 'offset'],
    ['offset=2000001&limit=10', 'offset'],
    [`limit=10&enterprise_project_id=${'x'.repeat(257)}`, 'enterprise_project_id']
  ])('%s is HSS.0001', async (query, field) => {
    const { status, json } = await post('common/tasks/batch-query', { task_type: 'iac_scan' }, query)
    expect(status).toBe(400)
    expect(json).toMatchObject({ error_code: 'HSS.0001', error_msg: `invalid parameter: ${field}` })
  })

  it('requires task_type', async () => {
    expect((await post('common/tasks/batch-query', {})).json.error_code).toBe('HSS.0001')
    expect((await post('common/tasks/batch-query', { task_type: 'vul_scan' })).json.error_code).toBe('HSS.0001')
  })

  it('rejects a body that is not JSON with HSS.0002', async () => {
    expect((await post('common/tasks/batch-query', '{oops')).json.error_code).toBe('HSS.0002')
  })

  it('matches names fuzzily and sorts by start_time', async () => {
    const { json } = await post('common/tasks/batch-query', { task_type: 'iac_scan', task_name: 'infra', sort_key: 'start_time', sort_dir: 'desc' })
    expect((json.data_list as { task_id: string }[]).map((t) => t.task_id)).toEqual(['b', 'a'])
    expect(json.total_num).toBe(2)
  })

  it('pages with offset and limit', async () => {
    const { json } = await post('common/tasks/batch-query', { task_type: 'iac_scan', sort_key: 'start_time', sort_dir: 'asc' }, 'offset=1&limit=10')
    expect((json.data_list as { task_id: string }[]).map((t) => t.task_id)).toEqual(['c', 'b'])
    expect(json.total_num).toBe(3)
  })

  it('refuses a wrong signature with 401 APIGW.0301', async () => {
    const { status, json } = await post('common/tasks/batch-query', { task_type: 'iac_scan' }, undefined, 'not-the-sk')
    expect(status).toBe(401)
    expect(json.error_code).toBe('APIGW.0301')
  })

  it('refuses a request without credentials', async () => {
    const response = await fetch(`${sim.url}/v5/${DEMO_PROJECT_ID}/common/tasks/batch-query`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(401)
  })

  it('answers unknown paths with 404 APIGW.0101', async () => {
    const response = await fetch(`${sim.url}/v9/nothing`)
    expect(response.status).toBe(404)
    expect(((await response.json()) as { error_code: string }).error_code).toBe('APIGW.0101')
  })
})

describe('throttling', () => {
  it('allows `limit` requests per window and user, then 429 APIGW.0308 with Retry-After', async () => {
    const limited = await startSimulator({ tasks: [], rateLimit: { limit: 2, windowMs: 60_000, retryAfter: true } })
    try {
      const url = new URL(`${limited.url}/v3/projects?name=ap-southeast-1`)
      const call = () => fetch(url, { headers: sign({ method: 'GET', url, headers: {}, body: '' }, { accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, new Date()) })
      const statuses = [(await call()).status, (await call()).status]
      const third = await call()
      expect([...statuses, third.status]).toEqual([200, 200, 429])
      expect(third.headers.get('retry-after')).toBe('60')
      expect(((await third.json()) as { error_code: string }).error_code).toBe('APIGW.0308')
    } finally {
      await limited.close()
    }
  })
})

describe('scripted life-cycles', () => {
  it('applies the latest phase whose conditions hold', () => {
    const script = {
      task: iacTask('t', 'n', counts, { task_status: 'ready' }),
      appear: { afterQueries: 1 },
      phases: [
        { afterQueries: 2, status: 'running' },
        { afterQueries: 4, afterMs: 1000, status: 'finished', patch: { estimated_time: 0 } }
      ]
    }
    expect(taskAt(script, { queries: 0, elapsedMs: 0 })).toBeUndefined()
    expect(taskAt(script, { queries: 1, elapsedMs: 0 })?.task_status).toBe('ready')
    expect(taskAt(script, { queries: 4, elapsedMs: 0 })?.task_status).toBe('running')
    expect(taskAt(script, { queries: 4, elapsedMs: 1000 })).toMatchObject({ task_status: 'finished', estimated_time: 0 })
  })
})

describe('CreateTask and ListIacFileRisks', () => {
  let scans: Simulator
  const files = [
    { file_id: 'f-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const, risks: Array.from({ length: 25 }, (_, i) => ({ risk_name: `r${i}`, risk_level: 'low' })) },
    { file_id: 'f-2', file_name: 'bad/Dockerfile', file_type: 'dockerfile' as const, scan: 'failed' as const, failed_reason: 'syntax error' }
  ]
  beforeAll(async () => {
    scans = await startSimulator({ files, createdTiming: { readyMs: 0, finishMs: 0 }, rateLimit: { limit: 100, windowMs: 1000, routes: { risks: { limit: 4, windowMs: 60_000 } } } })
  })
  afterAll(() => scans.close())

  async function call(method: 'GET' | 'POST', path: string, query: string, body?: unknown) {
    const url = new URL(`${scans.url}/v5/${DEMO_PROJECT_ID}/${path}${query ? `?${query}` : ''}`)
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers = sign({ method, url, headers: text ? { 'Content-Type': 'application/json' } : {}, body: text }, { accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, new Date())
    const response = await fetch(url, { method, headers, ...(text ? { body: text } : {}) })
    return { status: response.status, json: (await response.json()) as Record<string, unknown> }
  }

  it.each([
    [{ task_type: 'iac_scan' }, 'iac_scan_info'],
    [{ task_type: 'iac_scan', iac_scan_info: { file_type: 'helm', file_id_list: ['f-1'] } }, 'iac_scan_info.file_type'],
    [{ task_type: 'iac_scan', iac_scan_info: { file_type: 'dockerfile', file_id_list: [] } }, 'iac_scan_info.file_id_list'],
    [{ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['virus'], range_type: 'all_cluster' } }, 'cluster_scan_info.scan_type_list'],
    [{ task_type: 'cluster_scan', cluster_scan_info: { scan_type_list: ['benchmark'], range_type: 'specific_cluster' } }, 'cluster_scan_info.cluster_id_list']
  ])('refuses a CreateTask body %j', async (body, field) => {
    const { status, json } = await call('POST', 'common/task', '', body)
    expect([status, json.error_msg]).toEqual([400, `invalid parameter: ${field}`])
  })

  it('refuses a file id it does not hold with HSS.0011', async () => {
    expect((await call('POST', 'common/task', '', { task_type: 'iac_scan', iac_scan_info: { file_type: 'dockerfile', file_id_list: ['nope'] } })).json.error_code).toBe('HSS.0011')
  })

  it('creates a task that lists its files, with file_id, and counts the one that fails', async () => {
    const { json } = await call('POST', 'common/task', '', { task_type: 'iac_scan', iac_scan_info: { file_type: 'dockerfile', file_id_list: ['f-1', 'f-2'] } })
    const id = String(json.task_id)
    const task = taskAt(scans.tasks.find((t) => t.task.task_id === id) ?? { task: { task_id: '' } }, { queries: 0, elapsedMs: 60_000 })
    expect(task).toMatchObject({ task_status: 'finished', iac_scan_info: { scan_file_num: 2, success_file_num: 1, failed_file_num: 1 } })
    const resources = await call('POST', `common/tasks/${id}/resources/batch-query`, 'offset=0&limit=10', { task_type: 'iac_scan', iac_scan_info: { scan_status: 'success' } })
    expect(resources.json.iac_scan_data_list).toEqual([expect.objectContaining({ file_id: 'f-1', file_name: 'Dockerfile', scan_status: 'success' })])
  })

  it('lists a file\'s risks in pages, requires offset, limit and file_id (as the SDKs do), and has a budget of its own', async () => {
    expect((await call('GET', 'container/iac/file/risks', 'file_id=f-1&offset=0')).json.error_msg).toBe('invalid parameter: limit')
    expect((await call('GET', 'container/iac/file/risks', 'file_id=f-1&limit=10')).json.error_msg).toBe('invalid parameter: offset')
    expect((await call('GET', 'container/iac/file/risks', 'offset=0&limit=10')).json.error_msg).toBe('invalid parameter: file_id')
    const page = await call('GET', 'container/iac/file/risks', 'file_id=f-1&offset=20&limit=10')
    expect(page.json.total_num).toBe(25)
    expect((page.json.data_list as { risk_name: string; rule_id: string }[]).map((r) => r.risk_name)).toEqual(['r20', 'r21', 'r22', 'r23', 'r24'])
    expect((await call('GET', 'container/iac/file/risks', 'file_id=f-1&limit=10')).status).toBe(429)
  })
})

describe('ListIacFileRiskPaths, ListIacFiles and cluster resources', () => {
  let sim: Simulator
  const files = [
    {
      file_id: 'y-1',
      file_name: 'k8s/app.yaml',
      file_type: 'k8s_yaml' as const,
      upload_file_time: 1_700_000_000_000,
      risks: [{ rule_id: 'K-1', risk_name: 'Privileged', risk_level: 'high', paths: Array.from({ length: 12 }, (_, i) => ({ resource_type: 'Deployment', namespace: 'prod', resource_name: `app-${i}`, hit_path: `/spec/template/spec/containers/${i}` })) }]
    },
    { file_id: 'd-1', file_name: 'Dockerfile', file_type: 'dockerfile' as const, scan_type: 'manual_scan' as const },
    { file_id: 'gone', file_name: 'old/Dockerfile', file_type: 'dockerfile' as const, listed: false }
  ]
  beforeAll(async () => {
    sim = await startSimulator({
      files,
      tasks: [{ task: clusterTask('c-1', 'c', { scanning: 0, succeeded: 1, failed: 1 }), resources: [{ cluster_id: 'c1', scan_status: 'failed' }] }],
      rateLimit: { limit: 100, windowMs: 1000, routes: { paths: { limit: 4, windowMs: 60_000 } } }
    })
  })
  afterAll(() => sim.close())

  async function call(method: 'GET' | 'POST', path: string, query: string, body?: unknown) {
    const url = new URL(`${sim.url}/v5/${DEMO_PROJECT_ID}/${path}${query ? `?${query}` : ''}`)
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers = sign({ method, url, headers: { 'Content-Type': 'application/json' }, body: text }, { accessKeyId: DEMO_AK, secretAccessKey: DEMO_SK }, new Date())
    const response = await fetch(url, { method, headers, ...(text ? { body: text } : {}) })
    return { status: response.status, json: (await response.json()) as Record<string, unknown> }
  }

  it('lists where a rule hits, by file and rule, in pages; requires both; has a budget of its own', async () => {
    expect((await call('GET', 'container/iac/file/risk/paths', 'offset=0&limit=10&file_id=y-1')).json.error_msg).toBe('invalid parameter: rule_id')
    expect((await call('GET', 'container/iac/file/risk/paths', `offset=0&limit=10&file_id=y-1&rule_id=${'r'.repeat(65)}`)).json.error_msg).toBe('invalid parameter: rule_id')
    const page = await call('GET', 'container/iac/file/risk/paths', 'offset=10&limit=10&file_id=y-1&rule_id=K-1')
    expect(page.json.total_num).toBe(12)
    expect(page.json.data_list).toEqual([
      { hit_rule: 'K-1', resource_type: 'Deployment', namespace: 'prod', resource_name: 'app-10', hit_path: '/spec/template/spec/containers/10' },
      { hit_rule: 'K-1', resource_type: 'Deployment', namespace: 'prod', resource_name: 'app-11', hit_path: '/spec/template/spec/containers/11' }
    ])
    expect((await call('GET', 'container/iac/file/risk/paths', 'offset=0&limit=10&file_id=y-1&rule_id=other')).json.total_num).toBe(0)
    expect((await call('GET', 'container/iac/file/risk/paths', 'offset=0&limit=10&file_id=y-1&rule_id=K-1')).status).toBe(429)
  })

  it('lists the files it holds by scan type (required), with when it got each copy', async () => {
    expect((await call('GET', 'container/iac/files', 'offset=0&limit=10')).json.error_msg).toBe('invalid parameter: scan_type')
    expect((await call('GET', 'container/iac/files', 'offset=0&limit=10&scan_type=nightly')).json.error_msg).toBe('invalid parameter: scan_type')
    const cicd = await call('GET', 'container/iac/files', 'offset=0&limit=10&scan_type=cicd_scan&file_id=y-1')
    expect(cicd.json.data_list).toEqual([expect.objectContaining({ file_id: 'y-1', file_name: 'k8s/app.yaml', upload_file_time: 1_700_000_000_000, scan_type: 'cicd_scan' })])
    expect((await call('GET', 'container/iac/files', 'offset=0&limit=10&scan_type=cicd_scan&file_id=d-1')).json.total_num).toBe(0)
    expect((await call('GET', 'container/iac/files', 'offset=0&limit=10&scan_type=manual_scan&file_id=d-1')).json.total_num).toBe(1)
    expect((await call('GET', 'container/iac/files', 'offset=0&limit=10&scan_type=cicd_scan&file_id=gone')).json.total_num).toBe(0)
  })

  it('answers a cluster task\'s resources in cluster_scan_data_list, as the SDKs read them', async () => {
    const { json } = await call('POST', 'common/tasks/c-1/resources/batch-query', 'offset=0&limit=10', { task_type: 'cluster_scan' })
    expect(json.cluster_scan_data_list).toEqual([{ cluster_id: 'c1', scan_status: 'failed' }])
    expect(json.iac_scan_data_list).toBeUndefined()
  })
})
