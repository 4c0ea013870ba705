/**
 * Broken: provisions per device correctly but never checks the signature. Anyone who finds the
 * URL can enroll devices for any user. `hooksim check` and the scenarios' `deviate: signature`
 * steps (missing, tampered, wrong key, stale timestamp) see it accept what it should refuse with 401.
 */
import { nodeDoor, type EnrollmentHook, type Reply } from '../hook.js';

export function createUnverifiedHook(): EnrollmentHook {
  const provisioned = new Map<string, number>();
  const receive = (raw: Uint8Array): Reply => {
    // The mistake: no verifyStandardWebhook(...) before trusting the body.
    const payload = JSON.parse(Buffer.from(raw).toString('utf8')) as { data: { user: { id: string }; deviceIdentifier: string } };
    const device = `${payload.data.user.id}:${payload.data.deviceIdentifier}`;
    if (provisioned.has(device)) return { status: 200, body: { action: 'skip', reason: 'device already provisioned' } };
    provisioned.set(device, 1);
    return { status: 200, body: { action: 'provision' } };
  };
  const hook = { receive, provisioned };
  return { ...hook, nodeHandler: nodeDoor(hook) };
}
