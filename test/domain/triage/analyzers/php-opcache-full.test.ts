import { describe, expect, it } from 'vitest';
import { analyzePhpOpcacheFull } from '../../../../src/domain/triage/analyzers/php-opcache-full.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const FULL = (i: number) => `Sat Nov 21 10:0${i}:00 2026 (${20 + i}): Warning Not enough free shared space to allocate ${4000 + i} bytes (${300 + i} bytes free)`;
const CAP = '[21-Nov-2026 10:05:00] WARNING: [pool www] server reached pm.max_children setting (24), consider raising it';

/** php-fpm mounts its opcache ini from a ConfigMap through subPath; revision 7 grew the code base. */
function opcacheFull(): TriageEvidence {
  const fpm = container({ name: 'php-fpm', image: 'ecr/shop:2.0.0', ports: [], probes: {}, resources: { requests: { cpu: '500m' }, limits: { memory: '512Mi' } }, volumeMounts: [{ name: 'php-ini', mountPath: '/usr/local/etc/php/conf.d/zz-opcache.ini', subPath: 'zz-opcache.ini' }], state: { running: { startedAt: minutesAgo(55) } } });
  const volumes = [{ name: 'php-ini', source: 'configMap' as const, ref: 'shop-php' }];
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, containers: [fpm], volumes, createdAt: minutesAgo(55), startTime: minutesAgo(55) }));
  const containers = [revisionContainer({ name: 'php-fpm', env: [], envFrom: [] })];
  return baseEvidence({
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
    pods,
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60), { containers }), revision(REV7, minutesAgo(55), { replicas: 2, containers })],
    namespaceObjects: [{ kind: 'ConfigMap', name: 'shop-php', keys: ['zz-opcache.ini'] }],
    logs: pods.map((p) => ({ pod: p.name, container: 'php-fpm', previous: false, lines: ['NOTICE: ready to handle connections', ...[1, 2, 3, 4, 5].map(FULL), CAP] })),
  });
}

describe('OPcache out of shared memory', () => {
  it('names opcache.memory_consumption and the ini ConfigMap', () => {
    const [f] = analyzePhpOpcacheFull(opcacheFull());
    expect(f?.title).toMatch(/OPcache[^\n]*out of shared memory/);
    expect(f?.title).toMatch(/opcache\.memory_consumption[^\n]*ConfigMap shop-php/);
  });

  it('outranks a pool at pm.max_children: the workers are busy recompiling, raising the cap is no fix', () => {
    const r = buildTriageReport(opcacheFull(), { startedAt: minutesAgo(0), finishedAt: minutesAgo(0) });
    expect(r.headline).toMatch(/OPcache/);
    expect(JSON.stringify(r)).not.toMatch(/(raise|increase)[^\n"]*max_children/i);
  });
});
