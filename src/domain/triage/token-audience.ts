/**
 * AWS STS refusing a web-identity token for its audience ("InvalidIdentityToken … Incorrect token
 * audience" from AssumeRoleWithWebIdentity): the token is the projected ServiceAccount token the
 * pod spec mounts (IRSA), and its `aud` is the `serviceAccountToken.audience` of that projected
 * volume. STS accepts only the audience the IAM OIDC provider lists (sts.amazonaws.com by
 * default), so the spec's audience is what to read and, when it is another, what to set back.
 */
import type { PodEvidence } from './evidence.js';

/** STS's refusal of a web-identity token whose audience it does not accept. */
const AUDIENCE_REFUSED = /Incorrect token audience/i;

/** The audience EKS's pod identity webhook projects and the IAM OIDC provider lists by default. */
export const STS_AUDIENCE = 'sts.amazonaws.com';

export interface TokenAudienceRefusal {
  /** The projected volume that holds the token. */
  volume: string;
  audience: string;
  /** The refusal as logged. */
  line: string;
}

/** The refusal and the projected token volume of the container that logged it, when both are there. */
export function findTokenAudienceRefusal(lines: readonly string[], pod: PodEvidence | undefined, container: string | undefined): TokenAudienceRefusal | undefined {
  const line = lines.find((l) => AUDIENCE_REFUSED.test(l));
  if (line === undefined || pod === undefined) return undefined;
  const mounted = new Set((pod.containers.find((c) => c.name === container)?.volumeMounts ?? []).map((m) => m.name));
  const tokens = (pod.volumes ?? []).filter((v) => v.source === 'projected' && v.audience !== undefined);
  const volume = tokens.find((v) => mounted.has(v.name)) ?? tokens[0];
  return volume?.audience === undefined ? undefined : { volume: volume.name, audience: volume.audience, line: line.trim() };
}

/** What to say: the audience the spec gives the token against the one STS accepts. */
export function tellTokenAudience(r: TokenAudienceRefusal, lastGood: { job: string; audience: string } | undefined): { clause: string; cause: string; fix: string; evidence: string[]; dated: boolean } {
  const changed = lastGood !== undefined && lastGood.audience !== r.audience ? `; the last successful run (Job ${lastGood.job}) had audience "${lastGood.audience}"` : '';
  const evidence = [`projected volume ${r.volume}: serviceAccountToken audience "${r.audience}"`, ...(lastGood ? [`Job ${lastGood.job} (last successful run): token audience "${lastGood.audience}"`] : [])];
  if (r.audience !== STS_AUDIENCE) {
    return {
      clause: `STS refuses the projected ServiceAccount token (Incorrect token audience): volume ${r.volume} sets its audience to "${r.audience}", and STS expects ${STS_AUDIENCE}${changed}`,
      cause: `AssumeRoleWithWebIdentity checks the token's aud claim against the IAM OIDC provider's client IDs (${STS_AUDIENCE}). The pod spec projects its ServiceAccount token with audience "${r.audience}", so STS refuses every exchange and the run gets no AWS credentials; the role and its policies are not the issue.`,
      fix: `set the serviceAccountToken audience of volume ${r.volume} back to ${STS_AUDIENCE} in the pod template (or give that other audience its own projected volume)`,
      evidence,
      dated: changed !== '',
    };
  }
  return {
    clause: `STS refuses the projected ServiceAccount token (Incorrect token audience) although volume ${r.volume} asks for ${STS_AUDIENCE}: the IAM OIDC provider does not list that audience`,
    cause: `AssumeRoleWithWebIdentity checks the token's aud claim against the client IDs of the cluster's IAM OIDC provider; the token carries ${STS_AUDIENCE}, which that provider no longer lists.`,
    fix: `add ${STS_AUDIENCE} to the client IDs of the cluster's IAM OIDC provider`,
    evidence,
    dated: false,
  };
}
