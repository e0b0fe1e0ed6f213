import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NOW, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, revision, revisionContainer, running, workload } from '../scenarios/builders.js';

const ROLLED_OUT = 8 * 60;

/** A Go service whose workers shell out to a converter, refused new processes and threads for the last half hour. */
function refusedLines(i: number): string[] {
  return [
    `level=info msg="listening on :8080" pid=1`,
    ...[0, 1, 2, 3].flatMap((k) => [
      `level=error msg="convert failed" job=${900 + k + i * 10} err="fork/exec /usr/bin/convert: resource temporarily unavailable"`,
      'runtime: failed to create new OS thread (have 14 already; errno=11)',
    ]),
  ];
}

/** Two pods of revision 7, rolled out 8h ago; the revision before started the server under dumb-init. */
function refused(commands: { before: Partial<{ command: string[]; args: string[] }>; now: Partial<{ command: string[]; args: string[] }> }, lines = refusedLines): TriageEvidence {
  const pods: PodEvidence[] = [0, 1].map((i) =>
    pod(i, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(ROLLED_OUT - i), startTime: minutesAgo(ROLLED_OUT - i), containers: [container({ image: IMAGE_V15, ready: false, state: running(ROLLED_OUT - i - 1) })] }),
  );
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14, ...commands.before })] }),
      revision(REV7, minutesAgo(ROLLED_OUT), { replicas: 2, containers: [revisionContainer({ image: IMAGE_V15, ...commands.now })] }),
    ],
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })),
    events: pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments' }, reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503', count: 90, firstSeen: minutesAgo(35), lastSeen: minutesAgo(0.5) })),
  });
}

const DROPPED = { before: { command: ['/usr/bin/dumb-init', '--'], args: ['/srv/server'] }, now: { command: ['/srv/server'] } };

describe('process creation refused (the pids limit)', () => {
  it("reads each runtime's refusal of a new process or thread as the pids limit, and not a busy socket's EAGAIN", () => {
    for (const line of ['Error: spawn EAGAIN', 'bash: fork: retry: Resource temporarily unavailable', '[0101/000000.000:ERROR:platform_thread_posix.cc(155)] pthread_create: Resource temporarily unavailable (11)', 'runtime: failed to create new OS thread (have 14 already; errno=11)']) {
      const [f] = analyzeResourceExhaustion(refused({ before: {}, now: {} }, () => [line, line, line]));
      expect(f?.id, line).toBe('resource-exhaustion/threads');
      expect(f?.title, line).not.toMatch(/zombie/);
    }
    const socket = 'connect() to unix:/run/worker.sock failed (11: Resource temporarily unavailable) while connecting to upstream';
    expect(analyzeResourceExhaustion(refused({ before: {}, now: {} }, () => [socket, socket, socket]))).toEqual([]);
  });

  it('names the zombies of an app left as PID 1 when the revision dropped the init from its command', () => {
    const [f] = analyzeResourceExhaustion(refused(DROPPED));
    expect(f?.title).toMatch(/pids limit is reached, <defunct> zombies piling up unreaped since revision 7 dropped the init \(dumb-init\) from the app command \(server is now PID 1\)/);
    expect(f?.fix).toMatch(/restore the init \(dumb-init\).*shareProcessNamespace/);
    expect(f?.likelyCause).not.toMatch(/file descriptors|memory/i);
    // The zombies piled up from the pods' start: the onset the trigger is looked for before.
    expect(f?.onset).toBe(minutesAgo(ROLLED_OUT - 1));
  });

  it('makes that revision the "since" of the verdict though it is hours older than the first failure', () => {
    const report = buildTriageReport(refused(DROPPED), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Since revision 7 \(8h ago: app command: "\/usr\/bin\/dumb-init" "--" → "\/srv\/server"\): payment-service cannot start processes or threads/);
    expect(report.headline).toMatch(/zombies/);
    expect(report.headline).not.toMatch(/no change found/);
  });
});
