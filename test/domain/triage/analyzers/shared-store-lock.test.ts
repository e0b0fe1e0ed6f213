import { describe, expect, it } from 'vitest';
import { analyzeSharedStoreLock } from '../../../../src/domain/triage/analyzers/shared-store-lock.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { ContainerEvidence, PodEvidence, PvcEvidence, TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import {
  APP, IMAGE_V15, NODE_A, NODE_B, NODE_C, NOW, NS, REV6, baseEvidence, container, crashLooping, event, minutesAgo, pod, podName, revision, revisionContainer, setMember, terminated, workload,
} from '../scenarios/builders.js';

const LOCKED = 'sqlite3.OperationalError: database is locked';

/** A Flask app's log: `errors` failed writes, each a chained traceback that names the lock twice, between redirects served. */
function flaskLog(errors: number, k: number): string[] {
  return Array.from({ length: errors }, (_, i) => {
    const m = String(30 + i * 4 + k).padStart(2, '0');
    return [
      `10.0.40.${20 + i} - - [21/Nov/2026:02:${m}:01 +0000] "GET /wiki HTTP/1.1" 302 0 "-" "Mozilla/5.0"`,
      `2026-11-21 02:${m}:05,118 ERROR links.app Exception on /api/links [POST]`,
      'Traceback (most recent call last):',
      '    cursor.execute(statement, parameters)',
      LOCKED,
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      `sqlalchemy.exc.OperationalError: (${LOCKED})`,
      `10.0.40.${20 + i} - - [21/Nov/2026:02:${m}:05 +0000] "POST /api/links HTTP/1.1" 500 265 "-" "Mozilla/5.0"`,
    ];
  }).flat();
}

const DATA: VolumeEvidence = { name: 'data', source: 'pvc', ref: 'links-data' };
const appContainer = (volume: string) => container({ env: [{ name: 'DATABASE_URL', value: 'sqlite:////data/links.db' }], volumeMounts: [{ name: volume, mountPath: '/data' }] });
const rwx: PvcEvidence = { name: 'links-data', phase: 'Bound', storageClass: 'efs-sc', accessModes: ['ReadWriteMany'], usedByPods: [] };

