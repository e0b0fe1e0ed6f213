// An Elasticsearch cluster its master logs RED while every pod is Ready: a node came back on an
// empty disk, and the primary whose only copy it held (no replicas) is unassigned.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, PodEvidence, PvcEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { analyzeSearchClusterRed } from '../../../../src/domain/triage/analyzers/search-cluster-red.js';
import { isErrorLine } from '../../../../src/domain/triage/error-line.js';
import { findSearchClusterRed } from '../../../../src/domain/triage/search-cluster-health.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, workload } from '../scenarios/builders.js';

const SET = 'search';
const times = { startedAt: NOW, finishedAt: NOW };
const DAY = 24 * 60;

function ecs(ago: number, level: string, node: string, message: string): string {
  return `{"@timestamp":"${minutesAgo(ago)}", "log.level":"${level}", "message":"${message}", "log.logger":"org.elasticsearch.cluster.routing.allocation.AllocationService","elasticsearch.node.name":"${node}","elasticsearch.cluster.name":"prod"}`;
}

const OLD = '{search-1}{aaaaOldNodeId00000000A}{e1}{search-1}{10.0.1.7}{10.0.1.7:9300}{cdfhilmrstw}{8.15.3}';
const NEW = '{search-1}{bbbbNewNodeId11111111B}{e2}{search-1}{10.0.2.9}{10.0.2.9:9300}{cdfhilmrstw}{8.15.3}';
const masterLog = (healed = false): string[] => [
  ecs(10 * DAY, 'INFO', 'search-0', '[events-2026.11] creating index, cause [auto(bulk api)], templates [events], shards [2]/[0]'),
  ecs(30, 'INFO', 'search-0', `node-left[${OLD} reason: disconnected], term: 4, version: 900, delta: removed {${OLD}}`),
  ecs(30, 'WARN', 'search-0', 'current.health=\\"RED\\" message=\\"Cluster health status changed from [GREEN] to [RED] (reason: [{search-1}{aaaaOldNodeId00000000A} reason: disconnected]).\\" previous.health=\\"GREEN\\"'),
  ecs(20, 'INFO', 'search-0', `node-join[${NEW} joining], term: 4, version: 920, delta: added {${NEW}}`),
  ecs(19, 'INFO', 'search-0', 'current.health=\\"RED\\" message=\\"Cluster health status changed from [RED] to [RED] (reason: [shards started [[logs-v2][0]]]).\\" previous.health=\\"RED\\"'),
  ecs(5, 'INFO', 'search-0', 'Computed new desired balance [77] with 1 unassigned shard that cannot be allocated'),
  ...(healed ? [ecs(2, 'INFO', 'search-0', 'current.health=\\"GREEN\\" message=\\"Cluster health status changed from [RED] to [GREEN] (reason: [shards started [[events-2026.11][1]]]).\\" previous.health=\\"RED\\"')] : []),
];

const refused = (ago: number) => `2026-11-21 ${new Date(Date.parse(minutesAgo(ago))).toISOString().slice(11, 19)},000 ERROR writer.sink: bulk request had 12 failed items; first: {'index': {'_index': 'events-2026.11', 'status': 503, 'error': {'type': 'unavailable_shards_exception', 'reason': '[events-2026.11][1] primary shard is not active Timeout: [1m], request: [BulkShardRequest [[events-2026.11][1]] containing [40] requests]'}}}`;

