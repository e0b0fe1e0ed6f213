// A server upgraded under an unchanged client that it now refuses for being older (MongoDB 6.0 and
// an old driver's OP_QUERY; Elasticsearch 8.x and a 7.x client's compatibility headers): the
// server's own rollout, read from its StatefulSet's revisions, is the "since" of the headline.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../src/domain/triage/analyzers/readiness-probe.js';
import type { DependencyPodEvidence } from '../../../src/domain/triage/evidence-server-config.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { listUpgradedServerRolloutReads, listUpgradedServerServices } from '../../../src/domain/triage/server-upgrade.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NOW, baseEvidence, container, pod } from './scenarios/builders.js';
import { serverPod, serverRevision as revision } from './scenarios/upgraded-server.js';
import { readiness503Scenario } from './scenarios/probes.js';

const DAY = 24 * 60;

// ---- MongoDB refusing an old driver's OP_QUERY ----
const refused = (cmd: string): string => `{"level":50,"err":{"type":"MongoError","message":"Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade.","stack":"MongoError: Unsupported OP_QUERY command: ${cmd}.\\n    at /app/node_modules/mongodb-core/lib/connection/pool.js:581:63","code":352},"msg":"request failed: Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade."}`;
const MONGO_LINES = ['{"level":30,"msg":"listening on :3000"}', refused('find'), refused('insert')];

function mongoScenario(server?: DependencyPodEvidence): TriageEvidence {
  const ev = readiness503Scenario();
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: [{ name: 'DB_URI', value: 'mongodb://accounts-db-0.accounts-db.payments.svc.cluster.local:27017/accounts' }] })) }));
  ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: MONGO_LINES }));
  if (server) ev.dependencyPods = [server];
  return ev;
}

describe('a MongoDB upgraded under an old driver', () => {
  it('asks for the pod of the Service the driver connects to, then for its StatefulSet\'s revisions', () => {
    const server = serverPod('accounts-db', 'mongo:6.0.4');
    expect(listUpgradedServerServices(mongoScenario())).toEqual(['accounts-db']);
    expect(listUpgradedServerRolloutReads(mongoScenario(), [server])).toEqual([{ service: 'accounts-db', pod: 'accounts-db-0', statefulSet: 'accounts-db', revisionHash: 'accounts-db-abc123' }]);
  });

  it('names the database\'s rollout, with its image change, as the since of the refusal', () => {
    const ev = mongoScenario(serverPod('accounts-db', 'mongo:6.0.4', { current: revision('accounts-db', 3, 'abc123', 40, 'mongo:6.0.4'), previous: revision('accounts-db', 2, 'def456', 90 * DAY, 'mongo:5.0.9') }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/refuses the legacy OP_QUERY .*\(code 352\), since StatefulSet accounts-db rolled to revision 3 40m ago \(.*5\.0\.9 → 6\.0\.4\)/);
    expect(f?.datesChange).toBe(true);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/since StatefulSet accounts-db rolled to revision 3/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('says no more than before when the database did not roll out lately', () => {
    const ev = mongoScenario(serverPod('accounts-db', 'mongo:6.0.4', { current: revision('accounts-db', 3, 'abc123', 30 * DAY, 'mongo:6.0.4'), previous: revision('accounts-db', 2, 'def456', 90 * DAY, 'mongo:5.0.9') }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).not.toMatch(/since StatefulSet/);
    expect(f?.likelyCause).toMatch(/check the database's own rollout history/);
  });
});

// ---- Elasticsearch 8.x refusing a 7.x client's compatibility headers ----
const REASON = '{"error":{"root_cause":[{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Content-Type, Accept]"}],"type":"media_type_header_exception","caused_by":{"type":"status_exception","reason":"A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version and the compatible versions must match. Accept=null, Content-Type=7"}},"status":400}';
function esLog(): string[] {
  const out = ['2026-11-09 10:00:00.000  INFO 1 --- [main] o.e.client.RestHighLevelClient : Elasticsearch client 7.16.3 ready'];
  for (let i = 0; i < 5; i++) {
    out.push(
      `2026-11-21 03:0${i}:10.000 ERROR 1 --- [exec-${i}] c.e.web.QueryController : query failed`,
      'org.elasticsearch.ElasticsearchStatusException: Elasticsearch exception [type=media_type_header_exception, reason=Invalid media-type value on headers [Content-Type, Accept]]',
      REASON,
    );
  }
  return out;
}

function esScenario(server?: DependencyPodEvidence): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'ES_URL', value: 'http://docs-index:9200' }] })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: esLog() })), ...(server ? { dependencyPods: [server] } : {}) });
}

describe('an Elasticsearch cluster upgraded under a 7.x client', () => {
  it('asks for the pod of the Service the client\'s address names', () => {
    expect(listUpgradedServerServices(esScenario())).toEqual(['docs-index']);
  });

  it('names the cluster\'s rollout, with its image change, as the since, and no rollback of the client', () => {
    const ev = esScenario(serverPod('docs-index', 'elasticsearch:8.11.1', { current: revision('docs-index', 9, 'abc123', 35, 'elasticsearch:8.11.1'), previous: revision('docs-index', 8, 'def456', 60 * DAY, 'elasticsearch:7.16.3') }));
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/media_type_header_exception .*; since StatefulSet docs-index rolled to revision 9 35m ago \(.*7\.16\.3 → 8\.11\.1\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.evidence.some((e) => /StatefulSet docs-index: revision 8 → 9/.test(e))).toBe(true);
    expect(f?.noRollback).toBeDefined();
  });

  it('says no more than before without the cluster\'s revisions', () => {
    const [f] = findUnexplained(esScenario(serverPod('docs-index', 'elasticsearch:8.11.1')), []);
    expect(f?.title).not.toMatch(/since StatefulSet/);
    expect(f?.likelyCause).toMatch(/check the search cluster's own rollout history/);
  });
});
