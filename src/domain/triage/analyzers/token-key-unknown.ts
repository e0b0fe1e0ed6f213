/**
 * The workload refuses its callers' tokens because they name a signing key (kid) its cached key
 * set (JWKS) does not hold: the identity provider rotated its key and the cache predates it. The
 * pods stay Ready and old tokens pass, so only the validator's lines say it. A rollback changes
 * nothing (any revision holds the same cache); refreshing the key set does.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';
import { findUnknownKeyRejections, readKeyCacheTtl, readKeySetSource } from '../unknown-signing-key.js';

export function analyzeUnknownSigningKey(ev: TriageEvidence): Finding[] {
  const r = findUnknownKeyRejections(ev.logs);
  if (r === undefined) return [];
  const who = ev.target.name;
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === r.hits[0]?.container) ?? podObjects[0]?.containers[0];
  const env = container?.env ?? [];
  const ttl = readKeyCacheTtl(env);
  const source = readKeySetSource(env);
  const kid = r.kids[0];
  const keyName = kid !== undefined ? `kid ${kid}` : 'its kid';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const answered = r.served401 > 0 ? `, ${plural(r.served401, 'request')} answered 401` : '';
  const refused = `${who} refuses tokens signed with a key it does not know (${keyName}): ${plural(r.hits.length, 'line')} in ${plural(r.pods.length, 'pod')}${answered}`;
  // A key-set load after the refusals began that still lacks the kid: not a stale cache, a key the provider does not publish.
  const refresh = r.lastRefresh;
  const fetchedSince = refresh?.at !== undefined && r.first !== undefined && refresh.at > r.first && kid !== undefined && refresh.kids !== undefined && !refresh.kids.includes(kid);
  const ttlText = ttl ? `${ttl.name}=${ttl.value}` : undefined;
  const reading = fetchedSince
    ? `the key set it fetched ${refresh.at ? `at ${formatClock(refresh.at)}` : 'since'} still lacks it: the identity provider does not publish that key, or the tokens come from another issuer`
    : ttlText
      ? `its JWKS cache is stale: the identity provider rotated its signing key and ${who} caches keys for ${ttlText}`
      : `its cached JWKS lacks that key: a signing-key rotation at the identity provider, after ${who} last loaded its keys, is the usual cause`;
  const loaded = refresh
    ? `last key-set load${refresh.at ? ` ${formatAgo(refresh.at, ev.collectedAt)}` : ''}${refresh.kids ? `, holding ${refresh.kids.join(', ')}` : ''} (log ${refresh.pod}: ${condenseStructuredLine(refresh.line)})`
    : undefined;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const ttlFix = ttl ? `shorten ${ttl.name} (minutes, not hours)` : 'keep its key-cache lifetime short';
  const fix = `make ${who} refetch the JWKS on an unknown kid and ${ttlFix}; restart the pods meanwhile to load the current keys`;
  return [{
    id: 'token-rejected/unknown-kid',
    kind: 'token-rejected',
    title: `${refused} — ${reading}`,
    layer: 'container/process',
    severity: severityForPods(ev, podObjects.length) === 'critical' ? 'critical' : 'warning',
    confidence: fetchedSince ? 'low' : ttl || refresh ? 'medium' : 'low',
    evidence: [
      // The newest refusals, one per wording: a burst repeats the same line.
      ...[...new Set(r.hits.map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line)}`))].slice(-2),
      `refused${r.first ? ` since ${formatClock(r.first)}` : ''}${r.last ? `, last ${formatClock(r.last)}` : ''}${r.served401 > 0 ? `; ${r.served401} answers 401 in the same tails` : ''}`,
      ...(loaded ? [loaded] : []),
      ...(ttl ? [`env ${ttl.name}=${ttl.value}`] : []),
      ...(source ? [`env ${source.name}=${source.value}`] : []),
    ],
    decisive: condenseStructuredLine(r.hits.at(-1)?.line ?? ''),
    ...(r.first ? { onset: r.first } : {}),
    outsideWorkload: `the key set ${who} caches predates the key its callers' tokens name: any revision of ${who} with the same cache refuses them alike`,
    likelyCause:
      `Each token names the key that signed it (kid); ${who} looks it up in the JWKS it fetched${source ? ` from ${source.value}` : ''} and caches${ttl ? ` for ${ttl.value} (${ttl.name})` : ''}. ` +
      (fetchedSince
        ? `It fetched the key set after the refusals began and the kid is still not in it: the identity provider signs with a key it does not publish, or the tokens come from another issuer. Compare the tokens' iss and kid with the provider's JWKS.`
        : `An identity provider rotates by publishing a new key beside the old one and signing new tokens with it — a key rotation at the identity provider is the usual cause. A cache loaded before the rotation holds only the old key, so every new token is refused (401) until the cache expires, while tokens signed with the old key still pass.`),
    nextAction: fetchedSince
      ? `Compare the refused tokens' iss and kid with ${source ? source.value : "the identity provider's JWKS"}; fix the issuer or the provider's published keys.`
      : `Mitigate: force a JWKS refresh — restart the pods so they load the current key set (\`${restart}\` — the bot will not). Then make ${who} refetch the JWKS when a token names an unknown kid (rate-limited), and ${ttlFix}.`,
    fix: fetchedSince ? `make the identity provider publish the key its tokens name (kid ${kid ?? '?'}) or fix the issuer ${who} trusts` : fix,
    confirmCommands: r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
