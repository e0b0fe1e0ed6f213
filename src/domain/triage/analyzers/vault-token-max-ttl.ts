import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { findFirstFailure } from '../failure-onset.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { MINUTE_MS, HOUR_MS, formatAgo, formatSpan, msBetween } from '../time-span.js';
import { findCappedMaxTtl, findLoginTime, findMaxTtl, findVaultDenials } from '../vault-token-ttl.js';
import { isVaultAgent } from '../vault-agent.js';
import { findRejections, MIN_LINES } from './credentials-rejections.js';

/** A token that ran out just after the first 403 a log shows: clocks and log timing differ this much. */
const EXPIRED_AFTER_MS = 10 * MINUTE_MS;
/** The 403s began at most this long after the tokens ran out: a log tail may not reach the first one. */
const REFUSED_WITHIN_MS = 2 * HOUR_MS;

/**
 * Every pod refused by Vault (403 permission denied) at once, each as old as the max TTL its token
 * was issued with: the tokens the pods got at their one login reached the max TTL, and renewal
 * cannot extend them past it. Claimed only when the max TTL is read (the pods' ConfigMap, the
 * definition of the role they log in with, their env) and every refused pod's login, plus that max
 * TTL, falls in the window its 403s began; a pod refused with a fresh token points elsewhere.
 * Vault's own warning that it capped the token ("exceeded the effective max_ttl") tells it too.
 */
export function analyzeVaultTokenMaxTtl(ev: TriageEvidence): Finding[] {
  const denials = findVaultDenials(ev.logs, ev.pods, ev.collectedAt);
  if (denials === undefined) return [];
  const refused = ev.pods.filter((p) => denials.pods.includes(p.name));
  // A max TTL the config sets, else the one Vault said it capped the token at.
  const maxTtl = findMaxTtl(refused[0]?.containers.find((c) => c.name === denials.container), ev.settingConfig ?? []) ?? findCappedMaxTtl(ev.logs, refused[0]?.name ?? '', denials.container);
  if (maxTtl === undefined || refused.length === 0) return [];
  const logins = refused.map((p) => {
    // The pod's own first 403, else its first failure event (never its creation: that is no onset).
    const event = findFirstFailure(ev, p);
    const began = denials.sinceByPod.get(p.name) ?? (event !== p.createdAt && event !== p.startTime ? event : undefined);
    return { login: findLoginTime(p, denials.container), began };
  });
  const fits = logins.every(({ login, began }) => {
    if (login === undefined || began === undefined) return false;
    const expiredBefore = msBetween(new Date(Date.parse(login) + maxTtl.ms).toISOString(), began);
    return expiredBefore >= -EXPIRED_AFTER_MS && expiredBefore <= REFUSED_WITHIN_MS;
  });
  if (!fits) return [];
  const oldest = logins.map((l) => l.login ?? ev.collectedAt).sort()[0] ?? ev.collectedAt;
  const since = denials.since ?? logins.map((l) => l.began ?? ev.collectedAt).sort()[0] ?? ev.collectedAt;
  const n = refused.length;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const spec = refused[0]?.containers.find((c) => c.name === denials.container);
  // Vault Agent beside the app: it re-authenticates by itself, and what fails is the credentials it rendered.
  if (spec !== undefined && isVaultAgent(spec)) return [describeAgentMaxTtl(ev, { denials, maxTtl, refused, oldest, since, restart })];
  return [
    {
      id: 'credentials-rejected/vault-token-max-ttl',
      kind: 'credentials-rejected',
      title: `The pods' Vault tokens reached their max TTL — ${maxTtl.written} (${formatSpan(maxTtl.ms)}; ${maxTtl.source}): the pods logged in once at start, ${formatAgo(oldest, ev.collectedAt)}, and since ${formatAgo(since, ev.collectedAt)} every secret read and renewal gets 403 permission denied (${n} pod${n === 1 ? '' : 's'}, ${denials.lines} lines)`,
      layer: 'container/process',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `max TTL: ${maxTtl.written} (${maxTtl.source})`,
        ...refused.slice(0, 3).map((p, i) => `pod ${p.name} started ${formatAgo(logins[i]?.login ?? ev.collectedAt, ev.collectedAt)}: its token ran out ${formatAgo(new Date(Date.parse(logins[i]?.login ?? ev.collectedAt) + maxTtl.ms).toISOString(), ev.collectedAt)}`),
        `log ${denials.pods[0] ?? ''}: ${condenseStructuredLine(denials.line)}`,
      ],
      decisive: condenseStructuredLine(denials.line),
      likelyCause: `The client logs in to Vault once, when the pod starts, and from then on only renews its token. Renewal extends a token up to its max TTL (${maxTtl.written}) and no further — Vault caps the renewals first ("TTL value is capped"), then the token expires and every request with it is refused with 403 permission denied. Pods started together reach it together, with nothing changed in the cluster or in Vault.`,
      nextAction: `Restart the pods (\`${restart}\` — the bot will not) so they log in again and get fresh tokens; that is a mitigation: the same happens ${formatSpan(maxTtl.ms)} after the restart. Then make the client log in again when renewal stops extending its token or answers 403 (or let Vault Agent keep the token).`,
      fix: `restart the pods so they log in again (${restart}; a mitigation, it recurs ${formatSpan(maxTtl.ms)} later), then make the client log in again when renewal stops extending its token or answers 403 (or use Vault Agent)`,
      outsideWorkload: `the pods' tokens expire ${formatSpan(maxTtl.ms)} after their login whatever revision runs: a rollback would only restart the pods, as a restart does`,
      onset: since,
      confirmCommands: [formatKubectl(ev.target, `logs ${denials.pods[0] ?? ''} -c ${denials.container} --tail=300`), formatKubectl(ev.target, `get pods -o wide`)],
      affected: { pods: denials.pods, nodes: listNodesOf(refused) },
    },
  ];
}

