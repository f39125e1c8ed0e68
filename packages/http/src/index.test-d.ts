import type { KyInstance } from 'ky'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type CursorPage,
  createClient,
  type DeprecationNotice,
  getRequestId,
  isB2bkitError,
  type Plugin,
  paginate,
} from './index.js'

describe('public types', () => {
  it('createClient returns a ky instance and takes plugins', () => {
    const plugin: Plugin = { name: 'p', options: { timeout: 1000 } }
    expectTypeOf(createClient({ baseUrl: 'https://example.com', plugins: [plugin] })).toEqualTypeOf<KyInstance>()
    expectTypeOf(createClient).parameter(0).toHaveProperty('onDeprecation')
  })

  it('paginate yields the item type of its pages', () => {
    const pages = paginate({ fetchPage: async (): Promise<number[]> => [] })
    expectTypeOf(pages).toEqualTypeOf<AsyncGenerator<number, void, undefined>>()
    const cursors = paginate({ fetchCursorPage: async (): Promise<CursorPage<string>> => ({ items: [] }) })
    expectTypeOf(cursors).toEqualTypeOf<AsyncGenerator<string, void, undefined>>()
  })

  it('guards narrow and helpers return what they say', () => {
    const value: unknown = undefined
    if (isB2bkitError(value)) expectTypeOf(value.code).toEqualTypeOf<string>()
    expectTypeOf(getRequestId(new Response())).toEqualTypeOf<string | undefined>()
    expectTypeOf<DeprecationNotice['endpoint']>().toEqualTypeOf<string>()
  })
})
