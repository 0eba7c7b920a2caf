/**
 * Where in a Kubernetes YAML file each risk sits (ListIacFileRiskPaths: one call per file and rule,
 * with a budget of its own of 5 calls a minute). Locations are reporting: the pairs whose risks can
 * break the gate are asked first, the rest while the deadline allows, and whatever is not read in
 * time stays at file level. They never change a verdict, except that with `changed-lines` a risk
 * without a line counts as changed.
 */
import type { HssError } from '../../errors.ts'
import { clip } from '../../escape.ts'
import type { HssClient } from '../../hss/client.ts'
import { isRecord, text } from '../../hss/fields.ts'
import type { ResourceRef } from '../../repo/k8s-yaml.ts'
import { isRefusal, PAGE_LIMIT, readListing, type ListingOptions } from '../paging/listing.ts'
import type { WorkQueue } from '../paging/queue.ts'

/** One place HSS says a rule hit: a resource, and the path inside it. */
export interface RiskPath {
  resource: ResourceRef
  hitPath: string
}

/** Paths by `pairKey(fileId, ruleId)`; a string says (in the action's own words) why they could not be read. */
export type RiskPaths = Map<string, RiskPath[] | string>

export const pairKey = (fileId: string, ruleId: string): string => `${fileId}\u0000${ruleId}`

/** Paths of one rule in one file beyond this are not read: nobody reads 1,000 places of one rule. */
export const MAX_PATHS_PER_PAIR = 1000

export interface PathRequest {
  fileId: string
  ruleId: string
  /** The risk's severity rank (0 for a level HSS does not document, then high 1 … tips 4): lower is asked first. */
  rank?: number
}

/**
 * Reads the pairs the queue hands over (the risk reader adds them while it reads; the most urgent
 * first), until it closes. At the deadline, or at a refusal (401, 403: a permission error, said as
 * such, and no later call would differ), it stops asking, and says why for every pair still to come.
 */
export async function readPathFeed(client: HssClient, queue: WorkQueue<PathRequest>, options: Omit<ListingOptions, 'maxRows'>): Promise<{ paths: RiskPaths; refused?: HssError }> {
  const found: RiskPaths = new Map()
  let stopped: string | undefined
  let refused: HssError | undefined
  for (let pair = await queue.next(); pair; pair = await queue.next()) {
    const key = pairKey(pair.fileId, pair.ruleId)
    if (found.has(key)) continue
    if (!stopped && options.clock.now() >= options.deadline) stopped = 'HSS\'s path was not read before the time-out'
    if (stopped) {
      found.set(key, stopped)
      continue
    }
    const paths: RiskPath[] = []
    const listing = await readListing(
      (page, timeoutMs) => client.listIacFileRiskPaths(pair.fileId, pair.ruleId, page, timeoutMs),
      (items) => {
        for (const row of items) if (isRecord(row)) paths.push(pathOf(row))
        return undefined
      },
      { ...options, maxRows: MAX_PATHS_PER_PAIR + PAGE_LIMIT }
    )
    if (!listing.ok && isRefusal(listing.error) && listing.error) {
      refused = listing.error
      stopped = 'HSS refused to say where it sits'
      found.set(key, stopped)
      continue
    }
    if (!listing.ok && !listing.outOfTime) options.log(`Could not read where rule ${clip(pair.ruleId, 64)} hits: ${listing.why}; its risks stay at file level`)
    found.set(key, listing.ok ? paths : listing.outOfTime ? 'HSS\'s path was not read before the time-out' : 'HSS\'s path could not be read')
  }
  return refused ? { paths: found, refused } : { paths: found }
}

function pathOf(row: Record<string, unknown>): RiskPath {
  return {
    resource: { kind: clip(text(row.resource_type) ?? '', 253), namespace: clip(text(row.namespace) ?? '', 253), name: clip(text(row.resource_name) ?? '', 253) },
    hitPath: clip(text(row.hit_path) ?? '', 1000)
  }
}
