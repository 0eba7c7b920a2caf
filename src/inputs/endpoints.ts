/** Default HSS and IAM endpoints of a region. */

/** Regions whose services live under another top-level domain. */
const DOMAIN_BY_REGION: Readonly<Record<string, string>> = {
  'eu-west-101': 'myhuaweicloud.eu'
}

const DEFAULT_DOMAIN = 'myhuaweicloud.com'

export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z0-9]+)+-\d+$/

export function serviceEndpoint(service: 'hss' | 'iam', region: string): string {
  return `https://${service}.${region}.${DOMAIN_BY_REGION[region] ?? DEFAULT_DOMAIN}`
}
