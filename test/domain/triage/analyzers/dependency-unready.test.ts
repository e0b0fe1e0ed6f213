import { describe, expect, it } from 'vitest';
import { analyzeDependencyUnready } from '../../../../src/domain/triage/analyzers/dependency-unready.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, event, minutesAgo, pod, service, workload } from '../scenarios/builders.js';

const NS = 'payments';
const OLD_IPS = ['10.0.81.57', '10.0.82.143', '10.0.83.22'];

/** mongod's own words when its stored replica set config names no host that is this pod. */
function nodeNotFound(): string {
  const members = OLD_IPS.map((ip, k) => `{"_id":${k},"host":"${ip}:27017","votes":1}`).join(',');
  return `{"t":{"$date":"2026-11-21T02:35:00.000+00:00"},"s":"W","c":"REPL","id":21405,"ctx":"ReplCoord-0","msg":"Locally stored replica set configuration does not have a valid entry for the current node; waiting for reconfig or remote heartbeat","attr":{"error":{"code":74,"codeName":"NodeNotFound","errmsg":"No host described in new configuration with {version: 7, term: 12} for replica set rs0 maps to this node"},"localConfig":{"_id":"rs0","version":7,"members":[${members}]}}}`;
}

/** The app's pods fail readiness (503) while every member of the mongo replica set runs unready. */
function noPrimary(): TriageEvidence {
  const url = 'mongodb://cart-mongo-0.cart-mongo.payments.svc.cluster.local:27017,cart-mongo-1.cart-mongo.payments.svc.cluster.local:27017/cart?replicaSet=rs0';
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: [{ name: 'MONGO_URL', value: url }] })] }));
  const mongo: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { name: `cart-mongo-${i}`, ready: false, labels: { app: 'cart-mongo' }, containers: [container({ name: 'mongod', ready: false })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0 }),
    services: [service(), service({ name: 'cart-mongo', selector: { app: 'cart-mongo' }, clusterIP: 'None', ports: [{ name: 'mongo', port: 27017, targetPort: 27017, protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['{"level":"error","msg":"mongo connect failed","err":{"name":"MongoServerSelectionError","message":"Server selection timed out after 30000 ms","reason":{"type":"ReplicaSetNoPrimary"}}}'] })),
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 200, firstSeen: minutesAgo(40), lastSeen: minutesAgo(1) })),
    downServices: [{ service: 'cart-mongo', pods: mongo, events: [], logs: [{ pod: 'cart-mongo-0', container: 'mongod', previous: false, lines: [nodeNotFound(), '{"s":"I","c":"REPL","msg":"Replica set state transition","attr":{"newState":"REMOVED","oldState":"STARTUP"}}'] }] }],
  });
}

describe('analyzeDependencyUnready', () => {
  it('names a replica set member missing from its own stored config (pod IPs), and leads over the app\'s failing readiness', () => {
    const [f, ...rest] = analyzeDependencyUnready(noPrimary());
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/cart-mongo has no primary.*rs0.*pod IP \(10\.0\.81\.57:27017, 10\.0\.82\.143:27017, 10\.0\.83\.22:27017\).*REMOVED/);
    expect(f?.fix).toMatch(/force-reconfigure rs0.*cart-mongo-0\.cart-mongo\.payments\.svc\.cluster\.local/);
    const report = buildTriageReport(noPrimary(), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/no primary/);
    expect(report.headline).not.toMatch(/^Readiness probe/);
  });

  it('says nothing when the dependency\'s log names no such state, or the workload does not use it', () => {
    const quiet = noPrimary();
    quiet.downServices = quiet.downServices?.map((d) => ({ ...d, logs: [{ pod: 'cart-mongo-0', container: 'mongod', previous: false, lines: ['{"s":"I","msg":"Waiting for connections"}'] }] }));
    expect(analyzeDependencyUnready(quiet)).toEqual([]);
    const unused = noPrimary();
    unused.pods = unused.pods.map((p) => ({ ...p, containers: [container({ ready: false })] }));
    unused.logs = [];
    expect(analyzeDependencyUnready(unused)).toEqual([]);
  });
});
