import { describe, expect, it } from '@jest/globals'
import { addSecret, forgetSecrets } from '../../src/redact.ts'
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { assessmentOf, readingOf, reportOf, riskRow } from '../../__fixtures__/report.ts'

describe('commentMarker', () => {
  it('names workflow, job and matrix values (never the task), and cannot be closed early by their values', () => {
    expect(commentMarker({ workflow: 'PR gate', job: 'iac', matrix: 'null' })).toBe('<!-- hss-scan-gate workflow="PR gate" job="iac" matrix="" -->')
    const marker = commentMarker({ workflow: 'x --> <script>', job: 'a"b', matrix: '{"n":"\\n-->"}' })
    expect(marker.match(/-->/g)).toHaveLength(1)
    expect(marker).not.toContain('<script>')
  })

  it('keeps matrix legs apart, whatever the order of their keys', () => {
    const a = commentMarker({ workflow: 'w', job: 'j', matrix: '{"file":"dockerfile","os":"linux"}' })
    expect(a).toBe(commentMarker({ workflow: 'w', job: 'j', matrix: '{"os":"linux","file":"dockerfile"}' }))
    expect(a).toContain('matrix="file=dockerfile,os=linux"')
    expect(a).not.toBe(commentMarker({ workflow: 'w', job: 'j', matrix: '{"file":"k8s_yaml","os":"linux"}' }))
    const long = (x: string) => commentMarker({ workflow: 'w', job: 'j', matrix: JSON.stringify({ a: 'y'.repeat(300), b: x }) })
    expect(long('1')).not.toBe(long('2'))
  })
})

const LEG = { workflow: 'IaC gates', job: 'gate', matrix: '{"file-type":"dockerfile","os":"linux"}' }
const RUN = 'https://github.example/o/r/actions/runs/1'

/** A failed leg with `n` high risks on changed lines of svc-i/Dockerfile. */
function withRisks(n: number, extra: Partial<Parameters<typeof reportOf>[0]> = {}) {
  const risks = Array.from({ length: n }, (_, i) => riskRow('high', `risk ${i}`, { rule_id: `R${i}`, file_name: `svc-${i}/Dockerfile` }))
  const risksAssessment = assessmentOf('high', readingOf(risks), { places: (risk) => [{ path: risk.file_name, line: 3 }] })
  return reportOf({ risks: risksAssessment, source: { repoUrl: 'https://github.example/o/r', sha: 'a'.repeat(40) }, ...extra })
}

describe('renderComment', () => {
  it('for 30 risks in a matrix leg: under 60 lines, names the leg, lists 10 findings on their lines, and links the run', () => {
    const body = renderComment(withRisks(30), LEG, RUN)
    const lines = body.trimEnd().split('\n')
    expect(lines.length).toBeLessThanOrEqual(60)
    expect(lines[0]).toBe(commentMarker(LEG))
    expect(lines[1]).toBe('### ❌ HSS scan gate failed — `IaC gates` / `gate` · `file-type=dockerfile,os=linux`')
    expect(body).toContain('> 30 IaC risks at high or above (high 30): fail-on-risk high allows none')
    const rows = lines.filter((line) => line.startsWith('| `high` |'))
    expect(rows).toHaveLength(10)
    expect(rows[0]).toContain('[`svc-0/Dockerfile:3`](https://github.example/o/r/blob/' + 'a'.repeat(40) + '/svc-0/Dockerfile#L3)')
    expect(rows[0]).toContain('❌ breaks the gate')
    expect(body).toContain('…and 20 more in the run\'s summary.')
    expect(lines.at(-1)).toMatch(/^\[The run's full summary\]\(https:\/\/github\.example\/o\/r\/actions\/runs\/1\) · updated \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  })

  it('tells two legs apart by their heading, not only by the hidden marker', () => {
    const a = renderComment(withRisks(1), LEG, RUN).split('\n')[1]
    const b = renderComment(withRisks(1), { ...LEG, matrix: '{"file-type":"k8s_yaml","os":"linux"}' }, RUN).split('\n')[1]
    expect(a).not.toBe(b)
  })

  it('stays under 60 lines and GitHub\'s limit whatever HSS sends: 2,000 risks, 100 failed files and hostile names', () => {
    const hostile = '&<>|'.repeat(500)
    const files = Array.from({ length: 100 }, () => ({ file_name: hostile, failed_reason: hostile }))
    const report = withRisks(2000, { task: iacTask('t', hostile, { scanned: 100, succeeded: 0, failed: 100 }), failedFiles: { files, total: 100 } })
    const body = renderComment(report, { workflow: hostile, job: hostile, matrix: JSON.stringify({ x: hostile }) }, undefined)
    expect(body.length).toBeLessThan(COMMENT_LIMIT)
    expect(body.trimEnd().split('\n').length).toBeLessThanOrEqual(60)
    // Text from HSS and the workflow only in code spans: no HTML outside them but the marker.
    expect(body.replace(/(`+)[\s\S]*?\1/g, '')).not.toMatch(/<(?!!--)/)
    expect(body).toContain('The run\'s job summary has the full report')
  })

  it('under soft-fail, marks nothing ❌: the step passed', () => {
    const body = renderComment(withRisks(3, { softFail: true }), LEG, RUN)
    expect(body).toContain('### ⚠️ HSS scan gate failed (soft-fail: reported, not enforced; the step passes)')
    expect(body).toContain('⚠️ breaks the gate')
    expect(body).not.toContain('❌')
  })
})
describe('renderComment and secrets', () => {
  it('removes a secret from the whole body, the marker and link included, since the comment bypasses the runner', () => {
    const secret = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
    addSecret(secret)
    try {
      const body = renderComment(reportOf(), { workflow: `w ${secret}`, job: 'j', matrix: '' }, `https://github.example/run?${secret}`)
      expect(body).not.toContain(secret.slice(0, 10))
    } finally {
      forgetSecrets()
    }
  })
})
