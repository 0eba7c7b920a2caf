import { describe, expect, it } from '@jest/globals'
import { exceptionFor, ExceptionsFileError, parseExceptions } from '../../src/repo/exceptions.ts'
import { rp } from '../../__fixtures__/paths.ts'

const TODAY = '2026-11-29'
const entry = (fields: string) => `exceptions:\n  - ${fields.trim().split('\n').join('\n    ')}\n`

describe('parseExceptions', () => {
  const plain = (set: ReturnType<typeof parseExceptions>) => set.active.map(({ matchesPath: _m, ...rest }) => rest)

  it('reads entries with rule, paths, resource, reason and expiry', () => {
    const set = parseExceptions(
      [
        'exceptions:',
        '  - rule: DKR-001',
        '    paths: ["services/legacy/**"]',
        '    reason: Legacy image, replaced in Q1',
        '    expires: 2027-03-31',
        '  - rule: K8S-PRIV',
        '    resource: {kind: DaemonSet, namespace: kube-system, name: node-agent}',
        '    reason: Needs the host by design',
        '    expires: "2026-12-05"'
      ].join('\n'),
      TODAY
    )
    expect(plain(set)).toEqual([
      { entry: 1, rule: 'DKR-001', paths: ['services/legacy/**'], resource: undefined, reason: 'Legacy image, replaced in Q1', expires: '2027-03-31' },
      { entry: 2, rule: 'K8S-PRIV', paths: [], resource: { kind: 'DaemonSet', namespace: 'kube-system', name: 'node-agent' }, reason: 'Needs the host by design', expires: '2026-12-05' }
    ])
    expect(set.expiringSoon.map((e) => e.entry)).toEqual([2])
    expect(set.ignored).toEqual([])
  })

  it.each([
    ['expired', entry('rule: R\nreason: r\nexpires: 2026-11-28'), 'entry 1 (rule "R") expired on 2026-11-28'],
    ['without a reason', entry('rule: R\nexpires: 2027-01-01'), 'entry 1 (rule "R") has no `reason` (a non-empty string)'],
    ['with an empty reason', entry('rule: R\nreason: "  "\nexpires: 2027-01-01'), 'entry 1 (rule "R") has no `reason` (a non-empty string)'],
    ['with a reason that is a number', entry('rule: R\nreason: 42\nexpires: 2027-01-01'), 'entry 1 (rule "R") has no `reason` (a non-empty string)'],
    ['without a date', entry('rule: R\nreason: r'), 'entry 1 (rule "R") has no `expires` date (YYYY-MM-DD)'],
    ['with a date that is not one', entry('rule: R\nreason: r\nexpires: 2027-02-30'), 'entry 1 (rule "R") has no `expires` date (YYYY-MM-DD)'],
    ['with "never"', entry('rule: R\nreason: r\nexpires: never'), 'entry 1 (rule "R") has no `expires` date (YYYY-MM-DD)'],
    ['with a time, not a date', entry('rule: R\nreason: r\nexpires: 2027-03-31T23:00:00-05:00'), 'entry 1 (rule "R") has no `expires` date (YYYY-MM-DD)'],
    ['without a rule', entry('reason: r\nexpires: 2027-01-01'), 'entry 1 has no `rule` that is a string (the HSS rule_id; quote one that YAML reads as a number)'],
    ['with a rule YAML reads as a number (0x1F)', entry('rule: 0x1F\nreason: r\nexpires: 2027-01-01'), 'entry 1 has no `rule` that is a string (the HSS rule_id; quote one that YAML reads as a number)'],
    ['with paths that are not globs', entry('rule: R\nreason: r\nexpires: 2027-01-01\npaths: {a: 1}'), 'entry 1 (rule "R") has `paths` that is not a non-empty list of globs (leave it out to cover every path)'],
    ['with paths: []', entry('rule: R\nreason: r\nexpires: 2027-01-01\npaths: []'), 'entry 1 (rule "R") has `paths` that is not a non-empty list of globs (leave it out to cover every path)'],
    ['with paths as one string', entry('rule: R\nreason: r\nexpires: 2027-01-01\npaths: "a/**"'), 'entry 1 (rule "R") has `paths` that is not a non-empty list of globs (leave it out to cover every path)'],
    ['with a typo: path', entry('rule: R\nreason: r\nexpires: 2027-01-01\npath: ["a/**"]'), 'entry 1 (rule "R") has a key the gate does not read ("path"; it reads rule, paths, resource, reason and expires)'],
    ['with a typo: Paths', entry('rule: R\nreason: r\nexpires: 2027-01-01\nPaths: ["a/**"]'), 'entry 1 (rule "R") has a key the gate does not read ("Paths"; it reads rule, paths, resource, reason and expires)'],
    ['with a typo: resources', entry('rule: R\nreason: r\nexpires: 2027-01-01\nresources: {name: x}'), 'entry 1 (rule "R") has a key the gate does not read ("resources"; it reads rule, paths, resource, reason and expires)'],
    ['with a resource key it does not read', entry('rule: R\nreason: r\nexpires: 2027-01-01\nresource: {kind: Pod, label: x}'), 'entry 1 (rule "R") has a `resource` that is not a mapping of kind, namespace and name (strings)'],
    ['with an empty resource', entry('rule: R\nreason: r\nexpires: 2027-01-01\nresource: {}'), 'entry 1 (rule "R") has a `resource` that is not a mapping of kind, namespace and name (strings)'],
    ['that is not a mapping', 'exceptions:\n  - just a string\n', 'entry 1 is not a mapping']
  ])('an entry %s excepts nothing, and is named', (_name, text, why) => {
    const set = parseExceptions(text, TODAY)
    expect(set.active).toEqual([])
    expect(set.ignored).toEqual([why])
  })

  it('reads a date as a date whatever YAML version the file declares: a 1.1 timestamp stretches nothing', () => {
    const set = parseExceptions(`%YAML 1.1\n---\n${entry('rule: R\nreason: r\nexpires: 2026-11-28')}`, TODAY)
    expect(set.ignored).toEqual(['entry 1 (rule "R") expired on 2026-11-28'])
    expect(parseExceptions(`%YAML 1.1\n---\n${entry('rule: R\nreason: r\nexpires: 2026-11-28T23:00:00-05:00')}`, TODAY).active).toEqual([])
  })

  it('names a key at the top it does not read', () => {
    expect(parseExceptions('exception:\n  - rule: R\n', TODAY).ignored).toEqual(['the key "exception" at the top is not one the gate reads (only `exceptions`)'])
  })

  it('holds through the day it expires', () => {
    expect(parseExceptions(entry(`rule: R\nreason: r\nexpires: ${TODAY}`), TODAY).active).toHaveLength(1)
  })

  it.each([
    ['an empty file', ''],
    ['only comments', '# nothing accepted yet\n'],
    ['an empty list', 'exceptions: []\n'],
    ['a null list', 'exceptions:\n']
  ])('%s means no exceptions', (_name, text) => {
    expect(parseExceptions(text, TODAY)).toEqual({ active: [], ignored: [], expiringSoon: [] })
  })

  it.each([
    ['YAML that does not parse', 'exceptions:\n  - rule: [unclosed\n', /is not valid YAML/],
    ['a list at the top', '- rule: R\n', /must be a mapping/],
    ['exceptions that is not a list', 'exceptions: {rule: R}\n', /not a list/],
    ['a duplicate key', 'exceptions: []\nexceptions: []\n', /is not valid YAML/],
    ['a file over 1 MB', `# ${'x'.repeat(1024 * 1024)}\n`, /larger than 1 MB/]
  ])('%s is an error, never "no exceptions"', (_name, text, why) => {
    expect(() => parseExceptions(text, TODAY)).toThrow(ExceptionsFileError)
    expect(() => parseExceptions(text, TODAY)).toThrow(why)
  })
})

