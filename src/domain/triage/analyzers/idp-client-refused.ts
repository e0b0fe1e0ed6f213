/**
 * The identity provider refuses the workload's own client credential (invalid_client; Entra ID's
 * AADSTS7000222 for a client secret past its end date): every login and session refresh fails
 * while the pods stay Ready. The credential lives at the provider, so nothing in the cluster
 * changed and a rollback restores nothing: a new secret in the app registration, put into the
 * Secret the pods read, and a restart do.
 */
import type { EnvVarEvidence } from '../evidence-spec.js';
import type { ContainerSpecEvidence } from '../evidence-pod.js';
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findIdpClientRefusals, nameIdentityProvider } from '../idp-client-refusal.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';
import { capitalize } from '../../text.js';

/** Env names of an OAuth client's secret: OAUTH2_PROXY_CLIENT_SECRET, OIDC_CLIENT_SECRET, AZURE_CLIENT_SECRET… */
const CLIENT_SECRET_ENV = /CLIENT_?SECRET/i;
/** Where the client's provider is set: an issuer or authority URL in the args or env. */
const ISSUER_ARG = /^--?(?:oidc-)?(?:issuer|authority|provider)(?:-url)?=(https?:\/\/\S+)$/i;
const ISSUER_ENV = /ISSUER|AUTHORITY|OIDC.*URL|TENANT_URL/i;

/** The Secret (and key) the client secret comes from, as the container spec names it; never the Secret's content. */
function findSecretSource(c: ContainerSpecEvidence | undefined): { env?: string; secret: string; key?: string } | undefined {
  const ref = (c?.env ?? []).find((e): e is Extract<EnvVarEvidence, { ref: unknown }> => 'ref' in e && e.ref.kind === 'secret' && CLIENT_SECRET_ENV.test(e.name));
  if (ref?.ref.name !== undefined) return { env: ref.name, secret: ref.ref.name, ...(ref.ref.key ? { key: ref.ref.key } : {}) };
  const from = (c?.envFrom ?? []).find((e) => e.kind === 'secret');
  return from ? { secret: from.name } : undefined;
}

function findIssuer(c: ContainerSpecEvidence | undefined): string | undefined {
  for (const a of [...(c?.command ?? []), ...(c?.args ?? [])]) {
    const m = ISSUER_ARG.exec(a.trim());
    if (m?.[1] !== undefined) return m[1];
  }
  const env = (c?.env ?? []).find((e): e is { name: string; value: string } => 'value' in e && ISSUER_ENV.test(e.name) && /^https?:\/\//.test(e.value.trim()));
  return env?.value.trim();
}

export function analyzeIdpClientRefusals(ev: TriageEvidence): Finding[] {
  const r = findIdpClientRefusals(ev.logs, ev.collectedAt);
  if (r === undefined) return [];
  const who = ev.target.name;
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === r.hits[0]?.container) ?? podObjects[0]?.containers[0];
  const issuer = findIssuer(container);
  const provider = nameIdentityProvider(`${issuer ?? ''} ${r.code}`) ?? 'the identity provider';
  const idp = provider === 'the identity provider' ? provider : `the identity provider, ${provider},`;
  const source = findSecretSource(container);
  const secretRef = source ? `Secret ${source.secret}${source.key ? ` (key ${source.key}${source.env ? `, env ${source.env}` : ''})` : ''}` : 'the Secret it reads its client secret from';
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const since = r.first ? ` since ${formatClock(r.first)} (${formatAgo(r.first, ev.collectedAt)})` : '';
  const callbacks = r.failedCallbacks > 0 ? `, ${plural(r.failedCallbacks, 'login callback')} answered 5xx` : '';
  const code = `${r.code}${r.code.startsWith('AADSTS') ? ', invalid_client' : ''}`;
  const what = r.expired
    ? `${who}'s OAuth client secret expired at ${idp.replace(/,$/, '')}, which refuses every login code and session refresh of ${who} (${code})`
    : `${capitalize(idp)} refuses ${who}'s client credentials on every login code and session refresh (${code})`;
  const title = `${what}: ${plural(r.hits.length, 'refusal')} in ${plural(r.pods.length, 'pod')}${since}${callbacks}`;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const fix = r.expired
    ? `create a new client secret in ${who}'s app registration at ${provider === 'the identity provider' ? 'the identity provider' : provider}, put it in ${secretRef} and restart ${who}`
    : `check ${who}'s client id and secret against its app registration at ${provider === 'the identity provider' ? 'the identity provider' : provider} (a secret rotated or deleted there), put the current secret in ${secretRef} and restart ${who}`;
  return [{
    id: 'credentials-rejected/identity-provider-client',
    kind: 'credentials-rejected',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, r.pods.length) === 'critical' || r.failedCallbacks > 0 ? 'critical' : 'warning',
    confidence: r.expired || r.code.startsWith('AADSTS') ? 'high' : 'medium',
    evidence: [
      ...[...new Set(r.hits.map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line)}`))].slice(-2),
      `refused${since}${r.last ? `, last ${formatClock(r.last)}` : ''}; no login accepted after the last refusal`,
      ...(issuer ? [`issuer ${issuer}`] : []),
      ...(source ? [`client secret from ${secretRef}`] : []),
    ],
    decisive: r.description ?? condenseStructuredLine(r.hits.at(-1)?.line ?? ''),
    ...(r.first ? { onset: r.first } : {}),
    datesChange: true,
    outsideWorkload: `the credential is refused at ${idp.replace(/,$/, '')}: any revision of ${who} presenting the same client secret is refused alike`,
    likelyCause: r.expired
      ? `A client secret has an end date set at the identity provider; once it passes, ${provider === 'the identity provider' ? 'the provider' : provider} answers every token request of ${who} with invalid_client. Nothing in the cluster changed: the pods still present the secret that was valid until then, so every login callback and session refresh fails.`
      : `${capitalize(idp.replace(/,$/, ''))} no longer accepts the client id and secret ${who} presents (invalid_client): the secret was rotated, deleted or expired at the provider, or the Secret holds a wrong value. Every token request fails, so every login does.`,
    nextAction: `${capitalize(fix)} (\`${restart}\` — the bot will not). A rollback changes nothing: the secret is refused at the provider.`,
    fix,
    confirmCommands: [
      ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
      ...(source ? [formatKubectl(ev.target, `get secret ${source.secret} -o jsonpath='{.metadata.managedFields[*].time}'`)] : []),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
