import { describe, expect, it } from '@jest/globals'
import { formatSteps, parseHitPath } from '../../src/repo/hit-path.ts'
import { locateResource, parseYaml } from '../../src/repo/k8s-yaml.ts'

const locate = (text: string, resource: Parameters<typeof locateResource>[1], path: string) => locateResource(parseYaml(text), resource, path)

const file = (...lines: string[]) => `${lines.join('\n')}\n`

// Two workloads and a service in one file, with comments and document markers, as teams write them.
const MULTI = file(
  '# The web tier', //                                  1
  '---', //                                             2
  'apiVersion: apps/v1', //                             3
  'kind: Deployment', //                                4
  'metadata:', //                                       5
  '  name: web', //                                     6
  '  namespace: prod', //                               7
  'spec:', //                                           8
  '  template:', //                                     9
  '    spec:', //                                       10
  '      containers:', //                               11
  '        - name: app', //                             12
  '          image: web:1', //                          13
  '          securityContext:', //                      14
  '            privileged: true', //                    15
  '        - name: sidecar', //                         16
  '          image: envoy:1', //                        17
  '--- # the worker', //                                18
  'apiVersion: apps/v1', //                             19
  'kind: Deployment', //                                20
  'metadata:', //                                       21
  '  name: worker', //                                  22
  '  namespace: prod', //                               23
  'spec:', //                                           24
  '  template:', //                                     25
  '    spec:', //                                       26
  '      hostNetwork: true', //                         27
  '      containers:', //                               28
  '        - name: worker', //                          29
  '          image: worker:1', //                       30
  '---', //                                             31
  'kind: Service', //                                   32
  'metadata: {name: web, namespace: prod}' //           33
)
const web = { kind: 'Deployment', namespace: 'prod', name: 'web' }
const worker = { kind: 'Deployment', namespace: 'prod', name: 'worker' }

describe('locateResource', () => {
  it.each([
    ['dotted with indexes', 'spec.template.spec.containers[0].securityContext.privileged'],
    ['a JSON pointer', '/spec/template/spec/containers/0/securityContext/privileged'],
    ['JSONPath', '$.spec.template.spec.containers[0].securityContext.privileged'],
    ['JSONPath with brackets', "$['spec']['template']['spec']['containers'][0]['securityContext']['privileged']"],
    ['a container chosen by name', 'spec.template.spec.containers[name=app].securityContext.privileged'],
    ['a JSONPath filter', "$.spec.template.spec.containers[?(@.name=='app')].securityContext.privileged"],
    ['the kind first', 'Deployment.spec.template.spec.containers[0].securityContext.privileged']
  ])('walks %s to the node, in the right document', (_name, path) => {
    const chosen = path.includes('name') ? '[name=app]' : '[0]'
    expect(locate(MULTI, web, path)).toEqual({ kind: 'node', walked: `spec.template.spec.containers${chosen}.securityContext.privileged`, complete: true, line: 15, endLine: 15, unit: { line: 2, endLine: 17 } })
  })

  it('matches the document by kind, name and namespace', () => {
    expect(locate(MULTI, worker, 'spec.template.spec.hostNetwork')).toMatchObject({ kind: 'node', line: 27, endLine: 27 })
    expect(locate(MULTI, { kind: 'Service', namespace: 'prod', name: 'web' }, 'metadata')).toMatchObject({ kind: 'node', line: 33, endLine: 33 })
  })

  it('gives a list item its whole span, and a key with its value', () => {
    expect(locate(MULTI, web, 'spec.template.spec.containers[1]')).toMatchObject({ line: 16, endLine: 17 })
    expect(locate(MULTI, web, 'spec.template.spec.containers[0].securityContext')).toMatchObject({ line: 14, endLine: 15 })
  })

  it('points a missing key at its nearest existing parent', () => {
    expect(locate(MULTI, web, 'spec.template.spec.containers[1].securityContext.runAsNonRoot')).toEqual({ kind: 'node', walked: 'spec.template.spec.containers[1]', complete: false, line: 16, endLine: 17, unit: { line: 2, endLine: 17 } })
    expect(locate(MULTI, worker, '/spec/template/spec/securityContext/runAsNonRoot')).toMatchObject({ complete: false, walked: 'spec.template.spec', line: 26, endLine: 30 })
  })

  it('takes a resource with no namespace for one HSS puts in "default"', () => {
    const text = file('kind: Pod', 'metadata:', '  name: p', 'spec:', '  hostPID: true')
    expect(locate(text, { kind: 'Pod', namespace: 'default', name: 'p' }, 'spec.hostPID')).toMatchObject({ line: 5 })
  })

  it('reads CRLF line ends', () => {
    const text = MULTI.replace(/\n/g, '\r\n')
    expect(locate(text, web, 'spec.template.spec.containers[0].securityContext.privileged')).toMatchObject({ line: 15, endLine: 15 })
  })

  it('says when the resource is not in the file (HSS scanned another copy)', () => {
    expect(locate(MULTI, { kind: 'Deployment', namespace: 'prod', name: 'api' }, 'spec')).toEqual({ kind: 'absent' })
    expect(locate(MULTI, { kind: 'Deployment', namespace: 'staging', name: 'web' }, 'spec')).toEqual({ kind: 'absent' })
  })

  it('never guesses between two documents that are the same resource', () => {
    expect(locate(`${MULTI}---\n${MULTI}`, web, 'spec')).toEqual({ kind: 'ambiguous', count: 2 })
  })

  it('leaves a Helm template that does not parse at file level', () => {
    const helm = file('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: {{ .Values.name }}', '{{- if .Values.privileged }}', 'spec:', '  template: {}', '{{- end }}')
    expect(locate(helm, { kind: 'Deployment', namespace: '', name: 'web' }, 'spec')).toEqual({ kind: 'unparsable' })
  })

  it('points at the document when the path is empty or unreadable', () => {
    expect(locate(MULTI, worker, '')).toMatchObject({ kind: 'node', complete: false, line: 19, endLine: 30 })
    expect(locate(MULTI, worker, '[[[')).toMatchObject({ kind: 'node', complete: false, line: 19 })
  })
})

describe('parseHitPath', () => {
  it.each([
    ['spec.containers[0].image', 'spec.containers[0].image'],
    ['/spec/containers/0/image', 'spec.containers.0.image'],
    ['/metadata/annotations/a~1b~0c', 'metadata.annotations["a/b~c"]'],
    ['$.spec.containers[*].image', 'spec.containers'],
    ['metadata.annotations["kubernetes.io/ingress.class"]', 'metadata.annotations["kubernetes.io/ingress.class"]'],
    ["spec.containers[?(@.name=='app')]", 'spec.containers[name=app]']
  ])('%s', (path, shown) => {
    expect(formatSteps(parseHitPath(path))).toBe(shown)
  })
})
