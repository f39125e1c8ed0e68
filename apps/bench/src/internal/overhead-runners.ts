// The four clients of the overhead figure, each reduced to "GET one item and parse its JSON".
import { createRequire } from 'node:module'
import { bearerAuth, clientCredentials } from '@b2bkit/auth'
import { etag } from '@b2bkit/etag'
import { createClient, type Plugin, requestMetrics } from '@b2bkit/http'
import { problemDetails } from '@b2bkit/problem'
import { rateLimit } from '@b2bkit/rate-limit'
import { Octokit } from '@octokit/core'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import ky from 'ky'
import { composeAfterResponse } from './compose-after-response.ts'
import { concurrency, type Runner } from './rounds.ts'

/** The clients of the overhead figure. */
export function createRunners(baseUrl: string): Runner[] {
  return [plainFetch(baseUrl), plainKy(baseUrl), octokit(baseUrl), b2bkit(baseUrl, false), b2bkit(baseUrl, true)]
}

function plainFetch(baseUrl: string): Runner {
  return {
    name: 'fetch',
    get: async (id) => {
      const response = await fetch(`${baseUrl}/items/${id}`)
      if (!response.ok) throw new Error(`status ${response.status}`)
      return response.json()
    },
  }
}

function plainKy(baseUrl: string): Runner {
  const api = ky.create({ baseUrl })
  return { name: 'ky', get: (id) => api.get(`items/${id}`).json() }
}

function octokit(baseUrl: string): Runner {
  // plugin-throttling sends GETs through a Bottleneck group capped at 10 in flight. To compare 64 in flight, it
  // gets a group with room for 64, built from the plugin's own copy of Bottleneck (not a dependency of ours).
  const requireFromPlugin = createRequire(import.meta.resolve('@octokit/plugin-throttling'))
  const Bottleneck = requireFromPlugin('bottleneck/light.js') as {
    Group: new (options: { maxConcurrent: number }) => unknown
  }
  const Client = Octokit.plugin(retry, throttling)
  // `global` is read by the plugin but missing from its types; a variable (not a literal) passes the type check.
  const throttle = {
    onRateLimit: () => false,
    onSecondaryRateLimit: () => false,
    global: new Bottleneck.Group({ maxConcurrent: concurrency }),
  }
  const client = new Client({ baseUrl, throttle })
  return { name: 'Octokit (retry + throttling)', get: (id) => client.request('GET /items/{id}', { id }) }
}

/** Every b2bkit plugin, configured as an application would, with limits far above the load. */
export function everyPlugin(baseUrl: string): Plugin[] {
  const tokens = clientCredentials({
    tokenUrl: `${baseUrl}/token`,
    clientId: 'overhead-bench',
    clientSecret: 'overhead-bench-secret',
    authMethod: 'basic',
  })
  return [
    requestMetrics(),
    bearerAuth(tokens),
    // A million requests per second per rule, and room in the queue for every request of a batch.
    rateLimit({ rules: [{ path: '/items/*', limit: 1_000_000, intervalMs: 1_000 }], maxQueued: 100_000 }),
    problemDetails(),
    etag(),
  ]
}

/** A client made by createClient() with `plugins`, and b2bkit's own options on. */
export function b2bkitRunner(name: string, baseUrl: string, plugins: readonly Plugin[]): Runner {
  const http = createClient({ baseUrl, userAgent: 'b2bkit-bench/0', onDeprecation: () => {}, plugins })
  return { name, get: (id) => http.get(`items/${id}`).json() }
}

function b2bkit(baseUrl: string, composed: boolean): Runner {
  const plugins = everyPlugin(baseUrl)
  if (composed)
    return b2bkitRunner('b2bkit, one afterResponse hook (prototype)', baseUrl, composeAfterResponse(plugins))
  return { ...b2bkitRunner('b2bkit (every plugin)', baseUrl, plugins), hasTarget: true }
}
