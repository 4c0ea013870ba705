import type { TransportError } from '../core/types.js';

/** A marker the transports abort with, so a timeout is told apart from other aborts. */
export class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no reply within ${timeoutMs} ms`);
  }
}

function codeOf(error: unknown): string | undefined {
  let node: unknown = error;
  for (let depth = 0; depth < 4 && node && typeof node === 'object'; depth++) {
    const code = (node as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    node = (node as { cause?: unknown }).cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let node: unknown = error;
  let message = error instanceof Error ? error.message : String(error);
  for (let depth = 0; depth < 4 && node instanceof Error; depth++) {
    message = node.message || message;
    node = node.cause;
  }
  return message;
}

/** Certificate problems Node reports while verifying a server (OpenSSL's names). */
const CERT_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET_ISSUER|VERIFY)|ERR_TLS_|ERR_SSL_/;

/** Names a network failure the way a person debugging a hook needs it. */
export function classifyNetworkError(error: unknown, where: string): TransportError {
  if (error instanceof AttemptTimeout) return { kind: 'timeout', message: `${error.message} from ${where}` };
  if (error && typeof error === 'object' && (error as { cause?: unknown }).cause instanceof AttemptTimeout) {
    return classifyNetworkError((error as { cause: unknown }).cause, where);
  }
  const code = codeOf(error);
  switch (code) {
    case 'ECONNREFUSED':
      return { kind: 'connection-refused', message: `connection refused by ${where} (is the hook running?)` };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return { kind: 'dns', message: `DNS lookup failed for ${where} (${code})` };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { kind: 'connection-reset', message: `connection reset by ${where} before a complete reply (${code})` };
    case 'HOOKSIM_BAD_PORT':
      return { kind: 'network', message: `fetch refuses to connect to ${where}: the port is on fetch's blocked-port list (Logto's fetch would refuse it too); use another port` };
    default:
      if (code && CERT_CODES.test(code)) {
        return {
          kind: 'tls',
          message: `TLS certificate of ${where} rejected: ${innermostMessage(error)} (${code}); Logto's fetch rejects it too; for a local test endpoint use the target { url, insecure: true }, or trust its CA with NODE_EXTRA_CA_CERTS=ca.pem`,
        };
      }
      if (/bad port/i.test(innermostMessage(error))) {
        return { kind: 'network', message: `fetch refuses to connect to ${where}: the port is on fetch's blocked-port list (Logto's fetch would refuse it too); use another port` };
      }
      return { kind: 'network', message: `network error talking to ${where}: ${innermostMessage(error)}${code ? ` (${code})` : ''}` };
  }
}