/** Two ready pods of one revision, scaled from 1 to 2 by hand 50m ago; `shared`: both mount the RWX claim (else each an emptyDir of its own). */
function scaledLinks(opts: { shared: boolean; errors?: number; logs?: (k: number) => string[] }): TriageEvidence {
  const volumes = (i: number): VolumeEvidence[] => (opts.shared ? [DATA] : [{ name: 'data', source: 'emptyDir' }]);
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { volumes: volumes(i), containers: [appContainer('data')], ...(i === 1 ? { createdAt: minutesAgo(50), startTime: minutesAgo(50) } : {}) }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, rolloutSettings: { strategy: 'Recreate' } }),
    hpas: [],
    pvcs: opts.shared ? [{ ...rwx, usedByPods: pods.map((p) => p.name) }] : [],
    events: [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to 2`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(50), lastSeen: minutesAgo(50) })],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: opts.logs?.(k) ?? flaskLog(opts.errors ?? 5, k) })),
  });
}

describe('analyzeSharedStoreLock', () => {
  it('names SQLite on the RWX claim the replicas share, its file, and more replicas as what brings it on', () => {
    const [f] = analyzeSharedStoreLock(scaledLinks({ shared: true }));
    expect(f?.title).toMatch(/^SQLite \(\/data\/links\.db\) on the ReadWriteMany \(RWX\) claim links-data \(efs-sc\) is shared by 2 pods: it takes one writer/);
    // A chained traceback names the lock twice: one failed write each.
    expect(f?.title).toMatch(/— 10 lock errors in the logs of/);
    expect(f?.scalesWithReplicas).toBe(true);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('strategy Recreate: its pods never overlap, even in a rollout — built for one replica');
    expect(f?.fix).toMatch(/database server/);
  });

  it('makes the hand scale-up the since and scaling back to one the first step, never a rollback', () => {
    const report = buildTriageReport(scaledLinks({ shared: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 2 50m ago \(not by a rollout\): SQLite \(\/data\/links\.db\) on the ReadWriteMany \(RWX\) claim links-data/);
    expect(report.headline).toMatch(/Scale payment-service back to 1 replica, or move the data to a database server/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back/i);
  });

  it('names LevelDB/RocksDB when the second replica cannot take the LOCK of a directory they share', () => {
    const lock = (k: number) => [0, 1, 2].map((i) => `2026-11-21T02:${30 + i}:0${k}Z ERROR open store: IO error: While lock file: /data/db/LOCK: Resource temporarily unavailable`);
    const [f] = analyzeSharedStoreLock(scaledLinks({ shared: true, logs: (k) => (k === 1 ? lock(k) : []) }));
    expect(f?.title).toMatch(/^LevelDB\/RocksDB .* on the ReadWriteMany \(RWX\) claim links-data/);
    expect(f?.fix).toMatch(/a volume of its own/);
  });

  it('says nothing when each replica has a volume of its own: the lock is one process\'s own contention', () => {
    expect(analyzeSharedStoreLock(scaledLinks({ shared: false }))).toEqual([]);
  });

  it('says nothing of a single replica logging one transient "database is locked" among successes', () => {
    const only = pod(0, { volumes: [DATA], containers: [appContainer('data')] });
    const ev = baseEvidence({ pods: [only], pvcs: [{ ...rwx, usedByPods: [only.name] }], hpas: [], logs: [{ pod: only.name, container: 'app', previous: false, lines: flaskLog(1, 0) }] });
    expect(analyzeSharedStoreLock(ev)).toEqual([]);
    expect(buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW }).headline).not.toMatch(/SQLite|shared by/);
  });

  it('says nothing of one lock error on replicas that share the claim', () => {
    expect(analyzeSharedStoreLock(scaledLinks({ shared: true, logs: (k) => (k === 0 ? flaskLog(1, 0) : []) }))).toEqual([]);
  });
});

// ---- a server that exits at start-up because another pod holds its data directory's lock ----------

const OLD = { revision: 11, hash: '58c9d7f6b4' };
const NEW = { revision: 12, hash: '7d4b6c9f85' };
const NO_PLACEMENT = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };

/** One start of a search node that finds its data path locked: the boot error and its cause, two lines. */
function nodeLocked(minutes: number): string[] {
  const t = minutesAgo(minutes).replace('Z', '').replace('.000', ',118');
  return [
    `[${t}][ERROR][o.e.b.Elasticsearch      ] [search-data-1] fatal exception while booting Elasticsearch java.lang.IllegalStateException: failed to obtain node locks, tried [/var/lib/search]; maybe these locations are not writable or multiple nodes were started on the same data path?`,
    'Caused by: org.apache.lucene.store.LockObtainFailedException: Lock held by another program: /var/lib/search/node.lock',
  ];
}

/**
 * A search StatefulSet whose newer revision moved its data onto a hostPath and dropped its
 * anti-affinity: members 1 and 2 (newer) run on one node; 1 crash-loops on the node lock 2 holds.
 * `sameNode: false` puts them on two nodes (each its own directory).
 */
function hostPathSearch(opts: { sameNode: boolean }): TriageEvidence {
  const set = 'search-data';
  const antiAffinity = [{ matchLabels: { app: set }, matchExpressions: [], topologyKey: 'kubernetes.io/hostname' }];
  const claimVol = (o: number): VolumeEvidence => ({ name: 'data', source: 'pvc', ref: `data-${set}-${o}` });
  const hostVol: VolumeEvidence = { name: 'local-data', source: 'hostPath', ref: '/srv/search' };
  const es = (over: Partial<ContainerEvidence> = {}) => container({ name: 'search', volumeMounts: [{ name: 'local-data', mountPath: '/var/lib/search' }], ...over });
  const crashed = crashLooping(`${set}-1`, terminated(1, 'Error', 2, { runSeconds: 12 }), 9, { name: 'search', volumeMounts: [{ name: 'local-data', mountPath: '/var/lib/search' }] });
  const pods: PodEvidence[] = [
    setMember(set, OLD.hash, 0, 30 * 24 * 60, { nodeName: NODE_A, volumes: [claimVol(0)], containers: [container({ name: 'search', volumeMounts: [{ name: 'data', mountPath: '/var/lib/search' }] })], placement: { ...NO_PLACEMENT, requiredPodAntiAffinity: antiAffinity } }),
    setMember(set, NEW.hash, 1, 40, { nodeName: NODE_C, ready: false, volumes: [hostVol], containers: [crashed], placement: NO_PLACEMENT }),
    setMember(set, NEW.hash, 2, 45, { nodeName: opts.sameNode ? NODE_C : NODE_B, volumes: [hostVol], containers: [es()], placement: NO_PLACEMENT }),
  ];
  const template = (volumes: VolumeEvidence[], anti: boolean) => ({ initContainers: [], volumes, imagePullSecrets: [], placement: { ...NO_PLACEMENT, ...(anti ? { requiredPodAntiAffinity: antiAffinity } : {}) } });
  return baseEvidence({
    target: { service: set, namespace: NS, kind: 'StatefulSet', name: set, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: set, specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, selector: { app: set }, templateLabels: { app: set }, currentRevision: NEW.revision }),
    pods,
    revisions: [
      revision(OLD, minutesAgo(30 * 24 * 60), { name: `${set}-${OLD.hash}`, template: template([{ name: 'data', source: 'pvc', ref: 'data' }], true) }),
      revision(NEW, minutesAgo(46), { name: `${set}-${NEW.hash}`, template: template([hostVol], false) }),
    ],
    services: [],
    endpointSlices: [],
    hpas: [],
    logs: [
      { pod: `${set}-1`, container: 'search', previous: true, lines: nodeLocked(2.2) },
      { pod: `${set}-1`, container: 'search', previous: false, lines: nodeLocked(0.5).slice(0, 1) },
      { pod: `${set}-2`, container: 'search', previous: false, lines: [`[${minutesAgo(44).replace('Z', '').replace('.000', ',001')}][INFO ][o.e.n.Node               ] [search-data-2] started`] },
    ],
  });
}

describe('a data directory lock another pod holds, at start-up', () => {
  it('names the node lock on the hostPath, the pod on the same node that holds it, and anti-affinity or a volume per pod as the fix', () => {
    const [f] = analyzeSharedStoreLock(hostPathSearch({ sameNode: true }));
    expect(f?.title).toBe(`Elasticsearch's node lock (node.lock) on the hostPath /srv/search is held by search-data-2, on the same node ${NODE_C}: search-data-1 cannot take it and exits at every start (9 restarts)`);
    expect(f?.sharedHostPath).toBe('/srv/search');
    expect(f?.decisive).toBe('Lock held by another program: /var/lib/search/node.lock');
    expect(f?.evidence).toContain('no required pod anti-affinity on kubernetes.io/hostname: nothing keeps two pods of search-data off one node');
    expect(f?.fix).toMatch(/^require pod anti-affinity on kubernetes\.io\/hostname .*its own volume/);
    expect(f?.scalesWithReplicas).toBeUndefined();
  });

  it('makes the revision that moved the data onto the hostPath and dropped the anti-affinity the since', () => {
    const report = buildTriageReport(hostPathSearch({ sameNode: true }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 12 \(46m ago: volumes: "data:pvc\/data" → "local-data:hostPath\/\/srv\/search"; required pod anti-affinity: "app=search-data @kubernetes\.io\/hostname" → \(none\)\): Elasticsearch's node lock/);
    expect(report.headline).toMatch(/Roll back to revision 11, or require pod anti-affinity/);
    expect(report.headline).not.toMatch(/not writable/);
  });

  it('says nothing when the pods that mount the hostPath run on different nodes: each has a directory of its own', () => {
    expect(analyzeSharedStoreLock(hostPathSearch({ sameNode: false }))).toEqual([]);
  });
});

