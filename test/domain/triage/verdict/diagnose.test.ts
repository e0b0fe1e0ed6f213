import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { analyzePodCreateFailures } from '../../../../src/domain/triage/analyzers/pod-create-failed.js';
import { analyzePodSandbox } from '../../../../src/domain/triage/analyzers/pod-sandbox.js';
import { diagnose, pickMechanism } from '../../../../src/domain/triage/verdict/diagnose.js';
import { APP, IMAGE_V15, NODE_A, NODE_B, NODE_C, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, podName, revision, revisionContainer, terminated, workload } from '../scenarios/builders.js';
import { nodeConcentrationScenario } from '../scenarios/nodes.js';
import { readiness503Scenario } from '../scenarios/probes.js';
import { badRolloutScenario, rolledBackScenario } from '../scenarios/rollout.js';

const NEW_PODS = [0, 1, 2].map((i) => podName(REV7.hash, i));
const DNS_LINE = '{"level":"fatal","ts":"2026-11-21T03:12:45Z","msg":"database unreachable","error":"dial tcp: lookup postgress.payments.svc.cluster.local on 172.20.0.10:53: no such host"}';

function finding(over: Partial<Finding> & Pick<Finding, 'id' | 'kind' | 'title'>): Finding {
  return {
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [],
    likelyCause: '',
    nextAction: '',
    confirmCommands: [],
    ...over,
  };
}

/** What dependency-errors says about the DB_HOST typo of revision 7. */
const dnsTypo = finding({
  id: 'dependency-error/postgress.payments.svc.cluster.local',
  kind: 'dependency-error',
  title: 'Dependency postgress.payments.svc.cluster.local does not resolve (no such host)',
  layer: 'network/routing',
  decisive: DNS_LINE,
  nextAction: 'Compare the host name with the existing Services; if a config change renamed it, roll that back.',
  fix: 'fix DB_HOST (postgress → postgres)',
  confirmCommands: [
    `kubectl logs ${NEW_PODS[0] ?? ''} -c app --previous --tail=100 -n payments --context prod-eu-west-1`,
    'kubectl get svc -n payments --context prod-eu-west-1',
    'kubectl get endpointslices -n payments --context prod-eu-west-1',
  ],
  affected: { pods: NEW_PODS },
});

const rollout = finding({ id: 'recent-rollout/7', kind: 'recent-rollout', title: 'Revision 7 rolled out 25m ago, 2m before the failures began (app image 2.14.0 → 2.15.0, +4 more changes)', layer: 'rollout/change', fix: 'roll back to revision 6' });

describe('pickMechanism', () => {
  it('takes the first finding that says what fails, not what changed', () => {
    expect(pickMechanism([rollout, dnsTypo])).toBe(dnsTypo);
  });

  it('falls back to a change when nothing else is a problem', () => {
    const context = finding({ id: 'hpa/payment-service', kind: 'hpa', title: 'HPA at its maximum', severity: 'info' });
    expect(pickMechanism([context, rollout])).toBe(rollout);
  });

  it('takes nothing from context alone', () => {
    expect(pickMechanism([finding({ id: 'hpa/payment-service', kind: 'hpa', title: 'HPA at its maximum', severity: 'info' })])).toBeUndefined();
    expect(pickMechanism([])).toBeUndefined();
  });
});

