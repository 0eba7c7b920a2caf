/**
 * A link to the HSS console of the task's region. Huawei Cloud serves its console from three
 * domains: mainland China's regions (cn-*) at console.huaweicloud.com, eu-west-101 at
 * console.eu.huaweicloud.com, and every other region at console-intl.huaweicloud.com; a service's
 * page is `/{service}/?region={region}`. So the pattern is
 *   https://{console domain}/hss/?region={region}
 * It opens HSS in that region; the task is then found by the id the summary shows.
 */
import { REGION_PATTERN } from '../inputs/endpoints.ts'

/** The region's HSS console, or undefined when the region is not known (a custom endpoint, no region). */
export function consoleUrl(region: string | undefined, endpoint: string): string | undefined {
  const name = region ?? regionOfEndpoint(endpoint)
  if (!name || !REGION_PATTERN.test(name)) return undefined
  const domain = name === 'eu-west-101' ? 'console.eu.huaweicloud.com' : name.startsWith('cn-') ? 'console.huaweicloud.com' : 'console-intl.huaweicloud.com'
  return `https://${domain}/hss/?region=${name}`
}

/** `https://hss.ap-southeast-1.myhuaweicloud.com` → `ap-southeast-1`. */
function regionOfEndpoint(endpoint: string): string | undefined {
  try {
    return /^hss\.([a-z0-9-]+)\.myhuaweicloud\.(?:com|eu)$/.exec(new URL(endpoint).hostname)?.[1]
  } catch {
    return undefined
  }
}
