import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices } from '../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const BLOCKED = "ERROR sink: bulk failed: {'type': 'cluster_block_exception', 'reason': 'index [orders] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}";
const MASTER = JSON.stringify({ 'log.level': 'WARN', message: 'flood stage disk watermark [93%] exceeded on [Zq1][logs-es-hot-2][/usr/share/elasticsearch/data] free: 14.1gb[5.5%], all indices on this node will be marked read-only' });
const es = (name: string): PodEvidence => ({ ...pod(0), name });

function scenario() {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'ELASTIC_URL', value: 'https://logs-es-http.search.svc:9200' }] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [BLOCKED, BLOCKED] })) });
}

describe('a refusing server that logs why', () => {
  it('asks for the pods of the Service the refused writes go to, in its own namespace', () => {
    const ev = scenario();
    expect(listExplainedServices(ev)).toEqual([{ name: 'logs-es-http', namespace: 'search' }]);
    expect(listExplainedServices(baseEvidence())).toEqual([]);
  });

  it('states the node past the flood-stage watermark and its numbers, from the master\'s log', () => {
    const ev = scenario();
    ev.dependencyPods = [
      { service: 'logs-es-http', namespace: 'search', pod: es('logs-es-hot-0'), logs: [{ pod: 'logs-es-hot-0', container: 'elasticsearch', previous: false, lines: ['{"message":"applied cluster state version 9"}'] }] },
      { service: 'logs-es-http', namespace: 'search', pod: es('logs-es-hot-1'), logs: [{ pod: 'logs-es-hot-1', container: 'elasticsearch', previous: false, lines: [MASTER] }] },
    ];
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^Elasticsearch logs-es-http refuses writes: its indices are read-only — logs-es-hot-2 is past the flood-stage disk watermark \[93%\] \(free 14\.1gb\[5\.5%\]\)/);
    expect(f?.fix).toMatch(/start with logs-es-hot-2$/);
    expect(f?.evidence.some((e) => e.startsWith('log logs-es-hot-1 (Elasticsearch):'))).toBe(true);
  });

  it('ignores pods of a same-named Service in another namespace', () => {
    const ev = scenario();
    ev.dependencyPods = [{ service: 'logs-es-http', namespace: 'staging', pod: es('logs-es-hot-1'), logs: [{ pod: 'logs-es-hot-1', container: 'elasticsearch', previous: false, lines: [MASTER] }] }];
    expect(analyzeDependencyRefusals(ev)[0]?.title).not.toContain('logs-es-hot-2');
  });
});
