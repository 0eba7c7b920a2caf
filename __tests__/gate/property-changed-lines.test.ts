/**
 * `fail-on-risk-scope: changed-lines` over random Dockerfiles and Kubernetes YAML, random edits
 * (lines added, changed, deleted and moved) and risks, with the pull request's patch made by jsdiff as
 * GitHub makes it. The rules, from the contract:
 *  - a risk about something missing is placed by a fallback (the final stage's FROM; a missing key's
 *    nearest parent) and stands for its stage or resource: when the edit touched that stage or
 *    resource in any way, the risk is never pre-existing;
 *  - a risk at an instruction or key is never pre-existing when any line its text matches was added
 *    or changed (a risky RUN added to a builder stage reads like an old one in the final stage).
 * The ground truth comes from jsdiff's own change list and from comparing the old and new versions,
 * never from the gate's reading of the patch.
 */
import { describe, expect, it } from '@jest/globals'
import { diffLines, structuredPatch } from 'diff'
import fc from 'fast-check'
import { assessRisks, type Location } from '../../src/gate/risks/findings.ts'
import { locateRisk, parsedFiles } from '../../src/gate/risks/locate-risks.ts'
import { changesOf } from '../../src/repo/changes.ts'
import { noCheckout, type Checkout } from '../../src/repo/checkout.ts'
import type { Risk } from '../../src/gate/risks/risks.ts'
import { known, rp } from '../../__fixtures__/paths.ts'
import { readingOf, riskRow } from '../../__fixtures__/report.ts'

