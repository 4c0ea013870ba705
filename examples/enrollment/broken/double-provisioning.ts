/**
 * Broken: verifies the signature, but provisions on every delivery. A re-enrollment of the same
 * device, a retry or a replayed message provisions the device again (two licences, two keys...).
 * `hooksim check` finds it with an effect (`provisions: 1` after a duplicate delivery), and the
 * re-enrollment scenario sees `action: provision` where `skip` is due.
 */
import { nodeDoor, verifyStandardWebhook, type EnrollmentHook, type Reply } from '../hook.js';

export function createDoubleProvisioningHook(options: { signingKey: string; now?: () => number }): EnrollmentHook {
  const now = options.now ?? Date.now;
  const provisioned = new Map<string, number>();
  const receive = (raw: Uint8Array, headers: Record<string, string | undefined>): Reply => {
    if (!verifyStandardWebhook(options.signingKey, raw, headers, Math.floor(now() / 1000))) return { status: 401, body: { error: 'invalid signature' } };
    const payload = JSON.parse(Buffer.from(raw).toString('utf8')) as { data: { user: { id: string }; deviceIdentifier: string } };
    const device = `${payload.data.user.id}:${payload.data.deviceIdentifier}`;
    // The mistake: no memory of what was provisioned or which messages were handled.
    provisioned.set(device, (provisioned.get(device) ?? 0) + 1);
    return { status: 200, body: { action: 'provision' } };
  };
  const hook = { receive, provisioned };
  return { ...hook, nodeHandler: nodeDoor(hook) };
}
