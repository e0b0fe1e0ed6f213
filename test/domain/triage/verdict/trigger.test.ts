import { describe, expect, it } from 'vitest';
import type { NamespaceObjectEvidence, NetworkPolicyEvidence, PodEvidence, PodTemplateEvidence, RevisionEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding, FindingKind } from '../../../../src/domain/triage/finding.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger, rollbackFits } from '../../../../src/domain/triage/verdict/trigger.js';
import type { Trigger } from '../../../../src/domain/triage/verdict/trigger.js';
import {
  APP, IMAGE_V14, IMAGE_V15, NODE_A, NODE_C, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';
import { nodeNotReadyScenario } from '../scenarios/nodes.js';
import { readiness503Scenario } from '../scenarios/probes.js';
import { UNDONE, badRolloutScenario, rolledBackScenario, sameRevisionElsewhereScenario } from '../scenarios/rollout.js';

const NEW_PODS = [0, 1, 2].map((i) => podName(REV7.hash, i));

/** The finding the verdict names as the mechanism; only kind, title, decisive and affected matter here. */
function mechanism(kind: FindingKind, pods: readonly string[], over: Partial<Finding> = {}): Finding {
  return {
    id: `${kind}/app`,
    kind,
    title: `Container app fails on ${pods.length} pods`,
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [],
    likelyCause: '',
    nextAction: '',
    confirmCommands: [],
    affected: { pods: [...pods] },
    ...over,
  };
}

function trigger(ev: TriageEvidence, m: Finding | undefined): Trigger {
  return findTrigger(ev, m, compareFailingHealthy(ev));
}

function denyEgress(createdMinutesAgo: number, over: Partial<NetworkPolicyEvidence> = {}): { policy: NetworkPolicyEvidence; object: NamespaceObjectEvidence } {
  const policy: NetworkPolicyEvidence = { name: 'default-deny-egress', createdAt: minutesAgo(createdMinutesAgo), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [], ...over };
  return { policy, object: { kind: 'NetworkPolicy', name: policy.name, createdAt: minutesAgo(createdMinutesAgo) } };
}

/** Revision 7 rolled out 12 minutes ago; the sidecar injector's webhook has no endpoints, so none of its pods gets created. */
function webhookDownScenario(): TriageEvidence {
  const message = 'Error creating: Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"';
  const base = baseEvidence({
    pods: [0, 1, 2, 3].map((i) => pod(i)),
    workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 0, currentRevision: 7 }),
    events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message, count: 19, firstSeen: minutesAgo(12), lastSeen: minutesAgo(0.5), source: 'replicaset-controller' })],
  });
  return { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(12), { replicas: 0, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
}

describe('findTrigger', () => {
  it('names the revision rolled out just before the failures, with the change that touches the failure', () => {
    const ev = badRolloutScenario();
    const t = trigger(ev, mechanism('exit-code', NEW_PODS));
    expect(t).toEqual({
      kind: 'revision',
      revision: ev.revisions.find((r) => r.revision === 7),
      previous: ev.revisions.find((r) => r.revision === 6),
      diff: [
        `app image: ${IMAGE_V14} → ${IMAGE_V15}`,
        'app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"',
        'app env LOG_LEVEL: "info" → "debug"',
        'app memory request: 512Mi → 256Mi',
        'app memory limit: 512Mi → 384Mi',
      ],
      change: 'app image 2.14.0 → 2.15.0',
      text: 'revision 7 (25m ago: app image 2.14.0 → 2.15.0)',
      at: minutesAgo(25),
    });
  });

  it.each([
    ['dependency-error', 'app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"'],
    ['oom-killed', 'app memory limit: 512Mi → 384Mi'],
    ['container-config', 'app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"'],
    ['hpa', 'app image 2.14.0 → 2.15.0'],
  ] as const)('for a %s mechanism, picks the change "%s"', (kind, change) => {
    const t = trigger(badRolloutScenario(), mechanism(kind, NEW_PODS));
    expect(t.kind === 'revision' ? t.change : t.kind).toBe(change);
  });

  it('picks the env line whose new value the mechanism names (a topic the broker lacks) over an image bump and other env', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, env: [...c.env, { name: 'LEDGER_TOPIC', value: r.revision === 7 ? 'ledger.events.v2' : 'ledger.events' }] })) }));
    const title = 'Kafka topic ledger.events.v2 does not exist on the brokers: they answer UNKNOWN_TOPIC_OR_PARTITION (8 lines in the logs of 2 pods)';
    const t = trigger(ev, mechanism('missing-destination', NEW_PODS, { title, decisive: 'TimeoutException: Topic ledger.events.v2 not present in metadata after 60000 ms.' }));
    expect(t.kind === 'revision' ? t.change : t.kind).toBe('app env LEDGER_TOPIC: "ledger.events" → "ledger.events.v2"');
    // The old value is a prefix of the new one: only the whole new value counts.
    const old = trigger(ev, mechanism('dependency-error', NEW_PODS, { title: 'Calls to topic ledger.events fail' }));
    expect(old.kind === 'revision' ? old.change : old.kind).not.toContain('LEDGER_TOPIC');
    // Any mechanism that quotes the value: a host the calls fail on, over the first env line of the diff.
    const host = trigger(ev, mechanism('dependency-error', NEW_PODS, { title: 'Calls to ledger.events.v2:9092 are reset by the peer' }));
    expect(host.kind === 'revision' ? host.change : host.kind).toBe('app env LEDGER_TOPIC: "ledger.events" → "ledger.events.v2"');
  });

  it('clears a revision that left the env var naming the missing topic alone', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, env: [...c.env, { name: 'LEDGER_TOPIC', value: 'ledger.events' }] })) }));
    const m = mechanism('missing-destination', NEW_PODS, { title: 'Kafka topic ledger.events (env LEDGER_TOPIC) does not exist on the brokers: they answer UNKNOWN_TOPIC_OR_PARTITION (8 lines in the logs of 2 pods)' });
    const t = trigger(ev, m);
    expect(t.kind).toBe('none');
    expect(t.kind === 'none' ? t.exonerated : '').toMatch(/did not change env LEDGER_TOPIC, which names the topic/);
    // A revision that renamed it is the lead.
    const renamed = badRolloutScenario();
    renamed.revisions = renamed.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, env: [...c.env, { name: 'LEDGER_TOPIC', value: r.revision === 7 ? 'ledger.events' : 'ledger' }] })) }));
    const lead = trigger(renamed, m);
    expect(lead.kind === 'revision' ? lead.change : lead.kind).toBe('app env LEDGER_TOPIC: "ledger" → "ledger.events"');
  });

  it('picks the setting named after the exhausted limit (a pool size, keep-alive, a timeout) over an image bump and other env', () => {
    const withEnv = (env: { name: string; value: string }[]) => {
      const ev = badRolloutScenario();
      ev.revisions = ev.revisions.map((r) => (r.revision === 7 ? { ...r, containers: r.containers.map((c) => ({ ...c, env: [...c.env, ...env] })) } : r));
      return ev;
    };
    const pool = withEnv([{ name: 'DB_POOL_MAX_SIZE', value: '3' }]);
    const exhausted = trigger(pool, mechanism('resource-exhaustion', NEW_PODS, { id: 'resource-exhaustion/connection-pool', title: 'payment-service waits on an exhausted connection pool' }));
    expect(exhausted.kind === 'revision' ? exhausted.change : exhausted.kind).toBe('app env added DB_POOL_MAX_SIZE = "3"');
    const agent = withEnv([{ name: 'HTTP_KEEPALIVE', value: 'false' }]);
    const ports = trigger(agent, mechanism('resource-exhaustion', NEW_PODS, { id: 'resource-exhaustion/source-ports', title: 'payment-service runs out of ephemeral source ports' }));
    expect(ports.kind === 'revision' ? ports.change : ports.kind).toBe('app env added HTTP_KEEPALIVE = "false"');
    const timeout = withEnv([{ name: 'LEDGER_TIMEOUT_MS', value: '50' }]);
    const slow = trigger(timeout, mechanism('dependency-error', NEW_PODS, { id: 'dependency-error/timeout/ledger:8443', title: 'Connections to ledger:8443 time out' }));
    expect(slow.kind === 'revision' ? slow.change : slow.kind).toBe('app env added LEDGER_TIMEOUT_MS = "50"');
    // A thread pool is not a connection pool: its size does not decide how connections are held.
    const threads = withEnv([{ name: 'UV_THREADPOOL_SIZE', value: '4' }]);
    const notThreads = trigger(threads, mechanism('resource-exhaustion', NEW_PODS, { id: 'resource-exhaustion/source-ports' }));
    expect(notThreads.kind === 'revision' ? notThreads.change : notThreads.kind).toBe('app image 2.14.0 → 2.15.0');
    // An image-only exhaustion keeps the image bump.
    const plain = trigger(badRolloutScenario(), mechanism('resource-exhaustion', NEW_PODS, { id: 'resource-exhaustion/connection-pool' }));
    expect(plain.kind === 'revision' ? plain.change : plain.kind).toBe('app image 2.14.0 → 2.15.0');
  });

  it('picks the init container change when an init container fails', () => {
    const ev = badRolloutScenario();
    const tpl = (image: string): PodTemplateEvidence => ({
      initContainers: [revisionContainer({ name: 'migrate', image, env: [], envFrom: [] })],
      volumes: [],
      imagePullSecrets: [],
      placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
    });
    ev.revisions = ev.revisions.map((r) => ({ ...r, template: tpl(r.revision === 7 ? IMAGE_V15.replace('payment-service:', 'payment-migrations:') : IMAGE_V14.replace('payment-service:', 'payment-migrations:')) }));
    const t = trigger(ev, mechanism('exit-code', NEW_PODS, { title: `Container migrate (init) exits with code 1 on 3/5 pods` }));
    expect(t).toMatchObject({ kind: 'revision', change: 'init migrate image 2.14.0 → 2.15.0', text: 'revision 7 (25m ago: init migrate image 2.14.0 → 2.15.0)' });
  });

  it('picks the volume a revision added when the claim it mounts is the one that stays Pending', () => {
    const ev = badRolloutScenario();
    const tpl = (volumes: PodTemplateEvidence['volumes']): PodTemplateEvidence => ({ initContainers: [], volumes, imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } });
    ev.revisions = ev.revisions.map((r) => ({ ...r, template: tpl(r.revision === 7 ? [{ name: 'cache', source: 'pvc', ref: 'render-cache' }] : []) }));
    const pending = (claim: string) => mechanism('pvc-pending', NEW_PODS, { title: `PVC ${claim} Pending: it asks ReadWriteMany on StorageClass gp3, whose driver ebs.csi.aws.com supports only ReadWriteOnce` });
    expect(trigger(ev, pending('render-cache'))).toMatchObject({ kind: 'revision', change: 'volumes: (none) → "cache:pvc/render-cache"' });
    // A claim the revision did not add: the revision's headline change stays the lead.
    expect(trigger(ev, pending('data-ledger-0'))).toMatchObject({ kind: 'revision', change: 'app image 2.14.0 → 2.15.0' });
  });

  it('picks the arrival of the container that holds the port the failing one cannot bind', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) => (r.revision === 7 ? { ...r, containers: [...r.containers, revisionContainer({ name: 'nginx', image: 'nginx:1.27.2-alpine', env: [], envFrom: [] })] } : r));
    const t = trigger(ev, mechanism('exit-code', NEW_PODS, { title: 'Container app exits with code 1 on 3/5 pods: port 8080 already in use, held by container nginx of the same pod' }));
    expect(t).toMatchObject({ kind: 'revision', change: 'container nginx added (nginx:1.27.2-alpine)' });
  });

  it('picks the dropped /dev/shm mount over an image bump when the process dies for lack of shared memory', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) => ({
      ...r,
      containers: r.containers.map((c) => ({ ...c, volumeMounts: r.revision === 7 ? [] : [{ name: 'dshm', mountPath: '/dev/shm' }] })),
    }));
    const decisive = 'RuntimeError: DataLoader worker (pid 57) is killed by signal: Bus error. It is possible that dataloader\'s workers are out of shared memory.';
    const t = trigger(ev, mechanism('exit-code', NEW_PODS, { decisive }));
    expect(t.kind === 'revision' ? t.change : t.kind).toMatch(/dshm→\/dev\/shm/);
  });

  it('picks the change of the failing sidecar over an image bump of the main container', () => {
    const ev = badRolloutScenario();
    const tunnel = (target: string) => revisionContainer({ name: 'db-tunnel', image: 'tunnel:3.1', env: [{ name: 'TUNNEL_TARGET', value: target }], envFrom: [] });
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: [...r.containers, tunnel(r.revision === 7 ? 'ledger-main-v2' : 'ledger-main')] }));
    const t = trigger(ev, mechanism('exit-code', NEW_PODS, { title: 'Sidecar container db-tunnel exits with code 1 on 3/5 pods' }));
    expect(t).toMatchObject({ kind: 'revision', change: 'db-tunnel env TUNNEL_TARGET: "ledger-main" → "ledger-main-v2"' });
  });

  it('picks a probe change for a liveness kill and a nodeSelector change for a placement failure', () => {
    const ev = badRolloutScenario();
    ev.revisions = ev.revisions.map((r) =>
      r.revision === 7
        ? {
            ...r,
            containers: r.containers.map((c) => ({ ...c, probes: { liveness: 'GET :9090/healthz, every 10s, timeout 1s, 3 failures' } })),
            template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2025' }, requiredNodeAffinity: [], tolerations: [] } },
          }
        : { ...r, containers: r.containers.map((c) => ({ ...c, probes: { liveness: 'GET :8080/healthz, every 10s, timeout 1s, 3 failures' } })), template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: { 'eks.amazonaws.com/nodegroup': 'general-2024' }, requiredNodeAffinity: [], tolerations: [] } } },
    );
    const liveness = trigger(ev, mechanism('liveness-kill', NEW_PODS));
    expect(liveness.kind === 'revision' ? liveness.change : liveness.kind).toBe('app liveness probe: GET :8080/healthz → GET :9090/healthz');
    const placement = trigger(ev, mechanism('placement', NEW_PODS));
    expect(placement.kind === 'revision' ? placement.change : placement.kind).toBe('nodeSelector: "eks.amazonaws.com/nodegroup=general-2024" → "eks.amazonaws.com/nodegroup=general-2025"');
  });

  it('exonerates a revision that runs fine on other nodes', () => {
    const ev = sameRevisionElsewhereScenario();
    const t = trigger(ev, mechanism('exit-code', [podName(REV7.hash, 0), podName(REV7.hash, 1)]));
    expect(t).toEqual({
      kind: 'none',
      text: 'revision 7 runs fine on 2 other pods on other nodes: not the rollout',
      exonerated: 'revision 7 runs fine on 2 other pods on other nodes: not the rollout',
    });
  });

  it('does not clear a revision that changed the setting of the failing mechanism (a pool size) on pods that happen to pass now', () => {
    const ev = sameRevisionElsewhereScenario();
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: r.containers.map((c) => ({ ...c, env: [...c.env, { name: 'MONGODB_MAX_POOL_SIZE', value: r.revision === 7 ? '10' : '100' }] })) }));
    const m = mechanism('resource-exhaustion', [podName(REV7.hash, 0), podName(REV7.hash, 1)], { id: 'resource-exhaustion/connection-pool', title: 'payment-service waits on an exhausted connection pool' });
    const t = trigger(ev, m);
    expect(t.kind === 'revision' ? t.change : t.text).toBe('app env MONGODB_MAX_POOL_SIZE: "100" → "10"');
  });

  it('does not clear a revision on "healthy" pods that log the very error the failing ones are quoted for', () => {
    const ev = sameRevisionElsewhereScenario();
    const error = '[ioredis] Unhandled error event: ReplyError: ERR max number of clients reached';
    ev.logs = [2, 3].map((i) => ({ pod: podName(REV7.hash, i), container: 'app', previous: false, lines: ['request completed 200', error] }));
    const t = trigger(ev, mechanism('readiness-probe', [podName(REV7.hash, 0), podName(REV7.hash, 1)], { decisive: error }));
    expect(t.kind).toBe('revision');
    expect(t.text).toMatch(/^revision 7 \(/);
    // A healthy pod whose log lacks the line (or logged it only in a previous run) still clears it.
    ev.logs = [2, 3].map((i) => ({ pod: podName(REV7.hash, i), container: 'app', previous: true, lines: [error] }));
    expect(trigger(ev, mechanism('readiness-probe', [podName(REV7.hash, 0), podName(REV7.hash, 1)], { decisive: error })).text).toBe('revision 7 runs fine on 2 other pods on other nodes: not the rollout');
  });

  it('calls a first revision a first install, with nothing to roll back to', () => {
    const rev1 = { revision: 1, hash: '8d4f6c9b7a' };
    const pods = [0, 1, 2].map((i) => {
      const p = pod(i, { revisionHash: rev1.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) });
      return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1), 7)] };
    });
    const base = baseEvidence({
      pods,
      events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, firstSeen: minutesAgo(18), lastSeen: minutesAgo(0.5) })),
      workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, currentRevision: 1, createdAt: minutesAgo(20) }),
    });
    const first = revision(rev1, minutesAgo(20), { replicas: 3 });
    const ev = { ...base, revisions: [first] };
    expect(trigger(ev, mechanism('exit-code', pods.map((p) => p.name)))).toEqual({
      kind: 'first-install',
      revision: first,
      text: 'first install (revision 1, 20m ago): nothing earlier to compare with or roll back to',
      at: minutesAgo(20),
    });
  });

  it('names a NetworkPolicy created shortly before the pods went unready', () => {
    const { policy, object } = denyEgress(27);
    const ev = { ...readiness503Scenario(), networkPolicies: [policy], namespaceObjects: [object, { kind: 'ConfigMap' as const, name: 'kube-root-ca.crt', createdAt: minutesAgo(200 * 24 * 60) }] };
    const m = mechanism('network-policy', [0, 1, 2].map((i) => podName(REV6.hash, i)));
    expect(trigger(ev, m)).toEqual({ kind: 'object-change', object, text: 'NetworkPolicy default-deny-egress was created 27m ago', at: minutesAgo(27) });
    // The same policy explains pods whose readiness fails on it.
    expect(trigger(ev, { ...m, kind: 'readiness-probe' }).kind).toBe('object-change');
  });

  it('does not name a NetworkPolicy created after the failures began', () => {
    const { policy, object } = denyEgress(10);
    const ev = { ...readiness503Scenario(), networkPolicies: [policy], namespaceObjects: [object] };
    expect(trigger(ev, mechanism('network-policy', [0, 1, 2].map((i) => podName(REV6.hash, i))))).toEqual({
      kind: 'none',
      text: 'no change found in the 2h before it began; the newest revision, 6, is 9d old',
    });
  });

  it('does not name a NetworkPolicy that selects other pods, or one that cannot explain the failure', () => {
    const pods = [0, 1, 2].map((i) => podName(REV6.hash, i));
    const other = denyEgress(27, { podSelector: { app: 'fraud-service' } });
    expect(trigger({ ...readiness503Scenario(), networkPolicies: [other.policy], namespaceObjects: [other.object] }, mechanism('network-policy', pods)).kind).toBe('none');
    const mine = denyEgress(27);
    expect(trigger({ ...readiness503Scenario(), networkPolicies: [mine.policy], namespaceObjects: [mine.object] }, mechanism('oom-killed', pods)).kind).toBe('none');
  });

  it('prefers the NetworkPolicy over a revision rolled out in the same window when the mechanism is the policy', () => {
    const { policy, object } = denyEgress(24);
    const ev = { ...badRolloutScenario(), networkPolicies: [policy], namespaceObjects: [object] };
    expect(trigger(ev, mechanism('network-policy', NEW_PODS))).toEqual({ kind: 'object-change', object, text: 'NetworkPolicy default-deny-egress was created 24m ago', at: minutesAgo(24) });
    expect(trigger(ev, mechanism('exit-code', NEW_PODS)).kind).toBe('revision');
  });

  it('names the most recent change of a ConfigMap the failing pods read', () => {
    const ev = crashScenario(3, (i) => terminated(1, 'Error', 2 + i));
    ev.pods = ev.pods.map((p) => ({
      ...p,
      volumes: [{ name: 'rules', source: 'configMap', ref: 'fraud-rules' }],
      containers: p.containers.map((c) => ({ ...c, envFrom: [{ kind: 'configMap' as const, name: 'payment-service-config' }] })),
    }));
    const config: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'payment-service-config', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(36) };
    const rules: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'fraud-rules', createdAt: minutesAgo(50) };
    const unused: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'ledger-config', createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(35) };
    ev.namespaceObjects = [rules, unused, config];
    expect(trigger(ev, mechanism('exit-code', [0, 1, 2].map((i) => podName(REV6.hash, i))))).toEqual({ kind: 'object-change', object: config, text: 'ConfigMap payment-service-config was changed 36m ago', at: minutesAgo(36) });
  });

  it('names the ConfigMap change a rollout restart picked up, not the restart, when the mechanism names that ConfigMap', () => {
    const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(36), startTime: minutesAgo(36), containers: [container({ envFrom: [{ kind: 'configMap', name: 'payment-service-config' }] })] }));
    const base = baseEvidence({ pods });
    // `kubectl rollout restart`: the template differs only by its restartedAt annotation, which the diff leaves out.
    const ev: TriageEvidence = { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(36))] };
    const config: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'payment-service-config', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(38) };
    ev.namespaceObjects = [config];
    const limit = mechanism('slow-dependency', NEW_PODS, { title: 'Statements are cancelled at the pods\' own statement_timeout=2000, set by PGOPTIONS in ConfigMap payment-service-config (envFrom)', onset: minutesAgo(31) });
    expect(trigger(ev, limit)).toEqual({ kind: 'object-change', object: config, text: 'ConfigMap payment-service-config was changed 38m ago and picked up by revision 7, a restart of the same template (36m ago)', at: minutesAgo(38), restartOf: revision(REV7, minutesAgo(36)) });
    // A mechanism that does not name it: the restart stays what changed.
    expect(trigger(ev, { ...limit, title: 'Slow queries to a dependency' }).kind).toBe('revision');
  });

  it('names the edit of a ConfigMap a sidecar mounts when the revision changed only the other container: for the sidecar it was a restart', () => {
    const proxy = container({ name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }] });
    const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(14), startTime: minutesAgo(14), ready: false, volumes: [{ name: 'conf', source: 'configMap', ref: 'web-nginx' }], containers: [container(), { ...proxy, ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(1, 'Error', 1) }] }));
    const base = baseEvidence({ pods });
    const sidecar = revisionContainer({ name: 'nginx', image: 'nginx:1.27', env: [], envFrom: [] });
    const ev: TriageEvidence = {
      ...base,
      revisions: [revision(REV6, minutesAgo(6 * 24 * 60), { containers: [revisionContainer(), sidecar] }), revision(REV7, minutesAgo(14), { containers: [revisionContainer({ image: IMAGE_V15 }), sidecar] })],
      namespaceObjects: [{ kind: 'ConfigMap', name: 'web-nginx', createdAt: minutesAgo(140 * 24 * 60), changedAt: minutesAgo(95) }],
    };
    const crash = mechanism('exit-code', NEW_PODS.slice(0, 2), { title: 'Sidecar container nginx exits with code 1 on 2/5 pods' });
    const t = trigger(ev, crash);
    expect(t.kind).toBe('object-change');
    expect(t.text).toBe('ConfigMap web-nginx was changed 1h 35m ago and picked up by revision 7 (14m ago), which left container nginx as it was and only restarted it');
    // The app container failing, whose image the revision changed: the revision stays the change.
    expect(trigger(ev, { ...crash, title: 'Container app exits with code 1 on 2/5 pods' }).kind).toBe('revision');
  });

  it('never blames the revision for a fault outside the workload, and says why it is not the cause', () => {
    const ev = webhookDownScenario();
    const refused = mechanism('pod-create-failed', [], { affected: undefined, layer: 'network/routing', outsideWorkload: 'any new pod, of any revision, is refused by the same webhook' });
    const text = 'revision 7 (12m ago) is not the cause: any new pod, of any revision, is refused by the same webhook';
    expect(trigger(ev, refused)).toEqual({ kind: 'none', text, exonerated: text });
    // The same refusal without the mark would be pinned on the rollout.
    expect(trigger(ev, { ...refused, outsideWorkload: undefined }).kind).toBe('revision');
  });

  it('clears the revision as the trigger when the mechanism already dates its own change (a Job\'s run)', () => {
    const ev = webhookDownScenario();
    const dated = mechanism('pod-create-failed', [], { affected: undefined, layer: 'network/routing', outsideWorkload: 'any new pod, of any revision, is refused by the same webhook', datesChange: true });
    expect(trigger(ev, dated)).toMatchObject({ kind: 'none', exonerated: 'revision 7 (12m ago) is not the trigger: any new pod, of any revision, is refused by the same webhook' });
  });

  it('dates a fault the Ready pods do not show by the onset its analyzer saw, and picks the command change', () => {
    const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20), startTime: minutesAgo(20), containers: [container({ command: ['sleep', 'infinity'], probes: {} })] }));
    const base = baseEvidence({ pods });
    const ev = { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(21), { containers: [revisionContainer({ command: ['sleep', 'infinity'] })] })] };
    const idle = mechanism('idle-command', NEW_PODS, { onset: minutesAgo(20) });
    expect(trigger(ev, idle)).toMatchObject({ kind: 'revision', text: 'revision 7 (21m ago: app command: (none) → "sleep" "infinity")' });
    // Without it, Ready pods and no warning give no onset, and nothing to pin on the rollout.
    expect(trigger(ev, { ...idle, onset: undefined }).kind).toBe('none');
  });

  it('names the Service changed with a revision that left the containers\' ports alone when the Service\'s ports are at fault', () => {
    const base = baseEvidence();
    const labelOnly = revision(REV7, minutesAgo(28), { replicas: 5, template: { labels: { app: APP, 'helm.sh/chart': 'payment-service-3.0.0' }, initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } } });
    const older = { ...(base.revisions[1] as RevisionEvidence), template: { ...(labelOnly.template as PodTemplateEvidence), labels: { app: APP, 'helm.sh/chart': 'payment-service-2.9.1' } } };
    const pods = base.pods.map((p) => ({ ...p, revisionHash: REV7.hash }));
    const service: NamespaceObjectEvidence = { kind: 'Service', name: APP, createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(28) };
    const ev: TriageEvidence = { ...base, pods, revisions: [base.revisions[0] as RevisionEvidence, older, labelOnly], namespaceObjects: [service] };
    const crossed = mechanism('service-target-port', [], { affected: { services: [APP] }, layer: 'network/routing', onset: minutesAgo(28) });
    expect(trigger(ev, crossed)).toEqual({ kind: 'object-change', object: service, text: `Service ${APP} was changed 28m ago`, at: minutesAgo(28) });
    // A revision that renamed the containers' ports may have crossed them itself.
    const renamed = { ...labelOnly, containers: [revisionContainer({ ports: ['8080/TCP "grpc"'] })] };
    const olderPorts = { ...older, containers: [revisionContainer({ ports: ['8080/TCP "http"'] })] };
    expect(trigger({ ...ev, revisions: [olderPorts, renamed] }, crossed).kind).toBe('revision');
  });

  it('names the node that went bad for a node condition', () => {
    const ev = nodeNotReadyScenario();
    const m = mechanism('node-condition', [], { affected: { nodes: [NODE_C] } });
    expect(trigger(ev, m)).toEqual({ kind: 'node', node: NODE_C, text: `node ${NODE_C} went bad 12m ago`, at: minutesAgo(12) });
    expect(trigger({ ...ev, nodes: ev.nodes.filter((n) => n.name !== NODE_C) }, m)).toEqual({ kind: 'node', node: NODE_C, text: `node ${NODE_C} is unhealthy` });
  });

  it('says no change was found, with the age of the newest revision', () => {
    const ev = crashScenario(3, (i) => terminated(1, 'Error', 2 + i));
    expect(trigger(ev, mechanism('exit-code', [0, 1, 2].map((i) => podName(REV6.hash, i))))).toEqual({
      kind: 'none',
      text: 'no change found in the 2h before it began; the newest revision, 6, is 9d old',
    });
  });

  it('does not blame a revision rolled out after the failures began', () => {
    // Revision 6's pods have failed for 50 minutes; revision 7 (an attempted fix) came 20 minutes ago and fails too.
    const ev = crashScenario(3, (i) => terminated(1, 'Error', 2 + i));
    ev.events = ev.events.map((e) => ({ ...e, firstSeen: minutesAgo(50) }));
    const newPod = { ...pod(5, { revisionHash: REV7.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) }), ready: false, containers: [crashLooping(podName(REV7.hash, 5), terminated(1, 'Error', 1), 4)] };
    ev.pods.push(newPod);
    ev.revisions.push(revision(REV7, minutesAgo(20), { replicas: 1 }));
    const t = trigger(ev, mechanism('exit-code', [...[0, 1, 2].map((i) => podName(REV6.hash, i)), newPod.name]));
    expect(t).toEqual({ kind: 'none', text: 'no change found in the 2h before it began; the newest revision, 7, is 20m old' });
  });

  it('says changes are unknown when the rollout history could not be read', () => {
    const ev = { ...crashScenario(3, (i) => terminated(1, 'Error', 2 + i)), revisions: [] };
    const pods = [0, 1, 2].map((i) => podName(REV6.hash, i));
    const forbidden = { ...ev, readFailures: [{ what: `replicasets in ${NS}`, source: 'revisions' as const, reason: 'forbidden' as const, detail: 'replicasets.apps is forbidden' }] };
    expect(trigger(forbidden, mechanism('exit-code', pods))).toEqual({ kind: 'none', text: 'changes unknown: the rollout history could not be read' });
    const skipped = { ...ev, readFailures: [{ what: `replicasets in ${NS}`, source: 'revisions' as const, reason: 'skipped' as const, detail: 'over the read budget' }] };
    expect(trigger(skipped, mechanism('exit-code', pods))).toEqual({ kind: 'none', text: 'no change found in the 2h before it began' });
  });

  it('falls back to the failing pods and the earliest recent warning without a mechanism', () => {
    const ev = badRolloutScenario();
    expect(trigger(ev, undefined)).toMatchObject({ kind: 'revision', text: 'revision 7 (25m ago: app image 2.14.0 → 2.15.0)' });
  });
});

