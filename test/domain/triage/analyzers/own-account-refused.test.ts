// Ready pods whose own service account the API server refuses: a clustering library that cannot
// read endpoints runs each member alone (Members {size:1}), which few error lines show. The verdict
// is a problem naming the refused account, what it may not do and the revision that switched to it.
import { describe, expect, it } from 'vitest';
import { findOwnAccountRefusal } from '../../../../src/domain/triage/own-account-refused.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, REV7, baseEvidence, minutesAgo, pod, revision } from '../scenarios/builders.js';

const forbidden = (sa: string) => `2026-11-21 00:09:04.800 FINE 1 --- [main] c.h.k.KubernetesClient : RestClientException: Failure executing: GET at: https://kubernetes.default.svc/api/v1/namespaces/${NS}/endpoints/app-hz. Message: {"kind":"Status","message":"endpoints \\"app-hz\\" is forbidden: User \\"system:serviceaccount:${NS}:${sa}\\" cannot get resource \\"endpoints\\" in API group \\"\\" in the namespace \\"${NS}\\"","reason":"Forbidden","code":403}`;
const standalone = 'WARN c.h.k.KubernetesClient : Kubernetes API access is forbidden! Starting standalone.';

const template = (serviceAccountName: string): PodTemplateEvidence => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, serviceAccountName });

function scenario(over: { alone?: boolean; sa?: string } = {}): TriageEvidence {
  const sa = over.sa ?? 'shop-app';
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, serviceAccountName: 'shop-app' }));
  const lines = ['INFO Hazelcast Platform 5.3.7 starting', forbidden(sa), ...(over.alone === false ? [] : [standalone, 'Members {size:1, ver:1} [', '\tMember [10.0.0.1]:5701 - this', ']']), 'INFO Started App in 20 seconds'];
  return baseEvidence({
    pods,
    revisions: [
      revision(REV6, minutesAgo(16 * 24 * 60), { template: template('shop') }),
      revision(REV7, minutesAgo(190), { replicas: 3, template: template('shop-app') }),
    ],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
  });
}

describe('ready pods whose own service account is refused, each member alone', () => {
  it('reads the escaped Status of a client library, for the pods\' own account only', () => {
    const ev = scenario();
    expect(findOwnAccountRefusal(ev.logs, ev.pods, NS)).toMatchObject({ refused: { serviceAccount: { name: 'shop-app' } }, alonePods: 3, library: 'Hazelcast' });
    const other = scenario({ sa: 'someone-else' });
    expect(findOwnAccountRefusal(other.logs, other.pods, NS)).toBeUndefined();
    const once = scenario({ alone: false });
    expect(findOwnAccountRefusal(once.logs, once.pods, NS)).toBeUndefined();
    const single = scenario();
    expect(findOwnAccountRefusal(single.logs.slice(0, 1), single.pods.slice(0, 1), NS)).toBeUndefined();
  });

  it('is a problem naming the account, the refused read, the members alone and the revision that switched the account', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/shop-app/);
    expect(report.headline).toMatch(/endpoints/);
    expect(report.headline).toMatch(/standalone/);
    const finding = report.findings.find((f) => f.id === 'own-account-refused/shop-app');
    expect(finding?.evidence.join('\n')).toMatch(/serviceAccountName: shop \(revision 6\) → shop-app \(revision 7/);
    expect(finding?.datesChange).toBe(true);
  });
});
