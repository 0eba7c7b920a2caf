/**
 * The simulator's scanner: a few of HSS's IaC rules, applied to the text of an uploaded file, so that
 * the risks of the demo and of the upload tests come from the files' real lines. It is deliberately
 * plain (line-based for Dockerfiles, the `yaml` package for manifests): an independent reading of the
 * file, not the gate's own parsers.
 *
 * Dockerfile: a `USER root` in the final stage, or no USER there at all (high); a FROM not pinned by
 * digest (medium); a RUN that pipes a download into a shell (high); no HEALTHCHECK in the final stage
 * (low); apt lists not removed (tips). Kubernetes YAML, per container of a workload: privileged
 * (high), runAsNonRoot not true (medium).
 */
import { isMap, parseAllDocuments, type YAMLMap } from 'yaml'
import type { SimRisk, SimRiskPath } from './scans.ts'

type Rule = Pick<SimRisk, 'rule_id' | 'risk_name' | 'risk_level' | 'risk_category' | 'description' | 'remediation'>

export const RULES = {
  userRoot: { rule_id: 'DF-USER-001', risk_name: 'Container runs as root', risk_level: 'high', risk_category: 'workload', description: 'The image runs its process as root: a breakout from the container starts with root on the host.', remediation: 'Add a USER instruction that switches to a non-root user before CMD' },
  noUser: { rule_id: 'DF-USER-002', risk_name: 'No USER instruction', risk_level: 'high', risk_category: 'workload', description: 'Without a USER instruction the image runs as root.', remediation: 'Add a USER instruction that switches to a non-root user' },
  unpinned: { rule_id: 'DF-FROM-002', risk_name: 'Base image not pinned by digest', risk_level: 'medium', risk_category: 'workload', description: 'A tag can be moved to another image; a digest cannot.', remediation: 'Pin the FROM image by @sha256 digest' },
  pipeToShell: { rule_id: 'DF-RUN-005', risk_name: 'Download piped into a shell', risk_level: 'high', risk_category: 'workload', description: 'A script fetched at build time runs unchecked.', remediation: 'Download, verify a checksum, then run' },
  noHealthcheck: { rule_id: 'DF-HC-003', risk_name: 'No HEALTHCHECK instruction', risk_level: 'low', risk_category: 'workload', description: 'The runtime cannot tell a hung container.', remediation: 'Add a HEALTHCHECK so the runtime can tell a hung container' },
  aptLists: { rule_id: 'DF-APT-007', risk_name: 'apt-get lists not removed', risk_level: 'tips', risk_category: 'workload', description: 'The package lists stay in the layer.', remediation: 'Remove /var/lib/apt/lists/* in the same RUN' },
  privileged: { rule_id: 'K8S-PRIV-001', risk_name: 'Privileged container', risk_level: 'high', risk_category: 'node_escape', description: 'A privileged container has every capability of the host.', remediation: 'Set securityContext.privileged to false' },
  runAsRoot: { rule_id: 'K8S-NONROOT-004', risk_name: 'Container may run as root', risk_level: 'medium', risk_category: 'access_control', description: 'Nothing stops the container from running as root.', remediation: 'Set securityContext.runAsNonRoot to true' }
} as const satisfies Record<string, Rule>

export function scanFile(type: 'dockerfile' | 'k8s_yaml', text: string): SimRisk[] {
  return type === 'dockerfile' ? scanDockerfile(text) : scanManifest(text)
}

