import { describe, expect, it } from 'vitest';
import { analyzeBootstrapMasterList } from '../../../../src/domain/triage/analyzers/bootstrap-master-list.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, pod } from '../scenarios/builders.js';

/** A fresh three-node search cluster whose nodes log the bootstrap list they wait for. */
function waitingFor(listed: string[]): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { name: `search-data-${i}`, ready: false, volumes: [{ name: 'cfg', source: 'configMap', ref: 'search-data-settings' }] }));
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({
      pod: p.name,
      container: 'app',
      previous: false,
      lines: [`[2026-10-02T08:00:0${p.name.slice(-1)},000][WARN ][o.e.c.c.ClusterFormationFailureHelper] [${p.name}] master not discovered yet, this node has not previously joined a bootstrapped cluster, and this node must discover master-eligible nodes [${listed.join(', ')}] to bootstrap a cluster: have discovered [{search-data-1}, {search-data-2}]`],
    })),
  });
}

describe('analyzeBootstrapMasterList', () => {
  it('tells a bootstrap list naming nodes that do not exist, with the real pod names and where the list is set', () => {
    const [f, ...rest] = analyzeBootstrapMasterList(waitingFor(['old-search-0', 'old-search-1', 'old-search-2']));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('cluster-state');
    expect(f?.title).toMatch(/^Cluster never bootstraps: cluster\.initial_master_nodes lists old-search-0, old-search-1 and old-search-2, none of which exists — the pods are search-data-0, search-data-1 and search-data-2/);
    expect(f?.fix).toBe('set cluster.initial_master_nodes to search-data-0,search-data-1,search-data-2 (fresh cluster only) and restart the pods');
    expect(f?.evidence).toContain('set in the elasticsearch.yml the pods mount (ConfigMap search-data-settings), or the template\'s env');
  });

  it('says nothing when the listed nodes exist (a peer not up yet is not a wrong list)', () => {
    expect(analyzeBootstrapMasterList(waitingFor(['search-data-0', 'search-data-1', 'search-data-2']))).toEqual([]);
    expect(analyzeBootstrapMasterList(waitingFor(['search-data-0', 'search-data-1', 'search-data-9']))).toEqual([]);
  });
});