/** A Deployment of one replica on a ReadWriteOnce claim mid-rollout: the old pod holds the TSDB lock, the new one on the same node crash-loops on it. */
function surgingTsdb(opts: { strategy: 'RollingUpdate' | 'Recreate'; crashes?: number; replicas?: number }): TriageEvidence {
  const claim: VolumeEvidence = { name: 'storage', source: 'pvc', ref: 'metrics-store' };
  const mount = { name: 'storage', mountPath: '/tsdb' };
  const locked = (t: number) => [`ts=${minutesAgo(t)} caller=main.go:1266 level=error err="opening storage failed: lock DB directory: resource temporarily unavailable"`];
  const args = ['--storage.tsdb.path=/tsdb'];
  const old = pod(0, { revisionHash: OLD.hash, nodeName: NODE_B, volumes: [claim], containers: [container({ args, volumeMounts: [mount] })] });
  const crashed = crashLooping(podName(NEW.hash, 1), terminated(1, 'Error', 1, { runSeconds: 2 }), opts.crashes ?? 11, { args, volumeMounts: [mount] });
  const fresh = pod(1, { revisionHash: NEW.hash, nodeName: NODE_B, ready: false, createdAt: minutesAgo(35), startTime: minutesAgo(35), volumes: [claim], containers: [crashed] });
  return baseEvidence({
    pods: [old, fresh],
    workload: workload({ specReplicas: opts.replicas ?? 1, replicas: 2, readyReplicas: 1, availableReplicas: 1, updatedReplicas: 1, currentRevision: NEW.revision, rolloutSettings: { strategy: opts.strategy } }),
    revisions: [
      revision(OLD, minutesAgo(12 * 24 * 60), { replicas: 1 }),
      revision(NEW, minutesAgo(36), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
    hpas: [],
    pvcs: [{ name: 'metrics-store', phase: 'Bound', storageClass: 'gp3', accessModes: ['ReadWriteOnce'], usedByPods: [old.name, fresh.name] }],
    logs: [
      { pod: fresh.name, container: 'app', previous: true, lines: locked(1) },
      { pod: fresh.name, container: 'app', previous: false, lines: locked(0.2) },
      { pod: old.name, container: 'app', previous: false, lines: [`ts=${minutesAgo(3)} caller=compact.go:576 level=info component=tsdb msg="write block"`] },
    ],
  });
}

describe('a rolling update whose new pod cannot take the lock the old pod holds', () => {
  it('names the old pod holding the lock and the rolling update that starts the new one beside it; Recreate is the fix', () => {
    const [f] = analyzeSharedStoreLock(surgingTsdb({ strategy: 'RollingUpdate' }));
    expect(f?.title).toBe(`Prometheus TSDB's directory lock on the ReadWriteOnce claim metrics-store (gp3) is held by the old pod ${podName(OLD.hash, 0)} (revision 11), and the rolling update (strategy RollingUpdate) starts revision 12's pod beside it on the same node: the new pod ${podName(NEW.hash, 1)} exits at every start (11 restarts)`);
    expect(f?.decisive).toBe('opening storage failed: lock DB directory: resource temporarily unavailable');
    expect(f?.fix).toMatch(/^set strategy Recreate on deployment\/payment-service/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('clears the revision and offers no rollback: any revision\'s new pod meets the same lock', () => {
    const report = buildTriageReport(surgingTsdb({ strategy: 'RollingUpdate' }), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Prometheus TSDB's directory lock on the ReadWriteOnce claim metrics-store/);
    expect(report.headline).toMatch(/revision 12 \(36m ago\) is not the cause: it is only the occasion/);
    expect(report.headline).toMatch(/Set strategy Recreate on deployment\/payment-service/);
    expect(report.headline).not.toMatch(/Roll back/);
  });

  it('keeps more replicas on one claim a matter of replicas, not of the rollout: they share it whatever the strategy', () => {
    const [f] = analyzeSharedStoreLock(surgingTsdb({ strategy: 'RollingUpdate', replicas: 2 }));
    expect(f?.title).toMatch(/^Prometheus TSDB \(\/tsdb\) on the ReadWriteOnce claim metrics-store \(gp3\) is shared by 2 pods/);
    expect(f?.outsideWorkload).toBeUndefined();
  });

  it('says nothing of a single lock line when the pod does not crash-loop on it', () => {
    const ev = surgingTsdb({ strategy: 'RollingUpdate', crashes: 1 });
    expect(analyzeSharedStoreLock(ev)).toEqual([]);
  });
});

describe('brokers and databases that lock their data directory', () => {
  it('names Kafka when a second broker cannot take the .lock of a log directory the pods share', () => {
    const lock = (k: number) => [0, 1, 2].map((i) => `[2026-11-21 02:${30 + i}:0${k},512] ERROR Failed to acquire lock on file .lock in /data/kafka-logs. A Kafka instance in another process or thread is using this directory. (kafka.log.LogManager)`);
    const [f] = analyzeSharedStoreLock(scaledLinks({ shared: true, logs: (k) => (k === 1 ? lock(k) : []) }));
    expect(f?.title).toMatch(/^Kafka .* on the ReadWriteMany \(RWX\) claim links-data/);
    expect(f?.decisive).toBe('Failed to acquire lock on file .lock in /data/kafka-logs');
  });
});
