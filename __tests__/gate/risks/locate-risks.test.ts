/** Each file is read and parsed once, however many risks and places it has. */
import { describe, expect, it } from '@jest/globals'
import { locateRisk, parsedFiles } from '../../../src/gate/risks/locate-risks.ts'
import { noCheckout, type Checkout } from '../../../src/repo/checkout.ts'
import { riskRow } from '../../../__fixtures__/report.ts'
import { rp } from '../../../__fixtures__/paths.ts'

function countingCheckout(files: Record<string, string>): Checkout & { reads: string[] } {
  const reads: string[] = []
  return {
    ...noCheckout,
    root: '/checkout',
    reads,
    resolve: (name) => (name in files ? { kind: 'found', path: rp(name) } : { kind: 'missing' }),
    read: (path) => {
      reads.push(path)
      return path in files ? { kind: 'text', text: files[path] ?? '' } : { kind: 'missing' }
    }
  }
}

describe('parsedFiles', () => {
  const yaml = Array.from({ length: 50 }, (_, i) => `kind: Pod\nmetadata: {name: p${i}, namespace: prod}\nspec:\n  containers:\n    - name: c\n      securityContext: {privileged: true}`).join('\n---\n')
  const dockerfile = 'FROM a\nUSER root\nRUN make\n'

  it('reads and parses each file once for all its risks and places', () => {
    const checkout = countingCheckout({ 'k8s/app.yaml': yaml, Dockerfile: dockerfile })
    const files = parsedFiles(checkout)
    const yamlRisks = Array.from({ length: 60 }, (_, i) => riskRow('high', `r${i}`, { file_name: 'k8s/app.yaml', rule_id: `R${i}` }))
    for (const risk of yamlRisks) {
      const places = locateRisk(risk, 'k8s_yaml', checkout, files, [0, 1, 2].map((j) => ({ resource: { kind: 'Pod', namespace: 'prod', name: `p${(Number(risk.rule_id.slice(1)) + j) % 50}` }, hitPath: 'spec.containers[0].securityContext.privileged' })))
      expect(places.every((place) => place.line !== undefined)).toBe(true)
    }
    for (const name of ['USER root', 'RUN make', '']) locateRisk(riskRow('high', name, { file_name: 'Dockerfile', build_instruction: name }), 'dockerfile', checkout, files, undefined)
    expect(checkout.reads).toEqual(['k8s/app.yaml', 'Dockerfile'])
    expect(files.yaml(rp('k8s/app.yaml'))).toBe(files.yaml(rp('k8s/app.yaml')))
    expect(files.dockerfile(rp('Dockerfile'))).toBe(files.dockerfile(rp('Dockerfile')))
  })

  it('remembers a file that cannot be read, too', () => {
    const checkout = countingCheckout({})
    const files = parsedFiles(checkout)
    for (let i = 0; i < 5; i++) expect(files.dockerfile(rp('missing/Dockerfile'))).toBeUndefined()
    expect(checkout.reads).toEqual(['missing/Dockerfile'])
  })
})
