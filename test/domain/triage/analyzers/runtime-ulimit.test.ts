import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, REV6, REV7, minutesAgo, node, revision, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const json = (level: string, message: string) => `{"@timestamp":"2026-11-21T03:10:57.000Z", "log.level":"${level}", "message":${JSON.stringify(message)}, "log.logger":"org.elasticsearch.bootstrap.Elasticsearch"}`;

// Elasticsearch 8's JSON log: the failed check sits inside one record's message.
const ES8_MEMLOCK = [
  json('WARN', 'Unable to lock JVM Memory: error=12, reason=Cannot allocate memory'),
  json('WARN', 'Increase RLIMIT_MEMLOCK, soft limit: 16777216, hard limit: 16777216'),
  json('ERROR', 'node validation exception\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: memory locking requested for elasticsearch process but memory is not locked; for more information see [https://www.elastic.co/guide/en/elasticsearch/reference/8.15/_memory_lock_check.html]'),
  'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/search.log',
];

// OpenSearch's plain log: one check per line.
const OPENSEARCH_NOFILE = [
  '[2026-11-21T03:10:57,000][ERROR][o.o.b.OpenSearchBootstrap] [search-0] node validation exception',
  '[1] bootstrap checks failed',
  '[1]: max file descriptors [4096] for opensearch process is too low, increase to at least [65535]',
  '[2026-11-21T03:10:57,020][INFO ][o.o.n.Node] [search-0] closed',
];

/** One pod of five failing with `logs` on a node of pool `failing` (OS `os`); the others on pool `healthy`. */
function onNewPool(logs: string[], os: string): TriageEvidence {
  const ev = crashScenario(1, () => terminated(78, 'Error', 2), { logs });
  const label = 'eks.amazonaws.com/nodegroup';
  ev.nodes = [NODE_A, NODE_B, NODE_C].map((n) => node(n, { labels: { [label]: n === NODE_A ? 'search-v2' : 'search-v1' }, ...(n === NODE_A ? { osImage: os } : {}) }));
  ev.pods = ev.pods.map((p, i) => (i === 0 ? p : { ...p, nodeName: i % 2 === 0 ? NODE_B : NODE_C }));
  return ev;
}

describe('a search engine stopped by a bootstrap check on a ulimit of its node\'s runtime', () => {
  it('quotes the memory-lock check, not the generic exit line, and names memlock, the pool and the stopgap', () => {
    const r = buildTriageReport(onNewPool(ES8_MEMLOCK, 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)'), times);
    const [f] = r.findings;
    expect(f?.decisive).toBe('bootstrap check failure [1] of [1]: memory locking requested for elasticsearch process but memory is not locked');
    expect(r.headline).toMatch(/memlock ulimit on pool search-v2 \(Bottlerocket OS 1.26.2\) is too low \(RLIMIT_MEMLOCK 16 MiB\)/);
    expect(r.headline).not.toMatch(/did not exit normally|fix what the log names/);
    expect(f?.likelyCause).toContain('bootstrap.memory_lock is true');
    expect(f?.fix).toMatch(/bootstrap\.memory_lock=false as a stopgap/);
    expect(f?.evidence.join('\n')).toContain('Unable to lock JVM Memory: error=12');
    expect(`${f?.likelyCause} ${f?.fix}`).not.toMatch(/heap|Xmx|max_map_count/i);
  });

  it('reads the open-files check of OpenSearch as the runtime\'s nofile limit, with the value it needs', () => {
    const r = buildTriageReport(onNewPool(OPENSEARCH_NOFILE, 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)'), times);
    const [f] = r.findings;
    expect(f?.decisive).toBe('[1]: max file descriptors [4096] for opensearch process is too low, increase to at least [65535]');
    expect(r.headline).toMatch(/nofile ulimit on pool search-v2/);
    expect(f?.fix).toMatch(/to 65535/);
    expect(f?.fix).not.toMatch(/stopgap/);
  });

  it('keeps a revision that moved the pods onto those nodes as the trigger, rather than clearing it', () => {
    const ev = onNewPool(ES8_MEMLOCK, 'Bottlerocket OS 1.26.2 (aws-k8s-1.31)');
    const onPool = (pool: string) => ({ initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: { 'eks.amazonaws.com/nodegroup': pool }, requiredNodeAffinity: [], tolerations: [] } });
    ev.revisions = [revision(REV6, minutesAgo(9 * 24 * 60), { template: onPool('search-v1') }), revision(REV7, minutesAgo(40), { replicas: 1, template: onPool('search-v2') })];
    ev.pods = ev.pods.map((p, i) => (i === 0 ? { ...p, revisionHash: REV7.hash } : p));
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/nodeSelector[^)]*search-v1[^)]*→[^)]*search-v2/);
    expect(r.headline).not.toMatch(/is not the (cause|trigger)/);
    expect(r.headline).toMatch(/memlock ulimit on pool search-v2/);
  });
});
