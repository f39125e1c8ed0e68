// The reason phrases of RFC 9110 section 15, used as the `title` of a problem that has none: RFC 9457 section
// 4.2.1 says a problem of type "about:blank" should carry the status code's reason phrase as its title.
const reasonPhrases: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  425: 'Too Early',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The reason phrase of `status`, or the server's status text, or `HTTP <status>`. */
export function reasonPhrase(status: number, statusText = ''): string {
  return reasonPhrases[status] ?? (statusText.trim() || `HTTP ${status}`)
}