/** The instructions of a Dockerfile, each on one line (continuations joined), grouped by stage. */
function stagesOf(text: string): string[][] {
  const instructions: string[] = []
  let pending = ''
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!pending && (line === '' || line.startsWith('#'))) continue
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `
      continue
    }
    instructions.push(`${pending}${line}`.replace(/\s+/g, ' ').trim())
    pending = ''
  }
  if (pending.trim()) instructions.push(pending.trim())
  const stages: string[][] = []
  for (const instruction of instructions) {
    if (/^FROM\s/i.test(instruction) || stages.length === 0) stages.push([])
    stages.at(-1)?.push(instruction)
  }
  return stages
}

function scanDockerfile(text: string): SimRisk[] {
  const stages = stagesOf(text)
  const final = stages.at(-1) ?? []
  const keyword = (instruction: string) => instruction.split(' ')[0]?.toUpperCase() ?? ''
  const risks: SimRisk[] = []
  const aliases = new Set(stages.map((stage) => /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(stage[0] ?? '')?.[1]?.toLowerCase()).filter(Boolean))
  for (const stage of stages) {
    for (const instruction of stage) {
      const image = /^FROM\s+(?:--\S+\s+)*(\S+)/i.exec(instruction)?.[1]
      if (image && image !== 'scratch' && !image.includes('@sha256:') && !aliases.has(image.toLowerCase())) risks.push({ ...RULES.unpinned, build_instruction: instruction })
      if (keyword(instruction) === 'RUN' && /\b(curl|wget)\b[^|]*\|\s*(ba)?sh\b/.test(instruction)) risks.push({ ...RULES.pipeToShell, build_instruction: instruction })
      if (keyword(instruction) === 'RUN' && /apt-get\s+install/.test(instruction) && !/\/var\/lib\/apt\/lists/.test(instruction)) risks.push({ ...RULES.aptLists, build_instruction: instruction })
    }
  }
  const users = final.filter((instruction) => keyword(instruction) === 'USER')
  const lastUser = users.at(-1)
  if (lastUser && /^USER\s+(root|0)(:\S+)?$/i.test(lastUser)) risks.push({ ...RULES.userRoot, build_instruction: lastUser })
  if (final.length && !lastUser) risks.push({ ...RULES.noUser, build_instruction: '' })
  if (final.length && !final.some((instruction) => keyword(instruction) === 'HEALTHCHECK')) risks.push({ ...RULES.noHealthcheck, build_instruction: '' })
  return risks
}

const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'Pod'])

function scanManifest(text: string): SimRisk[] {
  const hits = new Map<string, { rule: Rule; paths: SimRiskPath[] }>()
  const hit = (rule: Rule, path: SimRiskPath) => {
    const found = hits.get(rule.rule_id ?? '') ?? { rule, paths: [] }
    found.paths.push(path)
    hits.set(rule.rule_id ?? '', found)
  }
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || doc.errors.length || !isMap(doc.contents)) continue
    const object = doc.contents.toJSON() as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown }; spec?: unknown }
    const kind = typeof object.kind === 'string' ? object.kind : ''
    if (!WORKLOADS.has(kind)) continue
    const podPath = kind === 'Pod' ? ['spec'] : ['spec', 'template', 'spec']
    const pod = podPath.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), object)
    const containers = isObject(pod) && Array.isArray(pod.containers) ? pod.containers : []
    const resource = { resource_type: kind, namespace: typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : 'default', resource_name: typeof object.metadata?.name === 'string' ? object.metadata.name : '' }
    containers.forEach((container: unknown, i: number) => {
      const context = isObject(container) && isObject(container.securityContext) ? container.securityContext : {}
      const base = [...podPath, 'containers', String(i), 'securityContext']
      // Two of the formats a hit_path may come in: a JSON pointer, and a dotted path with indexes.
      if (context.privileged === true) hit(RULES.privileged, { ...resource, hit_path: `/${[...base, 'privileged'].join('/')}` })
      if (context.runAsNonRoot !== true) hit(RULES.runAsRoot, { ...resource, hit_path: [...podPath, `containers[${i}]`, 'securityContext', 'runAsNonRoot'].join('.') })
    })
  }
  return [...hits.values()].map(({ rule, paths }) => ({ ...rule, risk_num: paths.length, build_instruction: '', paths }))
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether the text reads as a file of the type (what HSS refuses otherwise): a Dockerfile instruction, or a YAML mapping with a kind. */
export function looksLike(type: 'dockerfile' | 'k8s_yaml', text: string): boolean {
  if (type === 'dockerfile') return stagesOf(text).some((stage) => stage.some((instruction) => /^[A-Za-z]+(\s|$)/.test(instruction)))
  try {
    return parseAllDocuments(text).some((doc) => 'contents' in doc && !doc.errors.length && isMap(doc.contents) && (doc.contents as YAMLMap).has('kind'))
  } catch {
    return false
  }
}
