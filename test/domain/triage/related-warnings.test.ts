// One hop out: the namespace's Warning events about objects the workload depends on (a Certificate
// behind the Secret its pods mount, a ScaledObject named after it) join the finding that names
// them, or stand on their own; Warnings of unrelated or stale objects, and events read already, do not.
import { describe, expect, it } from 'vitest';
import { clipErrorChain, findRelatedWarnings, linkRelatedWarnings } from '../../../src/domain/triage/related-warnings.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { EventEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { APP, NOW, NS, baseEvidence, event, hpa, minutesAgo, pod } from './scenarios/builders.js';

const RATE_LIMITED = 'The certificate request has failed to complete and will be retried: Failed to wait for order resource "payment-service-tls-1-2241871093" to become ready: order is in "errored" state: Failed to create Order: 429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s';

function warning(kind: string, name: string, reason: string, message: string, over: Partial<EventEvidence> = {}): EventEvidence {
  return event({ object: { kind, name, namespace: NS }, reason, message, source: 'cert-manager-certificates-issuing', ...over });
}

/** Pods that mount Secret payment-service-tls; the namespace's Warnings as given. */
function mounting(warnings: EventEvidence[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { volumes: [{ name: 'tls', source: 'secret', ref: 'payment-service-tls' }] }));
  return baseEvidence({ pods, namespaceWarnings: warnings, ...over });
}

/** What an analyzer says of the missing Secret: it names the object the Certificate should create. */
const secretMissing: Finding = {
  id: 'container-config/payment-service-tls',
  kind: 'container-config',
  title: '1 pod cannot start: secret "payment-service-tls" not found (volume tls)',
  layer: 'runtime/probes',
  severity: 'critical',
  confidence: 'high',
  evidence: ['FailedMount ×12: MountVolume.SetUp failed for volume "tls" : secret "payment-service-tls" not found'],
  decisive: 'secret "payment-service-tls" not found',
  likelyCause: 'The kubelet cannot mount a Secret that does not exist.',
  nextAction: 'Create the Secret.',
  fix: 'create Secret payment-service-tls',
  confirmCommands: ['kubectl get secret payment-service-tls -n payments'],
};

describe('clipErrorChain', () => {
  it('keeps the last links of a controller\'s error chain whole, without a trailing pointer to the docs', () => {
    expect(clipErrorChain('short: enough', 40)).toBe('short: enough');
    expect(clipErrorChain(`${RATE_LIMITED}: see https://letsencrypt.org/docs/rate-limits/`, 130)).toBe('…too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s');
    expect(clipErrorChain(`outer: ${'x'.repeat(80)}`, 40)).toBe(`${'x'.repeat(39)}…`);
  });
});

describe('findRelatedWarnings', () => {
  it('keeps the Warnings of an object the pods refer to by name, grouped by object, with why it is related', () => {
    const cert = warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED);
    const [r] = findRelatedWarnings(mounting([cert]));
    expect(r).toEqual({ object: { kind: 'Certificate', name: 'payment-service-tls' }, relation: 'the Secret of its volume tls', events: [cert] });
  });

  it('keeps an object named after the workload, and one whose message names it', () => {
    const scaler = warning('ScaledObject', APP, 'KEDAScalerFailed', 'error parsing RabbitMQ metadata: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN', { source: 'keda-operator' });
    const ingress = warning('Ingress', 'public-api', 'Sync', `Error syncing load balancer: service "${APP}" has no port named "http"`, { source: 'loadbalancer-controller' });
    const found = findRelatedWarnings(mounting([scaler, ingress]));
    expect(found.map((r) => [r.object.kind, r.relation])).toEqual(expect.arrayContaining([['ScaledObject', 'named after the workload'], ['Ingress', 'its message names the workload']]));
  });

  it('leaves out unrelated objects, stale Warnings, pods and nodes, the workload itself, and events read already', () => {
    const other = warning('Certificate', 'search-tls', 'Failed', RATE_LIMITED);
    const stale = warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED, { firstSeen: minutesAgo(30 * 60), lastSeen: minutesAgo(26 * 60) });
    const ownPod = warning('Pod', pod(0).name, 'FailedMount', 'MountVolume.SetUp failed for volume "tls" : secret "payment-service-tls" not found');
    const itself = warning('Deployment', APP, 'ProgressDeadlineExceeded', `ReplicaSet "${APP}-7c9d8f6b5d" has timed out progressing.`);
    const read = warning('HorizontalPodAutoscaler', APP, 'FailedGetResourceMetric', 'failed to get cpu utilization: unable to get metrics for resource cpu');
    expect(findRelatedWarnings(mounting([other, stale, ownPod, itself, read], { events: [read] }))).toEqual([]);
  });

  it('does not tie objects to a short common workload name by prefix or message', () => {
    const api = { ...mounting([]).target, service: 'api', name: 'api' };
    const ingress = warning('Ingress', 'api-gateway', 'Sync', 'Error syncing: the api answered 502');
    expect(findRelatedWarnings(mounting([ingress], { target: api }))).toEqual([]);
    expect(findRelatedWarnings(mounting([warning('ScaledObject', 'api', 'KEDAScalerFailed', 'error')], { target: api })).map((r) => r.relation)).toEqual(['named after the workload']);
  });

  it('follows at most three objects, the newest first', () => {
    const cms = [5, 1, 3, 2].map((m, i) => warning('ExternalSecret', `${APP}-env-${i}`, 'UpdateFailed', 'could not get secret data from provider', { lastSeen: minutesAgo(m) }));
    expect(findRelatedWarnings(mounting(cms)).map((r) => r.object.name)).toEqual([`${APP}-env-1`, `${APP}-env-3`, `${APP}-env-2`]);
  });
});

