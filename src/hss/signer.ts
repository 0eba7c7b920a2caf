/** Huawei Cloud API Gateway signing, SDK-HMAC-SHA256 (what the official SDKs send). */
import { createHash, createHmac } from 'node:crypto'

export const ALGORITHM = 'SDK-HMAC-SHA256'

export interface AkSk {
  accessKeyId: string
  secretAccessKey: string
  securityToken?: string
}

export interface SignableRequest {
  method: string
  url: URL
  /** Headers to sign besides host, x-sdk-date and x-security-token. */
  headers: Readonly<Record<string, string>>
  body: string
}

/** `2019-11-15T03:36:55.123Z` → `20191115T033655Z`. */
export function sdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/**
 * The headers to send with the request: the given ones plus `X-Sdk-Date`, `X-Security-Token`
 * (temporary credentials, signed) and `Authorization`. `Host` is signed as fetch will send it.
 */
export function sign(request: SignableRequest, credentials: AkSk, date: Date): Record<string, string> {
  const headers: Record<string, string> = { ...request.headers, 'X-Sdk-Date': sdkDate(date) }
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken
  const signed = { ...headers, host: request.url.host }
  const { signedHeaders, hash } = canonicalRequestHash(request.method, request.url, signed, request.body)
  const signature = signatureOf(credentials.secretAccessKey, headers['X-Sdk-Date'] as string, hash)
  headers.Authorization = `${ALGORITHM} Access=${credentials.accessKeyId}, SignedHeaders=${signedHeaders}, Signature=${signature}`
  return headers
}

export function signatureOf(secretAccessKey: string, sdkDateValue: string, canonicalHash: string): string {
  const stringToSign = `${ALGORITHM}\n${sdkDateValue}\n${canonicalHash}`
  return createHmac('sha256', Buffer.from(secretAccessKey, 'utf8')).update(stringToSign, 'utf8').digest('hex')
}

/**
 * The payload hash of a request whose body is not signed (a multipart upload): the official SDKs
 * send it as `X-Sdk-Content-Sha256`, sign that header, and put its value where the body's hash goes.
 */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'

/**
 * hex(sha256(CanonicalRequest)) and the SignedHeaders list, for the given headers (all of them are
 * signed). A signed `X-Sdk-Content-Sha256` stands in for the body's hash, as in the official signers.
 */
export function canonicalRequestHash(
  method: string,
  url: URL,
  headers: Readonly<Record<string, string>>,
  body: string | Uint8Array
): { canonical: string; signedHeaders: string; hash: string } {
  const entries = Object.entries(headers)
    .map(([name, value]) => [name.toLowerCase(), value.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const signedHeaders = entries.map(([name]) => name).join(';')
  const canonical = [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    entries.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    entries.find(([name]) => name === 'x-sdk-content-sha256')?.[1] ?? sha256Hex(body)
  ].join('\n')
  return { canonical, signedHeaders, hash: sha256Hex(canonical) }
}

/** Each segment percent-encoded, with a trailing slash added for signing only. */
export function canonicalUri(pathname: string): string {
  const encoded = pathname
    .split('/')
    .map((segment) => percentEncode(safeDecode(segment)))
    .join('/')
  return encoded.endsWith('/') ? encoded : `${encoded}/`
}

/**
 * The query as the gateway reads it from the raw query string: pairs percent-decoded (a `+` stays a
 * `+`), sorted by key, then value (UTF-16 order, as the official signers sort), then encoded again.
 */
export function canonicalQuery(search: string): string {
  return queryPairs(search)
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&')
}

/** `?a=1&b=%20` → [['a', '1'], ['b', ' ']]: RFC 3986 decoding, not form decoding. */
export function queryPairs(search: string): [string, string][] {
  const text = search.startsWith('?') ? search.slice(1) : search
  if (!text) return []
  return text.split('&').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=')
    return at < 0 ? [safeDecode(pair), ''] : [safeDecode(pair.slice(0, at)), safeDecode(pair.slice(at + 1))]
  })
}

/** A URL with this query, encoded as the signer encodes it (RFC 3986: a space is `%20`, never `+`). */
export function withQuery(url: URL, query: Readonly<Record<string, string | undefined>>): URL {
  const target = new URL(url)
  target.search = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join('&')
  return target
}

/** RFC 3986 encoding: unreserved characters stay, every other UTF-8 byte becomes upper-case %XX. */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The parts of an `Authorization: SDK-HMAC-SHA256 …` header, or undefined when it is not one. */
export function parseAuthorization(header: string): { access: string; signedHeaders: string[]; signature: string } | undefined {
  const match = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(header.trim())
  if (!match) return undefined
  const [, access = '', signed = '', signature = ''] = match
  return { access, signedHeaders: signed.split(';'), signature }
}