describe('exceptionFor', () => {
  const set = parseExceptions(
    [
      'exceptions:',
      '  - {rule: DKR-001, paths: ["services/legacy/**", "Dockerfile.old"], reason: legacy, expires: 2099-01-01}',
      '  - {rule: K8S-PRIV, resource: {kind: daemonset, name: agent}, reason: by design, expires: 2099-01-01}',
      '  - {rule: ANY, reason: everywhere, expires: 2099-01-01}'
    ].join('\n'),
    TODAY
  )
  const at = (ruleId: string, path?: string, resource?: { kind: string; namespace: string; name: string }) => exceptionFor(set, { ruleId, path: path === undefined ? undefined : rp(path), resource })?.entry

  it('matches the rule and a path glob', () => {
    expect(at('DKR-001', 'services/legacy/api/Dockerfile')).toBe(1)
    expect(at('DKR-001', 'Dockerfile.old')).toBe(1)
    expect(at('DKR-001', 'services/api/Dockerfile')).toBeUndefined()
    expect(at('DKR-002', 'services/legacy/api/Dockerfile')).toBeUndefined()
  })

  it('never matches a path or resource it does not know', () => {
    expect(at('DKR-001', undefined)).toBeUndefined()
    expect(at('K8S-PRIV', 'k8s/agent.yaml', undefined)).toBeUndefined()
  })

  it('matches a resource, the kind in any case and the namespace given or not', () => {
    expect(at('K8S-PRIV', 'k8s/agent.yaml', { kind: 'DaemonSet', namespace: 'kube-system', name: 'agent' })).toBe(2)
    expect(at('K8S-PRIV', 'k8s/agent.yaml', { kind: 'DaemonSet', namespace: 'kube-system', name: 'other' })).toBeUndefined()
  })

  it('an entry with neither paths nor resource covers the rule everywhere', () => {
    expect(at('ANY', undefined)).toBe(3)
  })
})