describe('diagnose', () => {
  it('leads with the revision, quotes the decisive line and offers the rollback first', () => {
    const d = diagnose(badRolloutScenario(), [rollout, dnsTypo]);
    expect(d?.mechanism).toBe(dnsTypo);
    expect(d?.trigger.kind).toBe('revision');
    expect(d?.separation).toEqual({ attribute: 'revision', failing: ['revision 7'], healthy: ['revision 6'] });
    expect(d?.action).toBe('Roll back to revision 6, or fix DB_HOST (postgress → postgres)');
    expect(d?.actionCommand).toBe('kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1');
    expect(d?.confirm).toEqual([
      `kubectl logs ${NEW_PODS[0] ?? ''} -c app --previous --tail=100 -n payments --context prod-eu-west-1`,
      'kubectl get svc -n payments --context prod-eu-west-1',
      'kubectl rollout history deployment/payment-service --revision=7 -n payments --context prod-eu-west-1',
    ]);
    expect(d?.confidence).toBe('high');
    expect(d?.headline).toBe(
      'Since revision 7 (25m ago: app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"): ' +
        'Dependency postgress.payments.svc.cluster.local does not resolve (no such host)' +
        ` — "${DNS_LINE}". ` +
        'Roll back to revision 6, or fix DB_HOST (postgress → postgres).',
    );
  });

  it('says the fix first and the rollback as the fallback when a rollback would undo what the revision meant to do', () => {
    const probe = { ...dnsTypo, id: 'liveness-kill/liveness/app', kind: 'liveness-kill' as const, fix: 'make the liveness probe authenticate', rollbackUndoes: 'drop the password requirement it brought' };
    const d = diagnose(badRolloutScenario(), [rollout, probe]);
    expect(d?.action).toBe('Make the liveness probe authenticate; rolling back to revision 6 would also drop the password requirement it brought, so keep it as the fallback');
    expect(d?.actionCommand).toBe('kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1');
  });

  it('says the step after the rollback, not an alternative to it, when the change skipped one', () => {
    const store = { ...dnsTypo, id: 'exit-code/app-error/app', kind: 'exit-code' as const, fix: 'upgrade the data first', rollbackThen: 'upgrade the data from the old version before moving again' };
    const d = diagnose(badRolloutScenario(), [rollout, store]);
    expect(d?.action).toBe('Roll back to revision 6, then upgrade the data from the old version before moving again');
    expect(d?.actionCommand).toBe('kubectl rollout undo deployment/payment-service --to-revision=6 -n payments --context prod-eu-west-1');
  });

  it('clips a long decisive quote in the middle, keeping its head and its end, and does not repeat one the title already carries', () => {
    const stack = `java.lang.IllegalStateException: Failed to load ApplicationContext ${'for [WebMergedContextConfiguration@6b2e46af testClass = PaymentServiceApplication] '.repeat(4)}`;
    const long = diagnose(badRolloutScenario(), [{ ...dnsTypo, decisive: stack }]);
    // The exception's package goes before any of the message (quote-shorten.ts).
    const text = stack.replace(/\s+/g, ' ').trim().replace(/^java\.lang\./, '');
    expect(long?.headline).toContain(` — "${text.slice(0, 68)} … ${text.slice(text.length - 99)}". `);
    const inTitle = diagnose(badRolloutScenario(), [{ ...dnsTypo, decisive: 'does not resolve' }]);
    expect(inTitle?.headline).toBe(
      'Since revision 7 (25m ago: app env DB_HOST: "postgres.payments.svc.cluster.local" → "postgress.payments.svc.cluster.local"): Dependency postgress.payments.svc.cluster.local does not resolve (no such host). Roll back to revision 6, or fix DB_HOST (postgress → postgres).',
    );
  });

  it('offers no rollback when the mechanism lives outside the workload, and says the rollout is not the cause', () => {
    // Revision 7 (12 minutes old) cannot create a single pod: the sidecar injector's webhook has no endpoints.
    const message = 'Error creating: Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"';
    const base = baseEvidence({
      pods: [0, 1, 2, 3].map((i) => pod(i)),
      workload: workload({ specReplicas: 4, replicas: 4, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 0, currentRevision: 7 }),
      events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message, count: 19, firstSeen: minutesAgo(12), lastSeen: minutesAgo(0.5), source: 'replicaset-controller' })],
    });
    const ev = { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(12), { replicas: 0, containers: [revisionContainer({ image: IMAGE_V15 })] })] };
    const d = diagnose(ev, analyzePodCreateFailures(ev));
    expect(d?.trigger).toMatchObject({ kind: 'none', exonerated: 'revision 7 (12m ago) is not the cause: any new pod, of any revision, is refused by the same webhook' });
    expect(d?.actionCommand).toBeUndefined();
    expect(d?.action).toBe('Bring Service istiod in istio-system back');
    expect(d?.headline).toMatch(/^Pods cannot be created: admission webhook namespace\.sidecar-injector\.istio\.io has no endpoints \(Service istiod in istio-system has no ready pod\), so the API server refuses every new pod — ".*"; revision 7 \(12m ago\) is not the cause: any new pod, of any revision, is refused by the same webhook\. Bring Service istiod in istio-system back\.$/);
    expect(d?.headline).not.toMatch(/roll back/i);
  });

  it('lowers confidence when pods, events or logs could not be read', () => {
    const ev: TriageEvidence = { ...badRolloutScenario(), readFailures: [{ what: `previous logs of ${NEW_PODS[0] ?? ''}/app`, source: 'logs', reason: 'forbidden', detail: 'pods "x" is forbidden: User cannot get resource "pods/log"' }] };
    expect(diagnose(ev, [dnsTypo])?.confidence).toBe('medium');
    const skipped: TriageEvidence = { ...ev, readFailures: [{ what: 'logs of 40 more pods', source: 'logs', reason: 'skipped', detail: 'read cap' }] };
    expect(diagnose(skipped, [dnsTypo])?.confidence).toBe('high');
  });

  it('names the node the failing pods share, says nothing changed and suggests cordoning it', () => {
    const ev = nodeConcentrationScenario();
    const onC = [2, 5].map((i) => podName(REV6.hash, i));
    const exit = finding({
      id: 'exit-code/app',
      kind: 'exit-code',
      title: 'Container app exits with code 1 on 2/6 pods',
      nextAction: 'Read the previous logs of the container. Then fix what they name.',
      confirmCommands: [`kubectl logs ${onC[0] ?? ''} -c app --previous --tail=100 -n payments --context prod-eu-west-1`],
      affected: { pods: onC, nodes: [NODE_C] },
    });
    const d = diagnose(ev, [exit]);
    expect(d?.trigger).toEqual({ kind: 'none', text: 'no change found in the 2h before it began; the newest revision, 6, is 9d old' });
    expect(d?.separation).toEqual({ attribute: 'node', failing: [NODE_C], healthy: ['ip-10-0-1-23.eu-west-1.compute.internal', 'ip-10-0-2-41.eu-west-1.compute.internal'] });
    expect(d?.actionCommand).toBeUndefined();
    expect(d?.action).toBe(`Cordon ${NODE_C} and delete its failing pods so they start elsewhere (the bot will not); then find what is wrong with the node`);
    expect(d?.headline).toBe(
      `Container app exits with code 1 on 2/6 pods (${onC.join(', ')}), all on node ${NODE_C} (healthy pods run on 2 other nodes); no change found in the 2h before it began. ` +
        `Cordon ${NODE_C} and delete its failing pods so they start elsewhere (the bot will not); then find what is wrong with the node.`,
    );
  });

  it('says the cordon once when the node\'s own fault already ends on one', () => {
    const ev = nodeConcentrationScenario();
    const onC = [2, 5].map((i) => podName(REV6.hash, i));
    const local = finding({
      id: `pod-sandbox/${NODE_C}`,
      kind: 'pod-sandbox',
      title: `New pods on node ${NODE_C} get no network`,
      fix: `repair the network agent on ${NODE_C}; meanwhile cordon ${NODE_C} and delete the stuck pods`,
      outsideWorkload: 'any new pod on that node gets no network there',
      affected: { pods: onC, nodes: [NODE_C] },
    });
    const d = diagnose(ev, [local]);
    expect(d?.action).toBe(`Cordon ${NODE_C} and delete its failing pods so they start elsewhere (the bot will not); then repair the network agent on ${NODE_C}`);
  });

  it('adds the exoneration of a rollout that runs fine elsewhere, and does not offer a rollback', () => {
    const ev = nodeConcentrationScenario();
    // Every pod is revision 7, rolled out 30 minutes ago; only the two on NODE_C crash, since 20 minutes.
    ev.pods = ev.pods.map((p) => ({ ...p, revisionHash: REV7.hash, createdAt: minutesAgo(29), startTime: minutesAgo(29) }));
    ev.events = ev.pods.filter((p) => !p.ready).map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, firstSeen: minutesAgo(20), lastSeen: minutesAgo(0.5) }));
    ev.revisions = [...ev.revisions, revision(REV7, minutesAgo(30), { replicas: 6 })];
    const onC = ev.pods.filter((p) => !p.ready).map((p) => p.name);
    const exit = finding({ id: 'exit-code/app', kind: 'exit-code', title: 'Container app exits with code 1 on 2/6 pods', fix: 'find what differs on the node', affected: { pods: onC } });
    const d = diagnose(ev, [exit]);
    expect(d?.trigger).toMatchObject({ kind: 'none', exonerated: 'revision 7 runs fine on 4 other pods on other nodes: not the rollout' });
    expect(d?.actionCommand).toBeUndefined();
    expect(d?.headline).toBe(
      `Container app exits with code 1 on 2/6 pods (${onC.join(', ')}), all on node ${NODE_C} (healthy pods run on 2 other nodes); revision 7 runs fine on 4 other pods on other nodes: not the rollout. ` +
        `Cordon ${NODE_C} and delete its failing pods so they start elsewhere (the bot will not); then find what is wrong with the node.`,
    );
  });

  it('says first install and fixes forward when there is no earlier revision', () => {
    const rev1 = { revision: 1, hash: '8d4f6c9b7a' };
    const pods = [0, 1, 2].map((i) => {
      const p = pod(i, { revisionHash: rev1.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) });
      return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1), 7)] };
    });
    const base = baseEvidence({
      pods,
      events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, firstSeen: minutesAgo(18), lastSeen: minutesAgo(0.5) })),
      workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, currentRevision: 1 }),
    });
    const ev = { ...base, revisions: [revision(rev1, minutesAgo(20), { replicas: 3 })] };
    const missing = finding({
      id: 'container-config/app',
      kind: 'container-config',
      title: 'Container app cannot start: secret "payments-db" not found',
      nextAction: 'Mitigate: create the Secret payments-db in payments. Then redeploy.',
      affected: { pods: pods.map((p) => p.name) },
    });
    const d = diagnose(ev, [missing]);
    expect(d?.trigger.kind).toBe('first-install');
    expect(d?.action).toBe('No earlier revision exists: create the Secret payments-db in payments.');
    expect(d?.headline).toBe('First install (revision 1, 20m ago): Container app cannot start: secret "payments-db" not found. No earlier revision exists: create the Secret payments-db in payments.');
  });

  it('never calls a later revision a first install when only its history is gone (revisionHistoryLimit 0)', () => {
    const rev37 = { revision: 37, hash: '6f8b9c7d5e' };
    const pods = [0, 1].map((i) => {
      const p = pod(i, { revisionHash: rev37.hash, createdAt: minutesAgo(25), startTime: minutesAgo(25) });
      return { ...p, ready: false, containers: [crashLooping(p.name, terminated(1, 'Error', 1), 9)] };
    });
    const base = baseEvidence({
      pods,
      events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, firstSeen: minutesAgo(24), lastSeen: minutesAgo(0.5) })),
      workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 2, currentRevision: 37 }),
    });
    const ev = { ...base, revisions: [{ ...revision(rev37, minutesAgo(26), { replicas: 2 }), changeCause: 'ci: settlement-worker 2.13.4 -> 2.14.0' }] };
    const crash = finding({
      id: 'exit-code/app',
      kind: 'exit-code',
      title: 'Container app exits with code 1 on 2/2 pods',
      decisive: "zoneinfo._common.ZoneInfoNotFoundError: 'No time zone found with key Europe/Berlin'",
      fix: 'fix what the log names',
      affected: { pods: pods.map((p) => p.name) },
    });
    const d = diagnose(ev, [crash]);
    expect(d?.headline).not.toMatch(/first install|no earlier revision exists/i);
    expect(d?.headline).toMatch(/^Since revision 37 \(26m ago, the only revision kept\): Container app exits with code 1/);
    expect(d?.action).toBe('No earlier revision is kept to roll back to (change cause: "ci: settlement-worker 2.13.4 -> 2.14.0"): redeploy what ran before by hand, or fix what the log names');
  });

  it('leads with the NetworkPolicy created before the onset and asks to fix it, never to roll back', () => {
    const ev: TriageEvidence = {
      ...readiness503Scenario(),
      networkPolicies: [{ name: 'default-deny-egress', createdAt: minutesAgo(27), podSelector: {}, policyTypes: ['Egress'], ingress: [], egress: [] }],
      namespaceObjects: [{ kind: 'NetworkPolicy', name: 'default-deny-egress', createdAt: minutesAgo(27) }],
    };
    const policy = finding({
      id: 'network-policy/default-deny-egress',
      kind: 'network-policy',
      title: 'NetworkPolicy default-deny-egress (created 27m ago) allows these pods no egress at all: connections to 10.100.23.7:5432 time out',
      decisive: 'dial tcp 10.100.23.7:5432: i/o timeout',
      fix: 'allow egress to 10.100.23.7:5432 in default-deny-egress',
      confirmCommands: ['kubectl get networkpolicy default-deny-egress -o yaml -n payments --context prod-eu-west-1', 'kubectl get networkpolicy -n payments --context prod-eu-west-1'],
      affected: { pods: [0, 1, 2].map((i) => podName(REV6.hash, i)) },
    });
    const d = diagnose(ev, [policy]);
    expect(d?.trigger.kind).toBe('object-change');
    expect(d?.confirm).toEqual(['kubectl get networkpolicy default-deny-egress -o yaml -n payments --context prod-eu-west-1', 'kubectl get networkpolicy -n payments --context prod-eu-west-1']);
    expect(d?.headline).toBe(
      'Since NetworkPolicy default-deny-egress was created 27m ago: NetworkPolicy default-deny-egress (created 27m ago) allows these pods no egress at all: connections to 10.100.23.7:5432 time out — "dial tcp 10.100.23.7:5432: i/o timeout". Allow egress to 10.100.23.7:5432 in default-deny-egress.',
    );
  });

  it('says which pod holds back the ordinals that were never created', () => {
    const ev = readiness503Scenario();
    const blocked = finding({
      id: 'readiness-probe/app',
      kind: 'readiness-probe',
      title: 'Readiness probe fails on ledger-1: HTTP 503',
      fix: 'fix what the readiness endpoint checks',
      explains: ['OrderedReady holds back ledger-2: ledger-1 is not ready (1/3 ready)'],
      affected: { pods: ['ledger-1'] },
    });
    expect(diagnose(ev, [blocked])?.headline).toBe('Readiness probe fails on ledger-1: HTTP 503; OrderedReady holds back ledger-2; no change found in the 2h before it began. Fix what the readiness endpoint checks.');
  });

  it('adds no "no change found" after a title its finding says dates the change behind it, whatever its wording', () => {
    const ev = readiness503Scenario();
    const cycle = finding({
      id: 'readiness-cycle/a/b',
      kind: 'readiness-cycle',
      title: 'a and b wait on each other\'s readiness (their 3 nodes: new, 1h 4m ago)',
      fix: 'break the cycle',
      datesChange: true,
    });
    expect(diagnose(ev, [cycle])?.headline).toBe('a and b wait on each other\'s readiness (their 3 nodes: new, 1h 4m ago). Break the cycle.');
    // The same words without the flag are only words: the search for a change is told.
    const { datesChange: _, ...unflagged } = cycle;
    expect(diagnose(ev, [{ ...unflagged, title: 'a and b wait on each other\'s readiness, since their 3 nodes were all replaced 1h 4m ago' }])?.headline).toContain('; no change found in the 2h before it began.');
  });

  it('uses the change itself as the mechanism when nothing else fails, without offering its rollback twice', () => {
    const d = diagnose(badRolloutScenario(), [rollout]);
    expect(d?.mechanism).toBe(rollout);
    expect(d?.trigger.kind).toBe('revision');
    expect(d?.actionCommand).toBeUndefined();
    expect(d?.action).toBe('Roll back to revision 6');
  });

  it('says the failing pods run another build of the same tag, and advises pinning the healthy digest rather than a rollback', () => {
    const repo = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service';
    const oldBuild = 'sha256:41a7c3e09d5b28f1e6a4c0b7d9e2f5a8c1b3d6e9f0a2b4c7d8e1f3a5b6c9d0e2';
    const newBuild = 'sha256:9f3c2b8e1d7a4f60c5b9e2d8a1f7c3b6e0d4a9f2c8b5e1d7a3f6c0b9e2d5a8f1';
    const built = (digest: string) => ({ image: `${repo}:latest`, imagePullPolicy: 'Always' as const, imageID: `${repo}@${digest}` });
    const pods = [0, 1, 2].map((i) => pod(i, { containers: [container(built(oldBuild))] }));
    const failing = [3, 4].map((i) => pod(i, { ready: false, createdAt: minutesAgo(24), startTime: minutesAgo(24), containers: [crashLooping(podName(REV6.hash, i), terminated(3, 'Error', 1, { runSeconds: 4 }), 9, built(newBuild))] }));
    const ev = baseEvidence({ pods: [...pods, ...failing], workload: workload({ readyReplicas: 3, availableReplicas: 3 }) });
    const exit = finding({ id: 'exit-code/app', kind: 'exit-code', title: 'Container app exits with code 3 on 2/5 pods', fix: 'fix what the log names', affected: { pods: failing.map((p) => p.name) } });
    const d = diagnose(ev, [exit]);
    expect(d?.separation?.attribute).toBe('image digest');
    expect(d?.headline).toBe(
      `Container app exits with code 3 on 2/5 pods (${failing.map((p) => p.name).join(', ')}), only on pods running another build of payment-service:latest ` +
        '(digest sha256:9f3c2b8e1d7a; the 3 healthy pods run sha256:41a7c3e09d5b): the tag now points at another build, and imagePullPolicy Always pulls it into every new pod. ' +
        'Pin app to the digest the healthy pods run (payment-service@sha256:41a7c3e09d5b…) instead of the mutable tag — a rollback would pull the same tag; then fix what the log names.',
    );
    expect(d?.actionCommand).toBe(`kubectl set image deployment/${APP} app=${repo}@${oldBuild} -n payments --context prod-eu-west-1`);
    expect(d?.confirm).toContain(`kubectl get pods -l app=${APP} -o custom-columns='NAME:.metadata.name,IMAGE:.status.containerStatuses[*].imageID' -n payments --context prod-eu-west-1`);
  });

  it('has no verdict without a finding that is a problem', () => {
    expect(diagnose(baseEvidence(), [])).toBeUndefined();
    expect(diagnose(baseEvidence(), [finding({ id: 'hpa/payment-service', kind: 'hpa', title: 'HPA at its maximum', severity: 'info' })])).toBeUndefined();
  });
});

