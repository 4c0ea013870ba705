import { connect as netConnect } from 'node:net';
import { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

/** Opens the byte stream one hop of an exchange runs on. Failures arrive as `error` events. */
export type Connector = (url: URL) => Duplex;

/** Options for real network connections. */
export interface NetworkOptions {
  /**
   * Accept any TLS certificate (self-signed, expired, wrong name). Logto's fetch never does:
   * use it only for a local test endpoint. The default verifies as Node does, which honours
   * `NODE_EXTRA_CA_CERTS` for a private CA.
   */
  insecure?: boolean;
}

/**
 * Ports fetch refuses to connect to (Fetch Standard "bad port"; all 82 checked against Node
 * 20.20's fetch). A hook on one of them never gets Logto's request, so hooksim refuses too.
 */
export const FETCH_BAD_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113,
  115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556,
  563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667,
  6668, 6669, 6679, 6697, 10080,
]);

/** The error a bad port gives (classified like fetch's "bad port"). */
export class BadPortError extends Error {
  readonly code = 'HOOKSIM_BAD_PORT';
}

/** The port a URL connects to. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** A TCP (http:) or TLS (https:) connection, speaking HTTP/1.1 as Node's fetch does. */
export function networkConnector(options: NetworkOptions = {}): Connector {
  return (url) => {
    const port = portOf(url);
    // URL keeps IPv6 hosts in brackets; sockets want them bare.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (FETCH_BAD_PORTS.has(port)) {
      // No connection at all: a stream that fails at once, as fetch fails before connecting.
      const refused = new Duplex({ read() {}, write(_chunk, _encoding, callback) { callback(); } });
      queueMicrotask(() => refused.destroy(new BadPortError(`bad port ${port}`)));
      return refused;
    }
    if (url.protocol === 'https:') {
      return tlsConnect({
        host,
        port,
        // SNI is for names only, never for IP addresses.
        ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
        ALPNProtocols: ['http/1.1'],
        rejectUnauthorized: !options.insecure,
      });
    }
    return netConnect({ host, port });
  };
}
