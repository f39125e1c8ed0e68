import { etag } from '@b2bkit/etag'
import { createClient } from '@b2bkit/http'
import { problemDetails } from '@b2bkit/problem'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anyHeaderText } from '../support/arbitraries.js'
import { fuzzParameters, fuzzTimeoutMs } from '../support/fuzz.js'
import { type ScriptedServer, startScriptedServer } from '../support/scripted-server.js'

/** ETags as servers send them: strong, weak, SieSmart's bare date-times, lists, `*`, and junk. */
const etagValue = fc.oneof(
  fc.stringMatching(/^[!#-~]{0,40}$/).map((opaque) => `"${opaque}"`),
  fc.stringMatching(/^[!#-~]{0,40}$/).map((opaque) => `W/"${opaque}"`),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom('*', '"a", "b"', 'W/', '""', 'W/""', '"unterminated', 'bare'),
  anyHeaderText,
)

/** What fetch makes of a header value: HTTP whitespace at the edges is dropped. */
const asReceived = (value: string) => value.replace(/^[\t ]+|[\t ]+$/g, '')

describe('ETags (fuzzed, over HTTP)', () => {
  let server: ScriptedServer
  beforeAll(async () => {
    server = await startScriptedServer()
  })
  afterAll(() => server.close())

  it(
    'sends back whatever ETag the server gave, byte for byte, as If-Match and If-None-Match, and serves a 304 from cache',
    async () => {
      let resource = 0
      await fc.assert(
        fc.asyncProperty(etagValue, fc.jsonValue({ maxDepth: 2 }), async (sentEtag, document) => {
          const path = `things/${resource++}`
          const body = JSON.stringify({ document })
          const stored = asReceived(sentEtag)
          server.answer((request) => {
            if (request.method === 'GET' && request.headers['if-none-match'] !== undefined)
              return { status: 304, headers: { etag: sentEtag } }
            return { status: 200, headers: { 'content-type': 'application/json', etag: sentEtag }, body }
          })
          server.received.length = 0
          const http = createClient({ baseUrl: server.url, retry: 0, plugins: [problemDetails(), etag()] })
          const first = await http.get(path).json()
          await http.put(path, { json: { changed: true } })
          const second = await http.get(path).json()
          const [, write, reread] = server.received
          // Exactly as received, even an empty ETag (sent back as an empty If-Match, as @b2bkit/etag documents).
          expect(write?.headers['if-match']).toBe(stored)
          expect(second).toEqual(first)
          if (reread?.headers['if-none-match'] !== undefined) expect(reread.headers['if-none-match']).toBe(stored)
        }),
        fuzzParameters('http'),
      )
    },
    fuzzTimeoutMs('http'),
  )
})
