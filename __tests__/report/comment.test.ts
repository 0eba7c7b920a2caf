import { describe, expect, it } from '@jest/globals'
import { addSecret, forgetSecrets } from '../../src/redact.ts'
import { COMMENT_LIMIT, commentMarker, renderComment } from '../../src/report/comment.ts'
import { iacTask } from '../../simulator/tasks.ts'
import { reportOf } from '../../__fixtures__/report.ts'

describe('commentMarker', () => {
  it('names workflow, job and task, and cannot be closed early by their values', () => {
    expect(commentMarker({ workflow: 'PR gate', job: 'iac', task: 't-1' })).toBe('<!-- hss-scan-gate workflow="PR gate" job="iac" task="t-1" -->')
    const marker = commentMarker({ workflow: 'x --> <script>', job: 'a"b', task: 'n\n-->' })
    expect(marker.match(/-->/g)).toHaveLength(1)
    expect(marker).not.toContain('<script>')
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
      const body = renderComment(reportOf(), commentMarker({ workflow: `w ${secret}`, job: 'j', task: 't-1' }), `https://github.example/run?${secret}`)
      expect(body).not.toContain(secret.slice(0, 10))
    } finally {
      forgetSecrets()
    }
  })
})
