import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

/** A dependency refusing the credentials the process presents (databases, brokers, caches). */
const REJECTED = /password authentication failed|Access denied for user|authentication failed|invalid (?:username or )?password|WRONGPASS|NOAUTH|Login failed for user|SASL authentication failed|invalid credentials/i;

/** Lines in the logs before it counts: one failed login is not an outage. */
const MIN_LINES = 2;

/** Env names that hold a credential. */
const CREDENTIAL_ENV = /PASS|PASSWORD|SECRET|TOKEN|CREDENTIAL|AUTH|KEY/i;

/**
 * A dependency that rejects the workload's credentials. When they come from a Secret through an
 * environment variable, the running pods read it once, at start: a Secret rotated since then is
 * not seen until they restart — the usual story when nothing in the workload changed.
 */
export function analyzeRejectedCredentials(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((l) => l.lines.filter((line) => REJECTED.test(line)).map((line) => ({ log: l, line })));
  if (hits.length < MIN_LINES) return [];
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const decisive = condenseStructuredLine((hits[hits.length - 1] ?? hits[0])?.line.trim() ?? '');
  // Which Secret the credentials come from, as env (read at start) or as a mounted file (refreshed).
  const container = podObjects[0]?.containers.find((c) => c.name === hits[0]?.log.container);
  const fromSecret = (container?.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'secret' && CREDENTIAL_ENV.test(e.name) ? [{ env: e.name, secret: e.ref.name }] : []));
  const envFromSecret = (container?.envFrom ?? []).filter((e) => e.kind === 'secret').map((e) => e.name);
  const secrets = unique([...fromSecret.map((f) => f.secret), ...envFromSecret]);
  const started = podObjects.map((p) => p.startTime).filter((t): t is string => t !== undefined).sort()[0];
  const via = fromSecret.length > 0 ? `${fromSecret.map((f) => f.env).join(', ')} from Secret ${unique(fromSecret.map((f) => f.secret)).join(', ')}` : secrets.length > 0 ? `envFrom Secret ${secrets.join(', ')}` : undefined;
  const ref = formatWorkloadRef(ev.target);
  return [
    {
      id: 'credentials-rejected',
      kind: 'credentials-rejected',
      title: `A dependency rejects the credentials of ${pods.length} pod${pods.length === 1 ? '' : 's'}${via ? `: ${via}, read when the pods started${started ? ` (${formatAgo(started, ev.collectedAt)})` : ''}` : ''}`,
      layer: 'container/process',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: via ? 'high' : 'medium',
      evidence: [`${hits.length} lines in ${pods.length} pod${pods.length === 1 ? '' : 's'}`, ...hits.slice(-2).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`)],
      decisive,
      likelyCause: via
        ? `The dependency no longer accepts the credentials the pods hold. ${via} is read once, when a container starts: if the Secret was rotated since (a rotation job, external-secrets), the running pods still present the old value, and each new connection fails as pooled ones expire.`
        : 'The dependency no longer accepts the credentials the pods present: rotated on its side, or changed in configuration.',
      nextAction: via
        ? `If the Secret was rotated, restart the pods so they read it (\`${formatKubectl(ev.target, `rollout restart ${ref}`)}\` — the bot will not), and have rotation trigger a restart (or mount the Secret as a file); otherwise compare the credentials with the dependency's.`
        : 'Compare the credentials the pods use with what the dependency expects.',
      fix: via ? `restart the pods so they read the current ${secrets.join(', ') || 'credentials'}` : 'fix the credentials the pods present',
      confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`), ...(secrets[0] ? [formatKubectl(ev.target, `get secret ${secrets[0]} -o jsonpath='{.metadata.managedFields[*].time}'`)] : [])],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
