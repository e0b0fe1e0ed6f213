/**
 * The identity provider's own change that moved the issuer: its newest revision, rolled out before
 * the refusals, changed the setting that now names the tokens' issuer host (Keycloak's
 * KC_HOSTNAME, a frontend URL). That is the trigger of a workload refusing every token for its
 * issuer, though nothing of the workload changed. Only a setting whose value differs from the
 * revision before counts; a provider that merely names the host dates nothing.
 */
import type { IssuerProviderEvidence } from './evidence-issuer-provider.js';
import type { IsoTime } from './evidence-spec.js';
import { HOUR_MS, MINUTE_MS, formatAgo, msBetween } from './time-span.js';

/** How long before the first refusal a provider's rollout is still its trigger. */
const BEFORE_MS = 6 * HOUR_MS;

export interface IssuerProviderChange {
  /** "identity/keycloak's revision 15 (1h 11m ago) changed KC_HOSTNAME auth.example.org → https://login.example.org" */
  text: string;
  /** "StatefulSet identity/keycloak" */
  ref: string;
  setting: { name: string; value: string; before: string };
  at: IsoTime;
}

export function findIssuerProviderChange(p: IssuerProviderEvidence | undefined, firstRefusal: IsoTime | undefined, now: IsoTime): IssuerProviderChange | undefined {
  if (p === undefined || p.previousRevision === undefined) return undefined;
  const changed = p.settings.find((s): s is { name: string; value: string; before: string } => s.before !== undefined && s.before !== s.value);
  if (changed === undefined) return undefined;
  // Rolled out before the first refusal read (a little skew allowed), and not long before it.
  const until = firstRefusal ?? now;
  const lead = msBetween(p.createdAt, until);
  if (Number.isNaN(lead) || lead < -2 * MINUTE_MS || lead > BEFORE_MS) return undefined;
  const ref = `${p.kind} ${p.namespace}/${p.name}`;
  return {
    text: `${p.namespace}/${p.name}'s revision ${p.revision} (${formatAgo(p.createdAt, now)}) changed ${changed.name} ${changed.before} → ${changed.value}`,
    ref,
    setting: changed,
    at: p.createdAt,
  };
}
