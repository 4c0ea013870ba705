import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = new URL('../fixtures/tls/', import.meta.url);

/**
 * A self-signed certificate for 127.0.0.1: made now with `openssl` when it is installed,
 * else the test-only one shipped under test/fixtures/tls.
 */
export function selfSignedCertificate(): { cert: string; key: string; source: 'openssl' | 'fixture' } {
  const dir = mkdtempSync(join(tmpdir(), 'hooksim-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
        '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8'), source: 'openssl' };
  } catch {
    return { cert: readFileSync(new URL('self-signed.crt', FIXTURES), 'utf8'), key: readFileSync(new URL('self-signed.key', FIXTURES), 'utf8'), source: 'fixture' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