describe('diagnose after a rollout undo', () => {
  it('advises rolling forward to the revision the rollback replaced, never further back', () => {
    const ev = rolledBackScenario();
    const schema = finding({ id: 'schema-migration/mismatch', kind: 'schema-migration', title: 'Queries fail on 3/3 pods: column p.customer_id does not exist', onset: minutesAgo(6), affected: { pods: ev.pods.map((p) => p.name) }, fix: 'release code that matches the migrated schema' });
    const d = diagnose(ev, [schema]);
    expect(d?.headline).toMatch(/^Since revision 7 \(a rollback restoring revision 2, 23m ago/);
    expect(d?.action).toMatch(/^Roll forward to revision 6 \(2\.15\.0, what ran before the rollback\)/);
    expect(d?.actionCommand).toContain('rollout undo deployment/payment-service --to-revision=6');
    // Neither the advice nor the description of the undo may read as "roll back to revision 2".
    expect(d?.headline).not.toMatch(/roll ?back to/i);
  });
});

describe('diagnose a fault that holds on every node', () => {
  it('names no node and advises no cordon when the failing pods merely happen to sit on one', () => {
    const refused = 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "7e2a": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized';
    const stuck = [4, 5].map((i) => pod(i, { nodeName: NODE_B, phase: 'Pending', ready: false, createdAt: minutesAgo(17), startTime: minutesAgo(17), containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })] }));
    const healthy = [0, 1, 2, 3].map((i) => pod(i, { nodeName: i % 2 ? NODE_A : NODE_C }));
    const ev = baseEvidence({ pods: [...healthy, ...stuck], events: stuck.map((s) => event({ object: { kind: 'Pod', name: s.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: refused, count: 31, firstSeen: minutesAgo(17), lastSeen: minutesAgo(0.5) })) });
    const d = diagnose(ev, analyzePodSandbox(ev));
    expect(d?.headline).toMatch(/^New pods on every node get no network/);
    expect(d?.separation).toBeUndefined();
    expect(d?.headline).not.toMatch(/all on node|[Cc]ordon ip-/);
  });
});
