import type { Plugin } from '@b2bkit/http'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createProblemError,
  isNotFoundError,
  isProblemError,
  type NotFoundError,
  type ParsedProblem,
  type ProblemError,
  type ProblemParser,
  type ProblemSource,
  problemDetails,
  problemFromResponse,
  type Violation,
} from './index.js'

describe('public types', () => {
  it('problemDetails is a plugin and takes parsers', () => {
    expectTypeOf(problemDetails()).toEqualTypeOf<Plugin>()
    expectTypeOf<ProblemParser>().parameter(0).toEqualTypeOf<ProblemSource>()
    expectTypeOf<ProblemParser>().returns.toEqualTypeOf<ParsedProblem | undefined>()
  })

  it('guards narrow to the class, with the problem fields typed', () => {
    const value: unknown = undefined
    if (isProblemError(value)) {
      expectTypeOf(value.status).toEqualTypeOf<number>()
      expectTypeOf(value.violations).toEqualTypeOf<readonly Violation[]>()
      expectTypeOf(value.response).toEqualTypeOf<Response | undefined>()
      expectTypeOf(value.retryAfterMs).toEqualTypeOf<number | undefined>()
    }
    if (isNotFoundError(value)) expectTypeOf(value).toEqualTypeOf<NotFoundError>()
  })

  it('factories return ProblemError', () => {
    expectTypeOf(createProblemError({ status: 404 })).toEqualTypeOf<ProblemError>()
    expectTypeOf(problemFromResponse(new Response())).resolves.toEqualTypeOf<ProblemError>()
  })
})