interface AgentMaxTtl {
  denials: NonNullable<ReturnType<typeof findVaultDenials>>;
  maxTtl: NonNullable<ReturnType<typeof findMaxTtl>>;
  refused: TriageEvidence['pods'];
  oldest: string;
  since: string;
  restart: string;
}

/** The max-TTL reading told of Vault Agent: its token's end takes the leases of what it rendered with it, and the app's logins fail. */
function describeAgentMaxTtl(ev: TriageEvidence, a: AgentMaxTtl): Finding {
  const { denials, maxTtl, refused, oldest, since, restart } = a;
  const n = refused.length;
  const rejected = findRejections(ev);
  const quote = rejected.hits.length >= MIN_LINES ? rejected.hits[rejected.hits.length - 1] : undefined;
  const fileMount = refused[0]?.containers.find((c) => c.name === denials.container)?.volumeMounts?.[0]?.mountPath;
  const rendered = fileMount === undefined ? 'the credentials it rendered' : `the credentials it rendered under ${fileMount}`;
  return {
    id: 'credentials-rejected/vault-token-max-ttl',
    kind: 'credentials-rejected',
    title: `Vault Agent (container ${denials.container}) cannot renew its token past its max TTL — ${maxTtl.written} (${formatSpan(maxTtl.ms)}; ${maxTtl.source}): since ${formatAgo(since, ev.collectedAt)} its renewals, logins and reads get 403 permission denied (${n} pod${n === 1 ? '' : 's'}, ${denials.lines} lines), so ${rendered} are stale${quote === undefined ? '' : ' and the dependency rejects them'}`,
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      `max TTL: ${maxTtl.written} (${maxTtl.source})`,
      ...refused.slice(0, 2).map((p) => `pod ${p.name}: its agent logged in ${formatAgo(findLoginTime(p, denials.container) ?? oldest, ev.collectedAt)}`),
      `log ${denials.pods[0] ?? ''} (${denials.container}): ${condenseStructuredLine(denials.line)}`,
      ...(quote === undefined ? [] : [`log ${quote.log.pod} (${quote.log.container}): ${condenseStructuredLine(quote.line.trim())}`]),
    ],
    decisive: condenseStructuredLine(denials.line),
    likelyCause:
      `Vault Agent logs in to Vault when the pod starts, renders the app's credentials from a dynamic secret, and renews its token and the secret's lease. Vault capped the token at its max TTL (${maxTtl.written}); when it ran out, the leases issued under it went with it (the database drops such a user), and the agent's renewals and re-logins are refused with 403 permission denied, so the file keeps credentials that no longer exist` +
      `${quote === undefined ? '' : ' and every new connection the app opens with them is rejected'}. Nothing in the workload changed: the Vault role's token lifetime and what it allows decide it.`,
    nextAction: `Check the Vault role the agent logs in with (its token_max_ttl and the policies and service accounts it binds: Vault refuses the agent's login with 403); once it accepts the agent, restart the pods (\`${restart}\` — the bot will not) so the agent logs in and renders fresh credentials. A restart alone lasts ${formatSpan(maxTtl.ms)} at most.`,
    fix: `fix the Vault role the agent logs in with (its max TTL, what it allows), then restart the pods so the agent renders fresh credentials (${restart})`,
    outsideWorkload: `the agent's token ends ${formatSpan(maxTtl.ms)} after its login whatever revision runs: a rollback would only restart the pods, as a restart does`,
    onset: since,
    confirmCommands: [formatKubectl(ev.target, `logs ${denials.pods[0] ?? ''} -c ${denials.container} --tail=300`), formatKubectl(ev.target, `get pods -o wide`)],
    affected: { pods: denials.pods, nodes: listNodesOf(refused) },
  };
}
