// Test-only (Node): a server that keeps JSON resources with versions and enforces If-Match as SieSmart does.
import type { ServerResponse } from 'node:http'
import { type LocalServer, type SeenRequest, serve } from './test-server.js'

/** How the server writes an ETag: quoted (`"v3"`) or, as SieSmart does, a bare date-time. */
export type EtagStyle = 'quoted' | 'date-time'

/** A running versioned-resource server, with its state open to the test. */
export interface VersionedServer extends LocalServer {
  resources: Map<string, { version: number; value: Record<string, unknown> }>
  /** How many writes the server accepted. */
  accepted: number
  /** The ETag the server gives a resource now. */
  etagOf(path: string): string
  /** What happens after a GET is answered, to script another writer between a read and a write. */
  afterRead?: ((path: string) => void) | undefined
}

/**
 * GET answers the resource with its ETag (304 when `If-None-Match` matches); POST to a collection creates a
 * resource (201, `Location`, `ETag`, no `If-Match` needed); PUT, PATCH and DELETE on a resource or any path below
 * it need the resource's current ETag in `If-Match`, or get a 412 problem.
 */
export async function serveVersioned(style: EtagStyle = 'quoted'): Promise<VersionedServer> {
  const resources: VersionedServer['resources'] = new Map()
  const etagOf = (path: string) => {
    const version = resources.get(path)?.version ?? 0
    return style === 'quoted' ? `"v${version}"` : new Date(Date.UTC(2026, 0, 1) + version * 1000).toISOString()
  }
  let nextId = 1
  const server: VersionedServer = Object.assign(await serve((request, response) => answer(server, request, response)), {
    resources,
    accepted: 0,
    etagOf,
  })
  function answer(state: VersionedServer, request: SeenRequest, response: ServerResponse): void {
    const path = request.path.split('?', 1)[0] ?? '/'
    const root = /^\/[a-z]+\/\d+/.exec(path)?.[0] ?? path
    const resource = resources.get(root)
    if (request.method === 'POST' && !resource) {
      const location = `${path}/${nextId++}`
      resources.set(location, { version: 1, value: JSON.parse(request.body || '{}') })
      state.accepted++
      send(response, 201, resources.get(location)?.value, { location, etag: etagOf(location) })
      return
    }
    if (!resource) {
      send(response, 404, { title: 'Not Found', detail: `${path} does not exist` })
      return
    }
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (request.headers['if-none-match'] === etagOf(root)) {
        response.writeHead(304, { etag: etagOf(root) }).end()
      } else {
        send(response, 200, path === root ? resource.value : resource.value[path.slice(root.length + 1)], {
          etag: etagOf(root),
        })
      }
      state.afterRead?.(root)
      return
    }
    if (request.headers['if-match'] !== etagOf(root)) {
      const detail = `If-Match ${request.headers['if-match'] ?? '(none)'} does not match ${etagOf(root)}`
      send(response, 412, { title: 'Precondition Failed', detail })
      return
    }
    state.accepted++
    if (request.method === 'DELETE') {
      resources.delete(root)
      send(response, 204, undefined)
      return
    }
    const body = JSON.parse(request.body || 'null')
    resource.version++
    if (path === root) resource.value = body
    else resource.value[path.slice(root.length + 1)] = body
    send(response, 200, body, { etag: etagOf(root) })
  }
  return server
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json'
  response.writeHead(status, body === undefined ? headers : { 'content-type': type, ...headers })
  response.end(body === undefined ? undefined : JSON.stringify(body))
}
