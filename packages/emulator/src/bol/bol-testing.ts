import type { Emulator } from '../core/emulator.js'
import type { BolState } from './bol-state.js'
import type { BolCredentials } from './bol-token-endpoint.js'

/** Test helper: fetches a token from a bol emulator with its demo credentials. */
export async function bolToken(emulator: Emulator<BolState, BolCredentials>): Promise<string> {
  const { clientId, clientSecret } = emulator.credentials
  const response = await fetch(`${emulator.tokenUrl}?grant_type=client_credentials`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      accept: 'application/json',
    },
  })
  const body = (await response.json()) as { access_token: string }
  return body.access_token
}

/** Test helper: a fetch against the bol emulator with a token and the v10 media types. */
export function bolFetcher(emulator: Emulator<BolState, BolCredentials>, token: string) {
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.retailer.v10+json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/vnd.retailer.v10+json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
}

/** Test helper: polls a process status until it is no longer `PENDING`. */
export async function waitForProcess(
  request: ReturnType<typeof bolFetcher>,
  processStatusId: string,
  timeoutMs = 5_000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const status = (await (await request(`/shared/process-status/${processStatusId}`)).json()) as Record<
      string,
      unknown
    >
    if (status.status !== 'PENDING' || Date.now() > deadline) return status
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
