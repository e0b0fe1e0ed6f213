import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence, VolumeEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, minutesAgo, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const PUMA_REFUSAL = [
  '=> Booting Puma',
  '=> Run `bin/rails server --help` for more startup options',
  'A server is already running (pid: 1, file: /srv/app/run/puma.pid).',
  'Exiting',
];

const PG_REFUSAL = [
  '2026-11-21 03:12:40.118 UTC [1] FATAL:  lock file "postmaster.pid" already exists',
  '2026-11-21 03:12:40.118 UTC [1] HINT:  Is another postmaster (PID 1) running in data directory "/var/lib/pg/data"?',
];

/** The crash scenario with `volume` mounted at `mountPath` in every pod's app container. */
function mounted(ev: TriageEvidence, volume: VolumeEvidence, mountPath: string): TriageEvidence {
  const pods = ev.pods.map((p) => ({ ...p, volumes: [volume], containers: p.containers.map((c) => ({ ...c, volumeMounts: [{ name: volume.name, mountPath }] })) }));
  return { ...ev, pods };
}

describe('analyzeExitCodes: a server refusing to start over a pid file a killed run left', () => {
  it('quotes the refusal rather than the "Exiting" after it, and names the emptyDir that outlives container restarts', () => {
    const base = crashScenario(1, () => terminated(1, 'Error', 1), { logs: PUMA_REFUSAL });
    const oom = { object: { kind: 'Node', name: NODE_A }, type: 'Warning' as const, reason: 'OOMKilling', message: 'Memory cgroup out of memory: Killed process 81234 (ruby) total-vm:2214056kB, anon-rss:1046212kB', count: 1, firstSeen: minutesAgo(35), lastSeen: minutesAgo(35), source: 'kernel-monitor' };
    const ev = mounted({ ...base, events: [...base.events, oom] }, { name: 'run-dir', source: 'emptyDir' }, '/srv/app/run');
    const [f] = analyzeExitCodes(ev);
    expect(f?.decisive).toBe('A server is already running (pid: 1, file: /srv/app/run/puma.pid).');
    expect(f?.title).toContain('a stale pid file /srv/app/run/puma.pid on emptyDir run-dir, which outlives container restarts');
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('an emptyDir lives as long as the pod, not the container');
    expect(f?.likelyCause).toContain('OOMKilling');
    expect(f?.nextAction).toMatch(/^Delete pod \S+ \(a new pod starts with a fresh emptyDir\)/);
    expect(f?.nextAction).not.toMatch(/roll ?back to/i);
  });

  it('makes a relative lock file absolute from the data directory the hint names, on a claim that outlives the pod', () => {
    const ev = mounted(crashScenario(1, () => terminated(1, 'Error', 1), { logs: PG_REFUSAL }), { name: 'data', source: 'pvc', ref: 'data-db-0' }, '/var/lib/pg');
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('a stale pid file /var/lib/pg/data/postmaster.pid on pvc volume data, which outlives the pod');
    expect(f?.nextAction).toContain('remove /var/lib/pg/data/postmaster.pid from the volume');
  });

  it('tells no reading when the file is on no volume: a restarted container starts from the image', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 1), { logs: PUMA_REFUSAL }));
    expect(f?.title).not.toContain('stale pid file');
    expect(f?.decisive).toBe('A server is already running (pid: 1, file: /srv/app/run/puma.pid).');
  });
});
