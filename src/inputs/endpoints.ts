/** Default HSS and IAM endpoints of a region. */

/** Regions whose services live under another top-level domain. */
const DOMAIN_BY_REGION: Readonly<Record<string, string>> = {
  'eu-west-101': 'myhuaweicloud.eu'
}

const DEFAULT_DOMAIN = 'myhuaweicloud.com'

export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/

/** Huawei Cloud's regions (shared/hss-api.md). A region not here needs an explicit endpoint. */
export const KNOWN_REGIONS = [
  'cn-north-1', 'cn-north-2', 'cn-north-4', 'cn-north-9', 'cn-north-11', 'cn-north-12',
  'cn-east-2', 'cn-east-3', 'cn-east-4', 'cn-east-5',
  'cn-south-1', 'cn-south-2', 'cn-south-4',
  'cn-southwest-2', 'cn-southwest-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4',
  'af-south-1', 'sa-brazil-1', 'la-south-2', 'la-north-2', 'na-mexico-1',
  'tr-west-1', 'ae-ad-1', 'me-east-1', 'my-kualalumpur-1', 'ru-moscow-1', 'eu-west-101'
] as const

export function isKnownRegion(region: string): boolean {
  return (KNOWN_REGIONS as readonly string[]).includes(region)
}

/** The known regions nearest to a mistyped one (by edit distance), nearest first. */
export function nearRegions(region: string, max = 3): string[] {
  return KNOWN_REGIONS.map((known) => ({ known, distance: editDistance(region, known) }))
    .filter((r) => r.distance <= Math.max(2, Math.floor(region.length / 4)))
    .sort((a, b) => a.distance - b.distance || a.known.localeCompare(b.known))
    .slice(0, max)
    .map((r) => r.known)
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j] ?? 0
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = kept
    }
  }
  return row[b.length] ?? 0
}

export function serviceEndpoint(service: 'hss' | 'iam', region: string): string {
  return `https://${service}.${region}.${DOMAIN_BY_REGION[region] ?? DEFAULT_DOMAIN}`
}
