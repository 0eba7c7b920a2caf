/** What self-hosted runners sit behind: an HTTP(S) proxy, and TLS from a private CA. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'
import { createProxy } from 'proxy'

export interface RunningProxy {
  url: string
  /** `CONNECT host:port` for tunnels, `METHOD url` for plain HTTP. */
  seen: string[]
  close(): Promise<void>
}

/** A real forwarding proxy (the `proxy` package, as Squid would be) on 127.0.0.1. */
export async function startProxy(): Promise<RunningProxy> {
  const seen: string[] = []
  const server = createServer()
  server.on('request', (req) => seen.push(`${req.method} ${req.url}`))
  server.on('connect', (req) => seen.push(`CONNECT ${req.url}`))
  const proxy = createProxy(server)
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections()
        proxy.close(() => resolve())
      })
  }
}

export interface Pki {
  /** The CA certificate, written to a file for NODE_EXTRA_CA_CERTS. */
  caFile: string
  /** The server's key and certificate (for 127.0.0.1 and localhost), signed by the CA. */
  key: string
  cert: string
}

/** A throw-away CA and a server certificate it signed. */
export function makePki(): Pki {
  const validity = (cert: forge.pki.Certificate) => {
    cert.validity.notBefore = new Date(Date.now() - 60_000)
    cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000)
  }
  const caKeys = forge.pki.rsa.generateKeyPair(2048)
  const ca = forge.pki.createCertificate()
  ca.publicKey = caKeys.publicKey
  ca.serialNumber = '01'
  validity(ca)
  const caName = [{ name: 'commonName', value: 'hss-scan-gate test CA' }]
  ca.setSubject(caName)
  ca.setIssuer(caName)
  ca.setExtensions([{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }])
  ca.sign(caKeys.privateKey, forge.md.sha256.create())

  const keys = forge.pki.rsa.generateKeyPair(2048)
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = '02'
  validity(cert)
  cert.setSubject([{ name: 'commonName', value: '127.0.0.1' }])
  cert.setIssuer(caName)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }
  ])
  cert.sign(caKeys.privateKey, forge.md.sha256.create())

  const caFile = join(mkdtempSync(join(tmpdir(), 'hss-gate-ca-')), 'ca.pem')
  writeFileSync(caFile, forge.pki.certificateToPem(ca))
  return { caFile, key: forge.pki.privateKeyToPem(keys.privateKey), cert: forge.pki.certificateToPem(cert) }
}
