/** What the API gateway checks before HSS sees a request: an IAM token, or an SDK-HMAC-SHA256 signature. */
import type { IncomingMessage } from 'node:http'
import { canonicalRequestHash, parseAuthorization, signatureOf } from '../src/hss/signer.ts'

export interface SimCredential {
  accessKeyId: string
  secretAccessKey: string
  /** Temporary credentials: requests must carry (and sign) this X-Security-Token. */
  securityToken?: string
}

export interface AuthSettings {
  credentials: SimCredential[]
  tokens: string[]
  /** The gateway's clock, for the 15-minute skew rule. */
  now: () => number
}

export type AuthResult = { ok: true; user: string } | { ok: false; status: 401; code: string; message: string }

const MAX_SKEW_MS = 15 * 60 * 1000

export function authenticate(req: IncomingMessage, url: URL, body: Buffer, settings: AuthSettings): AuthResult {
  const token = header(req, 'x-auth-token')
  if (token !== undefined) {
    return settings.tokens.includes(token) ? { ok: true, user: `token:${token.slice(0, 6)}` } : deny('APIGW.0301', 'Incorrect IAM authentication information: token invalid')
  }
  const authorization = header(req, 'authorization')
  if (!authorization) return deny('APIGW.0301', 'Incorrect IAM authentication information: no credentials')
  const parsed = parseAuthorization(authorization)
  if (!parsed) return deny('APIGW.0303', 'Incorrect app authentication information: authorization header malformed')
  const credential = settings.credentials.find((c) => c.accessKeyId === parsed.access)
  if (!credential) return deny('APIGW.0301', 'Incorrect IAM authentication information: AK not found')
  if (!parsed.signedHeaders.includes('x-sdk-date') || !parsed.signedHeaders.includes('host')) {
    return deny('APIGW.0303', 'Incorrect app authentication information: x-sdk-date and host must be signed')
  }
  const date = header(req, 'x-sdk-date') ?? ''
  const at = parseSdkDate(date)
  if (at === undefined || Math.abs(at - settings.now()) > MAX_SKEW_MS) {
    return deny('APIGW.0301', 'Incorrect IAM authentication information: the request time is more than 15 minutes off')
  }
  if (credential.securityToken) {
    if (header(req, 'x-security-token') !== credential.securityToken || !parsed.signedHeaders.includes('x-security-token')) {
      return deny('APIGW.0301', 'Incorrect IAM authentication information: security token missing, wrong or unsigned')
    }
  }
  const signed: Record<string, string> = {}
  for (const name of parsed.signedHeaders) signed[name] = header(req, name) ?? ''
  const { hash } = canonicalRequestHash(req.method ?? 'GET', url, signed, body)
  const expected = signatureOf(credential.secretAccessKey, date, hash)
  if (expected !== parsed.signature) {
    return deny('APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail')
  }
  return { ok: true, user: `ak:${credential.accessKeyId}` }
}

function deny(code: string, message: string): AuthResult {
  return { ok: false, status: 401, code, message }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value.join(',') : value
}

function parseSdkDate(text: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[]
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s)
}