const seed = Number(process.env.PROPERTY_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** The pull request's patch of one file, as GitHub shows it. */
function patchOf(before: string, after: string): string {
  return structuredPatch('a', 'b', before, after, '', '', { context: 3 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n')
}

/** The new version's lines that jsdiff counts as added (1-based). */
function addedByDiff(before: string, after: string): Set<number> {
  const added = new Set<number>()
  let line = 1
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0
    if (part.added) for (let i = 0; i < count; i++) added.add(line + i)
    if (!part.removed) line += count
  }
  return added
}

/** A checkout holding one file. */
function checkoutOf(path: string, text: string): Checkout {
  return { ...noCheckout, root: '/checkout', resolve: () => ({ kind: 'found', path: rp(path) }), read: () => ({ kind: 'text', text }) }
}

/** Judges `risks` of the new version of `path` under changed-lines; each finding's scope, by risk. */
function scopes(path: string, kind: 'dockerfile' | 'k8s_yaml', before: string, after: string, risks: Risk[], paths?: (risk: Risk) => { resource: { kind: string; namespace: string; name: string }; hitPath: string }[]): Map<Risk, string[]> {
  const changes = known(changesOf([{ filename: path, status: 'modified', patch: patchOf(before, after) }]))
  const checkout = checkoutOf(path, after)
  const files = parsedFiles(checkout)
  const locations = new Map<Risk, Location[]>(risks.map((risk) => [risk, locateRisk(risk, kind, checkout, files, paths?.(risk))]))
  const assessment = assessRisks({ level: 'high', reading: readingOf(risks), locations, exceptionFor: () => undefined, scope: { mode: 'changed-lines', changes } })
  const out = new Map<Risk, string[]>()
  for (const finding of assessment.findings) out.set(finding.risk, [...(out.get(finding.risk) ?? []), finding.scope])
  return out
}

// ── Dockerfiles ───────────────────────────────────────────────────────────────────────────────
const BODY = ['USER root', 'USER app', 'RUN curl -fsSL https://x | sh', 'RUN make', 'WORKDIR /app', 'COPY . .', 'HEALTHCHECK CMD true', 'EXPOSE 80'] as const
type Stages = string[][]
const stagesArb = fc.array(fc.array(fc.constantFrom(...BODY), { maxLength: 5 }), { minLength: 1, maxLength: 3 })
const editArb = fc.oneof(
  fc.record({ op: fc.constant('add' as const), stage: fc.nat(), at: fc.nat(), text: fc.constantFrom(...BODY) }),
  fc.record({ op: fc.constant('delete' as const), stage: fc.nat(), at: fc.nat() }),
  fc.record({ op: fc.constant('change' as const), stage: fc.nat(), at: fc.nat(), text: fc.constantFrom(...BODY) }),
  fc.record({ op: fc.constant('move' as const), stage: fc.nat(), at: fc.nat(), to: fc.nat(), toAt: fc.nat() })
)
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never

/** The edits applied to the stages' bodies (a FROM is never added or removed, so stages keep their order). */
function edited(stages: Stages, edits: Edit[]): Stages {
  const out = stages.map((body) => [...body])
  for (const edit of edits) {
    const body = out[edit.stage % out.length] ?? []
    if (edit.op === 'add') body.splice(edit.at % (body.length + 1), 0, edit.text)
    else if (!body.length) continue
    else if (edit.op === 'delete') body.splice(edit.at % body.length, 1)
    else if (edit.op === 'change') body[edit.at % body.length] = edit.text
    else {
      const [moved] = body.splice(edit.at % body.length, 1)
      const target = out[edit.to % out.length] ?? []
      if (moved) target.splice(edit.toAt % (target.length + 1), 0, moved)
    }
  }
  return out
}

const dockerfileOf = (stages: Stages) => `${stages.map((body, i) => [`FROM base-${i}`, ...body].join('\n')).join('\n')}\n`

describe(`changed-lines on Dockerfiles (PROPERTY_SEED=${seed})`, () => {
  it('a missing-instruction risk whose final stage the edit touched, or an instruction risk on a line the edit added, is never pre-existing', () => {
    fc.assert(
      fc.property(stagesArb, fc.array(editArb, { minLength: 1, maxLength: 4 }), fc.constantFrom(...BODY), (stages, edits, text) => {
        const after = edited(stages, edits)
        const [before, next] = [dockerfileOf(stages), dockerfileOf(after)]
        if (before === next) return
        const missing = riskRow('high', 'No HEALTHCHECK', { rule_id: 'MISSING', build_instruction: '' })
        const present = riskRow('high', 'An instruction', { rule_id: 'PRESENT', build_instruction: text })
        const risks = next.split('\n').includes(text) ? [missing, present] : [missing]
        const found = scopes('Dockerfile', 'dockerfile', before, next, risks)
        const context = JSON.stringify({ before, next, text })

        const finalTouched = JSON.stringify(stages.at(-1)) !== JSON.stringify(after.at(-1))
        if (finalTouched) expect({ context, scope: found.get(missing) }).toEqual({ context, scope: ['changed'] })

        const added = addedByDiff(before, next)
        const lines = next.split('\n').flatMap((line, i) => (line === text ? [i + 1] : []))
        if (risks.includes(present) && lines.some((n) => added.has(n))) expect({ context, scope: found.get(present) }).toEqual({ context, scope: ['changed'] })
      }),
      { numRuns: 600, seed }
    )
  })
})

// ── Kubernetes YAML ───────────────────────────────────────────────────────────────────────────
interface Container {
  privileged?: boolean
  runAsNonRoot?: boolean
}
const deploymentsArb = fc.array(fc.array(fc.record<Container>({ privileged: fc.option(fc.boolean(), { nil: undefined }), runAsNonRoot: fc.option(fc.constant(true), { nil: undefined }) }), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
const yamlEditArb = fc.record({ doc: fc.nat(), container: fc.nat(), key: fc.constantFrom('privileged' as const, 'runAsNonRoot' as const), value: fc.option(fc.boolean(), { nil: undefined }) })

function manifestOf(deployments: Container[][]): string {
  return `${deployments
    .map((containers, d) =>
      [
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: app-${d}`,
        '  namespace: prod',
        'spec:',
        '  template:',
        '    spec:',
        '      containers:',
        ...containers.flatMap((c, i) => {
          const keys = [...(c.privileged === undefined ? [] : [`            privileged: ${c.privileged}`]), ...(c.runAsNonRoot === undefined ? [] : [`            runAsNonRoot: ${c.runAsNonRoot}`])]
          return [`        - name: c${i}`, `          image: img:${i}`, ...(keys.length ? ['          securityContext:', ...keys] : [])]
        })
      ].join('\n')
    )
    .join('\n')}\n`
}

/** The line (1-based) of container i's `privileged: true` in document d. */
function privilegedLine(text: string, d: number, i: number): number {
  const lines = text.split('\n')
  const doc = lines.indexOf(`  name: app-${d}`)
  const container = lines.findIndex((line, n) => n > doc && line === `        - name: c${i}`)
  const end = lines.findIndex((line, n) => n > container && (line.startsWith('        - name:') || line === '---'))
  return lines.findIndex((line, n) => n > container && (end < 0 || n < end) && line.trim() === 'privileged: true') + 1
}

describe(`changed-lines on Kubernetes YAML (PROPERTY_SEED=${seed})`, () => {
  it('a missing-key risk whose resource the edit touched, or a key risk on a line the edit added or changed, is never pre-existing', () => {
    fc.assert(
      fc.property(deploymentsArb, fc.array(yamlEditArb, { minLength: 1, maxLength: 4 }), (deployments, edits) => {
        const after = deployments.map((containers) => containers.map((c) => ({ ...c })))
        for (const edit of edits) {
          const containers = after[edit.doc % after.length] ?? []
          const container = containers[edit.container % containers.length]
          if (container) container[edit.key] = edit.key === 'runAsNonRoot' ? (edit.value ? true : undefined) : (edit.value ?? undefined)
        }
        const [before, next] = [manifestOf(deployments), manifestOf(after)]
        if (before === next) return
        const context = JSON.stringify({ before, next })
        const added = addedByDiff(before, next)
        after.forEach((containers, d) => {
          const resource = { kind: 'Deployment', namespace: 'prod', name: `app-${d}` }
          const touched = JSON.stringify(deployments[d]) !== JSON.stringify(containers)
          containers.forEach((c, i) => {
            const key = c.runAsNonRoot ? undefined : 'runAsNonRoot'
            const risks: { risk: Risk; path: string; missing: boolean }[] = [
              ...(key ? [{ risk: riskRow('high', 'May run as root', { rule_id: `NONROOT-${d}-${i}`, file_name: 'k8s/app.yaml' }), path: `spec.template.spec.containers[${i}].securityContext.runAsNonRoot`, missing: true }] : []),
              ...(c.privileged ? [{ risk: riskRow('high', 'Privileged', { rule_id: `PRIV-${d}-${i}`, file_name: 'k8s/app.yaml' }), path: `spec.template.spec.containers[${i}].securityContext.privileged`, missing: false }] : [])
            ]
            if (!risks.length) return
            const found = scopes('k8s/app.yaml', 'k8s_yaml', before, next, risks.map((r) => r.risk), (risk) => [{ resource, hitPath: risks.find((r) => r.risk === risk)?.path ?? '' }])
            for (const r of risks) {
              const mustChange = r.missing ? touched : added.has(privilegedLine(next, d, i))
              if (mustChange) expect({ context, rule: r.risk.rule_id, scope: found.get(r.risk) }).toEqual({ context, rule: r.risk.rule_id, scope: ['changed'] })
            }
          })
        })
      }),
      { numRuns: 400, seed }
    )
  })
})
