/**
 * Self-hosted runners often reach Huawei Cloud only through a proxy. Node's fetch ignores
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY unless told otherwise; this tells it, at run time.
 */
import * as http from 'node:http'

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

type WithProxySupport = typeof http & { setGlobalProxyFromEnv?: (env?: NodeJS.ProcessEnv) => () => void }

/** Routes fetch through the proxy the environment names, honouring NO_PROXY. Returns what it did. */
export function useProxyFromEnv(env: NodeJS.ProcessEnv, module: WithProxySupport = http): 'none' | 'enabled' | 'unsupported' {
  if (!PROXY_VARIABLES.some((name) => env[name])) return 'none'
  // NODE_USE_ENV_PROXY (or --use-env-proxy) already made Node read them at start-up.
  if (env.NODE_USE_ENV_PROXY === '1') return 'enabled'
  if (typeof module.setGlobalProxyFromEnv !== 'function') return 'unsupported'
  module.setGlobalProxyFromEnv(env)
  return 'enabled'
}
