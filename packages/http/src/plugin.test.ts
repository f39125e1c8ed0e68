import { sendJson, startTestServer, type TestServer } from '@b2bkit/test-utils'
import ky, { type AfterResponseHook } from 'ky'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from './client.js'
import { definePlugin, foldHeadersOnlyHooks, headersOnly, isHeadersOnly } from './plugin.js'

let server: TestServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('headers-only afterResponse hooks', () => {
  it('share one clone with their neighbours, with at most one hook that may read the body per clone', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }, { 'x-n': '7' }))
    const seen: { name: string; response: Response }[] = []
    const watch = (name: string) =>
      definePlugin(name, {
        hooks: { afterResponse: [headersOnly(({ response }) => void seen.push({ name, response }))] },
      })
    const readsBody = (name: string) =>
      definePlugin(name, {
        hooks: {
          afterResponse: [
            async ({ response }) => void seen.push({ name: `${name}:${await response.text()}`, response }),
          ],
        },
      })
    const http = createClient({
      baseUrl: server.url,
      plugins: [watch('a'), watch('b'), readsBody('first'), watch('c'), readsBody('second'), watch('d')],
    })
    expect(await http.get('x').json()).toEqual({ ok: true })
    expect(seen.map((entry) => entry.name)).toEqual(['a', 'b', 'first:{"ok":true}', 'c', 'second:{"ok":true}', 'd'])
    const [a, b, first, c, second, d] = seen.map((entry) => entry.response)
    // a, b, first and c shared one clone; second (which reads the body too) and d got another.
    expect(b).toBe(a)
    expect(first).toBe(a)
    expect(c).toBe(a)
    expect(second).not.toBe(a)
    expect(d).toBe(second)
  })

  it('lets a hook in a run replace the response for the hooks after it, and stop the run with ky.retry()', async () => {
    let calls = 0
    server = await startTestServer((_request, response) => sendJson(response, calls++ === 0 ? 503 : 200, { calls }))
    const statuses: number[] = []
    const replace: AfterResponseHook = headersOnly(({ response }) =>
      response.status === 200
        ? new Response('{"replaced":true}', { status: 200, headers: response.headers })
        : undefined,
    )
    const retryOn503: AfterResponseHook = headersOnly(({ response }) =>
      response.status === 503 ? ky.retry({ delay: 0 }) : undefined,
    )
    const record: AfterResponseHook = headersOnly(({ response }) => void statuses.push(response.status))
    const http = createClient({
      baseUrl: server.url,
      retry: 1,
      hooks: { afterResponse: [retryOn503, replace, record] },
    })
    expect(await http.get('x').json()).toEqual({ replaced: true })
    // The 503 ended the run at retryOn503, so record saw only the second answer.
    expect(statuses).toEqual([200])
  })

  it('folds neighbours only, never two hooks that may read the body into one run', () => {
    const marked = () => headersOnly(() => undefined)
    const plain: AfterResponseHook = () => undefined
    const [first, second, third] = [marked(), marked(), marked()]
    const other: AfterResponseHook = () => undefined
    expect(foldHeadersOnlyHooks([first, second])).toHaveLength(1)
    expect(isHeadersOnly(foldHeadersOnlyHooks([first, second])[0] as AfterResponseHook)).toBe(true)
    // A run with a hook that may read the body is not headers-only itself; a second such hook starts a new run.
    const folded = foldHeadersOnlyHooks([first, plain, second, other, third])
    expect(folded).toHaveLength(2)
    expect(folded.map((hook) => isHeadersOnly(hook))).toEqual([false, false])
    expect(foldHeadersOnlyHooks([plain, other])).toEqual([plain, other])
    expect(isHeadersOnly(plain)).toBe(false)
  })
})
