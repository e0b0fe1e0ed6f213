// Pods that never ask the cluster DNS (dnsPolicy Default or None, or hostNetwork under ClusterFirst)
// cannot resolve cluster names: the verdict must blame the DNS policy, not the Service or CoreDNS.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { describeBypass, isClusterName } from '../../../src/domain/triage/cluster-dns-bypass.js';
import type { PodEvidence, PodTemplateEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import { compareFailingHealthy } from '../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../src/domain/triage/verdict/trigger.js';
import { IMAGE_V15, REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, revision, revisionContainer, service, terminated, workload } from './scenarios/builders.js';

const HOST = 'orders-db.storage.svc.cluster.local';
const LOG = [
  '{"level":30,"msg":"catalog fetched","url":"https://api.partner-example.com/v2/catalog"}',
  `{"level":60,"msg":"startup failed: getaddrinfo ENOTFOUND ${HOST}"}`,
];
const template = (over: Partial<PodTemplateEvidence> = {}): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, ...over });

function scenario(fresh: Partial<PodEvidence>, lines = LOG, newTemplate = template({ dnsPolicy: 'Default' })): TriageEvidence {
  const old = [0, 1, 2].map((i) => pod(i));
  const p = pod(3, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(15), startTime: minutesAgo(15), ...fresh });
  const failing = { ...p, containers: [crashLooping(p.name, terminated(1, 'Error', 1, { runSeconds: 4 }), 6, { image: IMAGE_V15 })] };
  return baseEvidence({
    pods: [...old, failing],
    workload: workload({ readyReplicas: 3, specReplicas: 4, replicas: 4 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { replicas: 3, template: template() }),
      revision(REV7, minutesAgo(16), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })], template: newTemplate }),
    ],
    logs: [{ pod: failing.name, container: 'app', previous: true, lines }],
  });
}

describe('which pods bypass the cluster DNS, and which names only it answers', () => {
  it('tells Default, None and hostNetwork under ClusterFirst apart from ClusterFirst', () => {
    expect(describeBypass({ dnsPolicy: 'Default' })).toContain('the node\'s resolver');
    expect(describeBypass({ dnsPolicy: 'None', dnsNameservers: ['10.20.0.2'] })).toContain('10.20.0.2');
    expect(describeBypass({ hostNetwork: true })).toContain('hostNetwork');
    expect(describeBypass({})).toBeUndefined();
    expect(describeBypass({ dnsPolicy: 'ClusterFirstWithHostNet', hostNetwork: true })).toBeUndefined();
  });

  it('counts *.svc names and Services of the namespace, not external names', () => {
    const ev = baseEvidence({ services: [service({ name: 'ledger' })] });
    expect(isClusterName(ev, HOST)).toBe(true);
    expect(isClusterName(ev, 'ledger.storage.svc')).toBe(true);
    expect(isClusterName(ev, 'ledger')).toBe(true);
    expect(isClusterName(ev, 'api.partner-example.com')).toBe(false);
    expect(isClusterName(ev, 'cache')).toBe(false);
  });
});

describe('a cluster name that does not resolve in pods that bypass the cluster DNS', () => {
  it('blames the DNS policy and says to go back to ClusterFirst', () => {
    const [f] = analyzeDependencyErrors(scenario({ dnsPolicy: 'Default' }));
    expect(f?.title).toContain(`Dependency ${HOST} does not resolve (no such host): dnsPolicy Default sends the pods' lookups to the node's resolver, which knows no cluster names (ClusterFirst would ask the cluster DNS)`);
    expect(f?.fix).toBe('set dnsPolicy back to ClusterFirst (tune ndots through dnsConfig instead)');
    expect(f?.evidence).toContain('revision 7 changed dnsPolicy ClusterFirst → Default; revision 6 ran with ClusterFirst');
  });

  it('asks hostNetwork pods for ClusterFirstWithHostNet', () => {
    const [f] = analyzeDependencyErrors(scenario({ hostNetwork: true }, LOG, template({ hostNetwork: true })));
    expect(f?.fix).toBe('set dnsPolicy back to ClusterFirstWithHostNet (tune ndots through dnsConfig instead)');
  });

  it('says nothing of DNS policy when the pods ask the cluster DNS, or when the name is external', () => {
    expect(analyzeDependencyErrors(scenario({}))[0]?.title).not.toMatch(/dnsPolicy/);
    const external = LOG.map((l) => l.replace(HOST, 'api.partner-example.com'));
    expect(analyzeDependencyErrors(scenario({ dnsPolicy: 'Default' }, external))[0]?.title).not.toMatch(/dnsPolicy/);
  });

  it('diffs the DNS policy of the template (unset is ClusterFirst) and makes it the trigger', () => {
    expect(diffRevisions(revision(REV6, minutesAgo(60), { template: template() }), revision(REV7, minutesAgo(10), { template: template({ dnsPolicy: 'Default' }) }))).toEqual(['dnsPolicy: ClusterFirst → Default']);
    expect(diffRevisions(revision(REV6, minutesAgo(60), { template: template() }), revision(REV7, minutesAgo(10), { template: template({ dnsPolicy: 'ClusterFirst' }) }))).toEqual([]);
    const ev = scenario({ dnsPolicy: 'Default' });
    const [m] = analyzeDependencyErrors(ev);
    const t = findTrigger(ev, m, compareFailingHealthy(ev));
    expect(t.kind === 'revision' ? t.change : t.kind).toBe('dnsPolicy: ClusterFirst → Default');
  });
});
