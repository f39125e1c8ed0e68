import packageJson from '../package.json' with { type: 'json' }

/** The version of `@b2bkit/http`, as published. */
export const version: string = packageJson.version

/** The `User-Agent` b2bkit sends: `b2bkit/<version>`, then the app's own suffix when given. */
export function userAgentOf(suffix?: string): string {
  return suffix ? `b2bkit/${version} ${suffix}` : `b2bkit/${version}`
}