describe('linkRelatedWarnings', () => {
  it('joins the Warning to the finding that names its object: the step upstream in its title, evidence, cause, fix and commands', () => {
    const ev = mounting([warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED)]);
    const { findings, related } = linkRelatedWarnings(ev, [secretMissing]);
    expect(related).toEqual([]);
    const [f] = findings;
    expect(f?.title).toBe('1 pod cannot start: secret "payment-service-tls" not found (volume tls); Certificate payment-service-tls reports Failed: "…429 urn:ietf:params:acme:error:rateLimited: too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s"');
    expect(f?.likelyCause).toContain('Upstream of it, Certificate payment-service-tls (the Secret of its volume tls) reports Failed');
    expect(f?.likelyCause).toContain('rateLimited');
    expect(f?.evidence.at(-2)).toMatch(/^\[certificate\/payment-service-tls\] Failed: /);
    expect(f?.fix).toBe('create Secret payment-service-tls; first see why Certificate payment-service-tls fails (Failed, in the log of cert-manager-certificates-issuing)');
    expect(f?.confirmCommands).toContain('kubectl describe certificate payment-service-tls -n payments --context prod-eu-west-1');
  });

  it('adds a Job giving up only to the evidence of a finding that names that Job as part of its cause', () => {
    const job = `${APP}-migrate-7`;
    const gaveUp = warning('Job', job, 'BackoffLimitExceeded', 'Job has reached the specified backoff limit', { source: 'job-controller' });
    const naming: Finding = { ...secretMissing, id: 'liveness-kill/startup/app', kind: 'liveness-kill', title: `Startup probe is killing container app: it waits for a lock left held by migration Job ${job}`, decisive: undefined, evidence: [], fix: 'release the lock', affected: { jobs: [job] } };
    const { findings, related } = linkRelatedWarnings(mounting([gaveUp]), [naming]);
    expect(related).toEqual([]);
    expect(findings[0]?.title).toBe(naming.title);
    expect(findings[0]?.fix).toBe('release the lock');
    expect(findings[0]?.evidence.join('\n')).toContain('BackoffLimitExceeded');
  });

  it('joins it to the mechanism that names the object rather than to the rollout whose diff names it too', () => {
    const rollout: Finding = { ...secretMissing, id: 'recent-rollout/19', kind: 'recent-rollout', title: 'Revision 19 rolled out 10m ago', decisive: undefined, evidence: ['volumes: (none) → tls (secret payment-service-tls)'] };
    const { findings } = linkRelatedWarnings(mounting([warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED)]), [rollout, secretMissing]);
    expect(findings[0]?.title).toBe('Revision 19 rolled out 10m ago');
    expect(findings[1]?.title).toContain('; Certificate payment-service-tls reports Failed');
  });

  it('reports an object no finding names on its own, quoted, and leaves a Warning a finding already quotes alone', () => {
    const scaler = warning('ScaledObject', APP, 'KEDAScalerFailed', 'error getting scaler metrics: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN', { source: 'keda-operator' });
    const { findings, related } = linkRelatedWarnings(mounting([scaler]), [secretMissing]);
    expect(findings).toEqual([secretMissing]);
    expect(related).toHaveLength(1);
    expect(related[0]?.title).toBe(`ScaledObject ${APP} reports KEDAScalerFailed: "error getting scaler metrics: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN"`);
    expect(related[0]?.evidence[0]).toBe(`ScaledObject ${APP}: named after the workload`);
    const quoted = { ...secretMissing, evidence: [...secretMissing.evidence, `KEDAScalerFailed: ${scaler.message}`] };
    expect(linkRelatedWarnings(mounting([scaler]), [quoted]).related).toEqual([]);
  });
});