describe('rollbackFits', () => {
  const revisionTrigger = (): Trigger => {
    const ev = badRolloutScenario();
    return trigger(ev, mechanism('exit-code', NEW_PODS));
  };

  it('fits when every failing pod is the new revision', () => {
    const d = compareFailingHealthy(badRolloutScenario());
    expect(rollbackFits(revisionTrigger(), d)).toBe(true);
  });

  it('ignores failing pods whose revision is unknown', () => {
    const ev = badRolloutScenario();
    const orphan: PodEvidence = { ...(ev.pods[0] as PodEvidence), name: `${APP}-debug`, revisionHash: undefined };
    const d = compareFailingHealthy(ev, [...ev.pods.slice(0, 3), orphan]);
    expect(rollbackFits(revisionTrigger(), d)).toBe(true);
  });

  it('does not fit when pods of the old revision fail too', () => {
    const ev = badRolloutScenario();
    const d = compareFailingHealthy(ev, [...ev.pods.slice(0, 3), { ...(ev.pods[3] as PodEvidence), ready: false }]);
    expect(rollbackFits(revisionTrigger(), d)).toBe(false);
  });

  it('does not fit without a revision trigger', () => {
    const d = compareFailingHealthy(badRolloutScenario());
    expect(rollbackFits({ kind: 'none', text: 'no change found in the 2h before it began' }, d)).toBe(false);
    expect(rollbackFits({ kind: 'node', node: NODE_A, text: `node ${NODE_A} is unhealthy` }, d)).toBe(false);
    expect(rollbackFits({ kind: 'first-install', revision: revision({ revision: 1, hash: 'x' }, minutesAgo(20)), text: 'first install', at: minutesAgo(20) }, d)).toBe(false);
  });
});

describe('findTrigger after a rollout undo', () => {
  const schema = (ev: TriageEvidence) => mechanism('schema-migration', ev.pods.map((p) => p.name), { onset: minutesAgo(6), title: 'Queries fail on 3/3 pods: column p.customer_id does not exist' });

  it('names the rollback as the change, dated when the old ReplicaSet was scaled back up, not when it was first made', () => {
    const ev = rolledBackScenario();
    const t = trigger(ev, schema(ev));
    expect(t.kind).toBe('revision');
    if (t.kind !== 'revision') return;
    expect(t.revision.revision).toBe(UNDONE.revision);
    expect(t.previous.revision).toBe(6);
    expect(t.at).toBe(minutesAgo(23));
    expect(t.rollback?.to).toBe(2);
    expect(t.text).toBe('revision 7 (a rollback restoring revision 2, 23m ago: app image 2.15.0 → 2.13.2, a release 41d old)');
  });

  it('without the annotation, still a rollback to an older release (no number to name)', () => {
    const ev = rolledBackScenario({ history: false });
    const t = trigger(ev, schema(ev));
    expect(t.text).toBe('revision 7 (a rollback, 23m ago: app image 2.15.0 → 2.13.2, a release 41d old)');
  });
});
