/** What real gateways and proxies do to a request, on demand. */
import type { ServerResponse } from 'node:http'

export type Fault =
  | { kind: 'status'; status: number; body?: string; contentType?: string; retryAfter?: string }
  | { kind: 'html'; status?: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'throttle'; retryAfter?: string }
  | { kind: 'malformed' }
  | { kind: 'truncated' }
  | { kind: 'empty-body' }
  | { kind: 'empty-list' }
  | { kind: 'error'; status: number; code: string; message: string }
  /** A 3xx pointing elsewhere (what a hijacked or misconfigured gateway might send). */
  | { kind: 'redirect'; status: number; location: string }
  /** No fault: served normally (to interleave faults with good answers). */
  | { kind: 'pass' }
  /** The backend does the work, and the gateway answers with an error all the same (a 504 on a backend time-out). */
  | { kind: 'late-error'; status: number; code: string; message: string }

export type Route = 'tasks' | 'resources' | 'projects' | 'create' | 'risks' | 'paths' | 'files' | 'upload'

export interface QueuedFault {
  fault: Fault
  /** Only requests to this route take the fault; any route when absent. */
  route?: Route
}

export const FAULT_KINDS: readonly Fault['kind'][] = [
  'status', 'html', 'reset', 'hang', 'slow', 'throttle', 'malformed', 'truncated', 'empty-body', 'empty-list', 'error', 'redirect', 'pass', 'late-error'
]

/**
 * Answers with the fault. Returns 'continue' when the request should then be served normally
 * (a slow answer), 'done' when the fault was the answer.
 */
export async function applyFault(fault: Fault, res: ServerResponse, requestId: string, stopped: AbortSignal): Promise<'done' | 'continue'> {
  const send = (status: number, body: string, type = 'application/json', extra: Record<string, string> = {}): void => {
    res.writeHead(status, { 'Content-Type': type, 'X-Request-Id': requestId, ...extra })
    res.end(body)
  }
  switch (fault.kind) {
    case 'status':
      send(fault.status, fault.body ?? '', fault.contentType ?? 'text/plain', fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {})
      return 'done'
    case 'html':
      send(fault.status ?? 502, '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>', 'text/html')
      return 'done'
    case 'reset':
      res.socket?.destroy()
      return 'done'
    case 'hang':
      await new Promise<void>((resolve) => {
        res.on('close', () => resolve())
        stopped.addEventListener('abort', () => resolve(), { once: true })
      })
      res.socket?.destroy()
      return 'done'
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
      return 'continue'
    case 'pass':
    case 'late-error':
      return 'continue'
    case 'throttle':
      send(
        429,
        JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 minute', request_id: requestId }),
        'application/json',
        fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}
      )
      return 'done'
    case 'malformed':
      send(200, '{"total_num": 1, "data_list": [{"task_id": "x", }]}')
      return 'done'
    case 'truncated':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400', 'X-Request-Id': requestId })
      res.write('{"total_num": 1, "data_list": [{"task_id": "')
      setTimeout(() => res.socket?.destroy(), 20)
      return 'done'
    case 'empty-body':
      send(200, '')
      return 'done'
    case 'empty-list':
      send(200, JSON.stringify({ total_num: 0, data_list: [], iac_scan_data_list: [] }))
      return 'done'
    case 'error':
      send(fault.status, JSON.stringify({ error_code: fault.code, error_msg: fault.message, request_id: requestId }))
      return 'done'
    case 'redirect':
      res.writeHead(fault.status, { Location: fault.location, 'X-Request-Id': requestId })
      res.end()
      return 'done'
  }
}