function member(i: number, createdMinutesAgo: number): PodEvidence {
  return pod(i, {
    name: `${SET}-${i}`, ordinal: i, createdAt: minutesAgo(createdMinutesAgo), startTime: minutesAgo(createdMinutesAgo),
    labels: { app: SET }, volumes: [{ name: 'data', source: 'pvc', ref: `data-${SET}-${i}` }],
    containers: [container({ name: 'elasticsearch', image: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.3' })],
  });
}

function scenario(opts: { healed?: boolean; callers?: boolean } = {}): TriageEvidence {
  const pods = [member(0, 40 * DAY), member(1, 19.5), member(2, 40 * DAY)];
  const pvcs: PvcEvidence[] = pods.map((p, i) => ({ name: `data-${SET}-${i}`, phase: 'Bound', accessModes: ['ReadWriteOnce'], usedByPods: [p.name], createdAt: minutesAgo(i === 1 ? 20 : 40 * DAY) }));
  const logs: LogEvidence[] = [{ pod: `${SET}-0`, container: 'elasticsearch', previous: false, lines: masterLog(opts.healed) }];
  const base = baseEvidence({ pods, pvcs, logs, hpas: [], revisions: [], services: [], endpointSlices: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, selector: { app: SET }, conditions: [], createdAt: minutesAgo(60 * DAY) }),
    ...(opts.callers === false ? {} : {
      serviceCallers: [{ service: SET, pod: 'writer-7d9-abcde', owner: 'Deployment writer', container: 'app', via: `env ES_URL=https://${SET}:9200`, log: { pod: 'writer-7d9-abcde', container: 'app', previous: false, lines: [refused(12), refused(3)] } }],
    }),
  };
}

describe('an Elasticsearch cluster its master logs RED', () => {
  it('names the unassigned primary, the node that came back empty on a new claim, and the missing replicas', () => {
    const [f] = analyzeSearchClusterRed(scenario());
    expect(f?.title).toBe('Elasticsearch cluster RED since 30m ago: primary of [events-2026.11][1] unassigned — its only copy was on search-1, which left the cluster 30m ago (disconnected) and came back with a new node ID on a new, empty claim data-search-1 (created 20m ago); index events-2026.11 has 0 replicas (shards [2]/[0], template events)');
    expect(f?.decisive).toMatch(/^unavailable_shards_exception: \[events-2026\.11\]\[1\] primary shard is not active/);
    expect(f?.evidence.join('\n')).toContain('caller Deployment writer (pod writer-7d9-abcde');
    expect(f?.nextAction).toMatch(/snapshot/);
    expect(f?.nextAction).toMatch(/number_of_replicas ≥ 1 on events-2026\.11 and in template events/);
  });

  it('turns the all-clear into a problem verdict without a rollback', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Elasticsearch cluster RED since 30m ago: primary of \[events-2026\.11\]\[1\] unassigned/);
    expect(r.headline).toContain('primary shard is not active');
    expect(r.headline).not.toMatch(/roll ?back|scaled up/i);
    expect(r.headline.length).toBeLessThanOrEqual(700);
  });

  it('still reads the cluster without callers, from the master log alone', () => {
    const [f] = analyzeSearchClusterRed(scenario({ callers: false }));
    expect(f?.title).toMatch(/^Elasticsearch cluster RED since 30m ago: 1 unassigned shard that cannot be allocated — its only copy was on search-1/);
  });

  it('says nothing once the master logs the cluster healthy again', () => {
    expect(analyzeSearchClusterRed(scenario({ healed: true }))).toEqual([]);
  });

  it('counts the turn to RED and an unassigned primary as errors, at WARN or INFO; a turn to GREEN is none', () => {
    const lines = masterLog();
    expect(isErrorLine(lines[2] ?? '')).toBe(true);
    expect(isErrorLine(lines[4] ?? '')).toBe(true);
    expect(isErrorLine('[2026-11-21T02:15:31,000][WARN ][o.o.c.r.a.AllocationService] [os-0] [orders][1] primary shard unassigned, no valid shard copy')).toBe(true);
    expect(isErrorLine(masterLog(true).at(-1) ?? '')).toBe(false);
    expect(isErrorLine(lines[0] ?? '')).toBe(false);
  });

  it('reads OpenSearch\'s plain-text log the same way', () => {
    const lines = [
      '[2026-11-21T02:40:00,000][INFO ][o.o.c.s.MasterService    ] [os-0] node-left[{os-2}{Xy12OldId}{e}{10.0.3.4}{10.0.3.4:9300}{dimr} reason: disconnected], term: 3, version: 77',
      '[2026-11-21T02:40:00,100][WARN ][o.o.c.r.a.AllocationService] [os-0] Cluster health status changed from [YELLOW] to [RED] (reason: [{os-2}{Xy12OldId}{e}{10.0.3.4}{10.0.3.4:9300}{dimr} reason: disconnected]).',
    ];
    const red = findSearchClusterRed([{ pod: 'os-0', container: 'opensearch', previous: false, lines }]);
    expect(red).toMatchObject({ product: 'OpenSearch', pod: 'os-0', at: '2026-11-21T02:40:00.000Z', lost: [{ node: 'os-2', id: 'Xy12OldId', reason: 'disconnected' }] });
  });
});
