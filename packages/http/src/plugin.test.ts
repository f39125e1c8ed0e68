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
  it('run on one shared clone when they are neighbours, in order, and the body still reaches the caller', async () => {
    server = await startTestServer((_request, response) => sendJson(response, 200, { ok: true }, { 'x-n': '7' }))
    const seen: { name: string; response: Response }[] = []
    const watch = (name: string) =>
      definePlugin(name, {
        hooks: { afterResponse: [headersOnly(({ response }) => void seen.push({ name, response }))] },
      })
    const readsBody = definePlugin('reads-body', {
      hooks: {
        afterResponse: [async ({ response }) => void seen.push({ name: `body:${await response.text()}`, response })],
      },
    })
    const http = createClient({ baseUrl: server.url, plugins: [watch('a'), watch('b'), readsBody, watch('c')] })
    expect(await http.get('x').json()).toEqual({ ok: true })
    expect(seen.map((entry) => entry.name)).toEqual(['a', 'b', 'body:{"ok":true}', 'c'])
    // a and b shared one clone; the body-reading hook and c each got their own, as ky gives every hook.
    expect(seen[0]?.response).toBe(seen[1]?.response)
    expect(seen[2]?.response).not.toBe(seen[1]?.response)
    expect(seen[3]?.response).not.toBe(seen[2]?.response)
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

  it('folds only neighbours, and leaves unmarked hooks and plain ky alone', () => {
    const marked = () => headersOnly(() => undefined)
    const plain: AfterResponseHook = () => undefined
    const [first, second, third] = [marked(), marked(), marked()]
    const folded = foldHeadersOnlyHooks([first, second, plain, third])
    expect(folded).toHaveLength(3)
    expect(isHeadersOnly(folded[0] as AfterResponseHook)).toBe(true)
    expect(folded[1]).toBe(plain)
    expect(folded[2]).toBe(third)
    expect(isHeadersOnly(plain)).toBe(false)
  })
})