describe('the controller behind a related Warning', () => {
  const UNSEAL = 'Failed to unseal: no key could decrypt secret (API_KEY, DB_PASSWORD)';
  const keyMissing: Finding = { ...secretMissing, id: 'container-config/key', title: '1 pod cannot start: key API_KEY missing from Secret payment-service', decisive: 'couldn\'t find key API_KEY in Secret payments/payment-service', fix: 'create key API_KEY in Secret payment-service' };
  const envFrom = (warnings: EventEvidence[]) => baseEvidence({ pods: [pod(0, { containers: [{ ...pod(0).containers[0]!, env: [{ name: 'API_KEY', ref: { kind: 'secret', name: APP, key: 'API_KEY' } }] }] })], namespaceWarnings: warnings });

  it('names the component that reported the Warning, whose log to read, in the cause, evidence and fix', () => {
    const { findings } = linkRelatedWarnings(mounting([warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED)]), [secretMissing]);
    expect(findings[0]?.likelyCause).toContain('reports Failed (reported by cert-manager-certificates-issuing)');
    expect(findings[0]?.evidence).toContain('Certificate payment-service-tls: its events come from cert-manager-certificates-issuing; that controller\'s log says more');
    const alone = linkRelatedWarnings(mounting([warning('ScaledObject', APP, 'KEDAScalerFailed', 'error getting scaler metrics', { source: 'keda-operator' })]), []).related[0];
    expect(alone?.nextAction).toContain('read the log of keda-operator');
  });

  it('says nothing of a reporter the event does not name', () => {
    const { findings } = linkRelatedWarnings(mounting([warning('Certificate', 'payment-service-tls', 'Failed', RATE_LIMITED, { source: undefined })]), [secretMissing]);
    expect(findings[0]?.likelyCause).not.toContain('reported by');
    expect(findings[0]?.fix).toBe('create Secret payment-service-tls; first see why Certificate payment-service-tls fails (Failed)');
  });

  it('advises re-sealing a SealedSecret no key of the controller can decrypt, instead of only pointing at it', () => {
    const sealed = warning('SealedSecret', APP, 'ErrUnsealFailed', UNSEAL, { source: 'sealed-secrets-controller' });
    const { findings } = linkRelatedWarnings(envFrom([sealed]), [keyMissing]);
    expect(findings[0]?.fix).toBe(`create key API_KEY in Secret payment-service; re-seal SealedSecret ${APP} with the controller's current certificate (kubeseal --fetch-cert), or restore the sealing key it was sealed with`);
    expect(findings[0]?.likelyCause).toMatch(/reported by sealed-secrets-controller.*private key the sealed-secrets controller does not hold/);
  });
});

describe('a failing KEDA scaler', () => {
  const scaler = warning('ScaledObject', APP, 'KEDAScalerFailed', 'error establishing rabbitmq connection: Exception (403) Reason: "ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN"', { source: 'keda-operator' });
  const kedaHpa = hpa({ name: `keda-hpa-${APP}`, minReplicas: 1, currentReplicas: 0, desiredReplicas: 0, metrics: [{ name: 's0-rabbitmq-orders-created', target: '50' }] });

  it('says what KEDA can no longer read (the queue of its trigger, from the HPA it made) and that it will not scale up from zero', () => {
    const ev = baseEvidence({ pods: [], hpas: [kedaHpa], namespaceWarnings: [scaler] });
    const atZero = { ...ev, workload: ev.workload ? { ...ev.workload, specReplicas: 0 } : null };
    const { related } = linkRelatedWarnings(atZero, []);
    expect(related[0]?.evidence.at(-1)).toBe(`KEDA scales ${APP} on the length of a RabbitMQ queue (metric s0-rabbitmq-orders-created); while its scaler fails KEDA cannot read that backlog, so it does not activate ${APP} from 0 replicas however much work waits (the HPA is disabled at zero).`);
  });

  it('says nothing of a trigger when the HPA is not one KEDA made', () => {
    const { related } = linkRelatedWarnings(baseEvidence({ hpas: [hpa()], namespaceWarnings: [scaler] }), []);
    expect(related[0]?.evidence.join('\n')).not.toMatch(/KEDA scales/);
  });
});

describe('a triage report with a related Warning', () => {
  it('is not healthy while the object that scales the workload fails, and its headline names that object', () => {
    const scaler = warning('ScaledObject', APP, 'KEDAScalerFailed', 'error getting scaler metrics: ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN', { source: 'keda-operator' });
    const ev = baseEvidence({ namespaceWarnings: [scaler] });
    expect(buildTriageReport({ ...ev, namespaceWarnings: [] }, { startedAt: NOW, finishedAt: NOW }).verdict).toBe('healthy');
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/ScaledObject payment-service reports KEDAScalerFailed/);
  });

  it('stays healthy when its Service reports topology-aware routing left off: an optimization declined, a note at most', () => {
    const hints = warning('Service', APP, 'TopologyAwareHintsDisabled', 'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold (3 endpoints, 3 zones), addressType: IPv4', { source: 'endpoint-slice-controller' });
    const report = buildTriageReport(baseEvidence({ namespaceWarnings: [hints] }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('healthy');
    const { related } = linkRelatedWarnings(baseEvidence({ namespaceWarnings: [hints] }), []);
    expect(related.map((f) => f.severity)).toEqual(['info']);
  });
});
