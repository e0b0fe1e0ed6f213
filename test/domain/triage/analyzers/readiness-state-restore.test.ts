import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { VolumeEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import { findStateRestore } from '../../../../src/domain/triage/state-restore.js';
import { NOW, NS, baseEvidence, container, event, minutesAgo, pod, running, workload } from '../scenarios/builders.js';

const PROBE = { type: 'http' as const, path: '/health/ready', port: 8081, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 };
const DIR = '/data/streams';

/** "2026-11-21 02:14:00.000" for a time `m` minutes before NOW. */
function stamp(m: number): string {
  return minutesAgo(m).replace('T', ' ').replace('Z', '').slice(0, 23).padEnd(23, '0');
}

/** A Kafka Streams app's log: no checkpoint, then restore progress every 5 minutes up to now. */
function restoreLog(opts: { finished?: boolean; loggedDir?: string } = {}): string[] {
  const lines = [
    ...(opts.loggedDir ? [`${stamp(20)}  INFO 1 --- [main] o.a.k.s.p.internals.StateDirectory : stream-client [enricher-1] Creating local state directory ${opts.loggedDir}/enricher`] : []),
    `${stamp(19.9)}  INFO 1 --- [main] org.apache.kafka.streams.KafkaStreams : stream-client [enricher-1] State transition from CREATED to REBALANCING`,
    `${stamp(19.5)}  INFO 1 --- [StreamThread-1] o.a.k.s.p.i.ProcessorStateManager : stream-thread [enricher-1-StreamThread-1] task [0_2] State store order-totals did not find checkpoint offset, hence would default to the starting offset at changelog enricher-order-totals-changelog-2`,
  ];
  for (let m = 19; m >= 1; m -= 5) {
    const pos = Math.round(((20 - m) / 40) * 8_000_000);
    lines.push(`${stamp(m)}  INFO 1 --- [StreamThread-1] o.a.k.s.p.i.StoreChangelogReader : stream-thread [enricher-1-StreamThread-1] Restoration in progress for 2 partitions. {enricher-order-totals-changelog-2: position=${pos}, end=8000000, totalRestored=${pos}}`);
  }
  if (opts.finished) lines.push(`${stamp(0.5)}  INFO 1 --- [StreamThread-1] org.apache.kafka.streams.KafkaStreams : stream-client [enricher-1] State transition from REBALANCING to RUNNING`);
  return lines;
}

function restoring(opts: { volume?: VolumeEvidence | null; env?: boolean; finished?: boolean; loggedDir?: string; recreate?: boolean } = {}): TriageEvidence {
  const volume = opts.volume === undefined ? { name: 'streams-state', source: 'emptyDir' as const } : opts.volume;
  const pods = [0, 1, 2].map((i) =>
    pod(i, {
      ready: false,
      createdAt: minutesAgo(21),
      startTime: minutesAgo(21),
      ...(volume ? { volumes: [volume] } : {}),
      containers: [container({
        ready: false,
        state: running(20.5),
        probes: { readiness: PROBE },
        env: opts.env === false ? [] : [{ name: 'APP_STATE_DIR', value: DIR }, { name: 'NUM_STANDBY_REPLICAS', value: '0' }],
        ...(volume ? { volumeMounts: [{ name: volume.name, mountPath: DIR }] } : {}),
      })],
    }),
  );
  return baseEvidence({
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 3, ...(opts.recreate ? { rolloutSettings: { strategy: 'Recreate' } } : {}) }),
    pods,
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 110, firstSeen: minutesAgo(20), lastSeen: minutesAgo(0.2) })),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: restoreLog(opts) })),
  });
}

describe('readiness 503 while a stream processor restores its state onto a state dir that starts empty', () => {
  it('names the restore from the changelog topics onto the emptyDir state dir, and says it passes by itself', () => {
    const f = analyzeReadinessProbes(restoring({ recreate: true }))[0];
    expect(f?.id).toBe('readiness-probe/app/state-restore');
    expect(f?.title).toMatch(/restoring its state stores from the changelog topics/);
    expect(f?.title).toContain(`state dir ${DIR} is on an emptyDir (streams-state)`);
    expect(f?.decisive).toMatch(/did not find checkpoint offset/);
    expect(f?.likelyCause).toContain('APP_STATE_DIR');
    expect(f?.likelyCause).toMatch(/Recreate strategy replaced all 3 pods at once/);
    expect(f?.likelyCause).toMatch(/NUM_STANDBY_REPLICAS=0/);
    expect(f?.passesBy).toMatch(/restore of the state stores/);
    expect(f?.nextAction).toMatch(/volumeClaimTemplates/);
    expect(f?.nextAction).toMatch(/standby replicas/);
    expect(f?.nextAction).toMatch(/one pod at a time/);
    expect(`${f?.fix} ${f?.nextAction}`).not.toMatch(/roll(ing)? ?back to|rollout undo|undo the rollout/i);
  });

  it('reads how far the restore is and the minutes left at its rate', () => {
    const r = findStateRestore(restoring().pods, 'app', restoring().logs, NOW);
    // 19 → 4 minutes ago: 2.5% → 40% restored; 15 min for 37.5%, so 24 min for the 60% left.
    expect(r?.progress?.restored).toBeCloseTo(0.4, 2);
    expect(r?.progress?.minutesLeft).toBe(24);
  });

  it('reads the state dir from the log when no setting names it, and an unmounted one as the container filesystem', () => {
    const r = findStateRestore(restoring({ env: false, volume: null, loggedDir: '/tmp/kafka-streams' }).pods, 'app', restoring({ env: false, volume: null, loggedDir: '/tmp/kafka-streams' }).logs, NOW);
    expect(r?.stateDir).toBe('/tmp/kafka-streams/enricher');
    expect(r?.dirFrom).toBe('log');
    expect(r?.volume.kind).toBe('container filesystem');
  });

  it('keeps the endpoint reading when the state dir is on a claim (the restore is not from an empty volume)', () => {
    const f = analyzeReadinessProbes(restoring({ volume: { name: 'streams-state', source: 'pvc', ref: 'state-enricher-0' } }))[0];
    expect(f?.id).toBe('readiness-probe/app/HTTP 503');
    expect(f?.passesBy).toBeUndefined();
  });

  it('keeps the endpoint reading when the restore already finished', () => {
    const f = analyzeReadinessProbes(restoring({ finished: true }))[0];
    expect(f?.id).not.toBe('readiness-probe/app/state-restore');
  });
});
