// What an external provisioner writes on a claim: its events name it ("<driver>_<controller pod>_<uid>"),
// and a ProvisioningFailed carries its error wrapped in "failed to provision … rpc error: code = … desc =".
import type { EventEvidence } from './evidence-pod.js';

/** The provisioner an event of a claim comes from; undefined for the binder's own events. */
export function provisionerOfEvent(e: EventEvidence): string | undefined {
  return e.source?.includes('_') ? e.source.split('_')[0] : undefined;
}

/** The claim's newest ProvisioningFailed: the provisioner's latest answer. */
export function newestProvisioningFailure(events: readonly EventEvidence[]): EventEvidence | undefined {
  return events.filter((e) => e.reason === 'ProvisioningFailed').sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0];
}

/** The error itself, without the "failed to provision volume with StorageClass …: rpc error: code = … desc =" wrapping. */
export function quoteProvisionerError(message: string): string {
  return (/\bdesc = (.+)$/s.exec(message)?.[1] ?? message.replace(/^failed to provision volume with StorageClass "[^"]+":\s*/i, '')).trim();
}

/** The driver wrote events about the claim: it runs, whatever its controller's lookup found. */
export function provisionerAnswered(events: readonly EventEvidence[], driver: string): boolean {
  return events.some((e) => provisionerOfEvent(e) === driver);
}
