import { describe, expect, it } from '@jest/globals'
import { addSecret, forgetSecrets } from '../../src/redact.ts'
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { reportOf } from '../../__fixtures__/report.ts'

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

describe('renderComment', () => {
  it('starts with the marker and links the run', () => {
    const body = renderComment(reportOf(), '<!-- m -->', 'https://github.example/o/r/actions/runs/1')
    expect(body).toMatch(/^<!-- m -->\n## ❌ HSS scan gate failed/)
    expect(body).toContain('[Workflow run](https://github.example/o/r/actions/runs/1)')
  })

  it('drops file rows until it fits under the limit', () => {
    const hostile = '&<>|'.repeat(500)
    const files = Array.from({ length: 100 }, () => ({ file_name: hostile, failed_reason: hostile }))
    const report = reportOf({ task: iacTask('t', hostile, { scanned: 100, succeeded: 0, failed: 100 }), failedFiles: { files, total: 100 } })
    const body = renderComment(report, '<!-- m -->', undefined)
    expect(body.length).toBeLessThan(COMMENT_LIMIT)
    expect(body).toMatch(/…and \d+ more failed files\./)
  })
})

describe('renderComment and secrets', () => {
  it('removes a secret from the whole body, the marker and link included, since the comment bypasses the runner', () => {
    const secret = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc'
    addSecret(secret)
    try {
      const body = renderComment(reportOf(), commentMarker({ workflow: `w ${secret}`, job: 'j', matrix: '' }), `https://github.example/run?${secret}`)
      expect(body).not.toContain(secret.slice(0, 10))
    } finally {
      forgetSecrets()
    }
  })
})
