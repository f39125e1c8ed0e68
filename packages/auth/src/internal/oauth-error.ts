import { redactText } from '@b2bkit/http'

// RFC 6749 §5.2: error is NQSCHAR (%x20-21 / %x23-5B / %x5D-7E).
const errorCode = /^[\x20\x21\x23-\x5b\x5d-\x7e]{1,100}$/
const maximumDescriptionLength = 300

/** The `error` and `error_description` of an OAuth error answer (JSON, JSON sent as text, or a form body). */
export function readOAuthError(
  data: unknown,
  secrets: Iterable<string | undefined>,
): { oauthError: string | undefined; errorDescription: string | undefined } {
  const fields = fieldsOf(data)
  const error = fields?.error
  const description = fields?.error_description
  return {
    oauthError: typeof error === 'string' && errorCode.test(error) ? redactText(error, secrets) : undefined,
    errorDescription:
      typeof description === 'string' && description.trim() !== ''
        ? redactText(description.replace(/\s+/g, ' ').trim(), secrets).slice(0, maximumDescriptionLength)
        : undefined,
  }
}

function fieldsOf(data: unknown): Record<string, unknown> | undefined {
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>
  if (typeof data !== 'string') return undefined
  try {
    return fieldsOf(JSON.parse(data) as unknown)
  } catch {
    return data.includes('error=') ? Object.fromEntries(new URLSearchParams(data)) : undefined
  }
}
