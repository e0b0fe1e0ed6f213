import { describe, expect, it } from 'vitest';
import { analyzeResourceExhaustion } from '../../../src/domain/triage/analyzers/resource-exhaustion.js';
import type { PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findFileTable, pickFileTableNodes, rankFileHolders } from '../../../src/domain/triage/node-file-table.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, baseEvidence, container, pod } from './scenarios/builders.js';

/** A Python worker's error when the node has no file left to give (strerror of ENFILE). */
function enfile(i: number): string {
  return `2026-03-02 10:1${i}:07,311 ERROR payments.gateway upstream call failed: OSError: [Errno 23] Too many open files in system: '/etc/ssl/certs/ca-certificates.crt'`;
}

/** A node agent that tails the host's logs, counting its own descriptors in each status line. */
function forwarder(over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(0, {
    name: 'log-forwarder-q7v2m',
    nodeName: NODE_C,
    labels: { app: 'log-forwarder' },
    volumes: [{ name: 'varlog', source: 'hostPath', ref: '/var/log' }],
    containers: [container({ name: 'forwarder', image: 'registry.example.com/obs/log-forwarder:4.2.0' })],
    ...over,
  });
}

function statusLines(counts: number[]): string[] {
  return counts.map((n, i) => `{"ts":"2026-03-02T0${i}:00:00Z","msg":"inputs flushed","tailed_files":212,"open_files":${n}}`);
}

/** Three replicas, one on NODE_C whose log says ENFILE; the node's pods read, with the holders' tails. */
function fullTable(holderCounts?: number[]): TriageEvidence {
  const ev = baseEvidence();
  ev.pods = [pod(0, { nodeName: NODE_A }), pod(1, { nodeName: NODE_B }), pod(2, { nodeName: NODE_C, ready: false, containers: [container({ ready: false })] })];
  const sick = ev.pods[2]!;
  ev.logs = [
    { pod: ev.pods[0]!.name, container: 'app', previous: false, lines: ['2026-03-02 10:10:00,001 INFO payments.gateway served 200'] },
    { pod: sick.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4].map(enfile) },
  ];
  const agent = forwarder();
  const exporter = forwarder({ name: 'node-metrics-8kz4d', labels: { app: 'node-metrics' }, volumes: [{ name: 'proc', source: 'hostPath', ref: '/proc' }], containers: [container({ name: 'exporter' })] });
  ev.nodeFiles = [{
    node: NODE_C,
    pods: [
      { namespace: 'observability', owner: 'DaemonSet log-forwarder', pod: agent },
      { namespace: 'observability', owner: 'DaemonSet node-metrics', pod: exporter },
      { namespace: 'kube-system', owner: 'DaemonSet kube-proxy', pod: forwarder({ name: 'kube-proxy-p2x8r', containers: [container({ name: 'kube-proxy' })] }) },
    ],
    logs: [
      ...(holderCounts ? [{ pod: agent.name, container: 'forwarder', previous: false, lines: statusLines(holderCounts) }] : []),
      { pod: exporter.name, container: 'exporter', previous: false, lines: ['level=info msg="listening" address=:9100 open_fds=14', 'level=info msg="scrape" open_fds=15'] },
    ],
  }];
  return ev;
}

describe('a node whose kernel file table is full (ENFILE), told apart from the process\'s own nofile limit', () => {
  it('picks the nodes of the pods whose logs say ENFILE, and ranks the host-mounting agents there first, Kubernetes\'s own last', () => {
    const ev = fullTable();
    expect(pickFileTableNodes(ev.pods, ev.logs)).toEqual([NODE_C]);
    // "too many open files" alone is the process's own limit: no node to read.
    expect(pickFileTableNodes(ev.pods, [{ pod: ev.pods[0]!.name, container: 'app', previous: false, lines: ['accept tcp [::]:8080: accept4: too many open files'] }])).toEqual([]);
    const ranked = rankFileHolders(ev.nodeFiles![0]!.pods, () => false).map((x) => x.pod.name);
    expect(ranked.at(-1)).toBe('kube-proxy-p2x8r');
    expect(ranked.slice(0, 2).sort()).toEqual(['log-forwarder-q7v2m', 'node-metrics-8kz4d']);
  });

  it('names the node and the pod whose own descriptor count climbs there, and never advises a higher nofile limit (before: "raise the nofile limit")', () => {
    const ev = fullTable([3_100, 41_000, 212_000, 640_500]);
    expect(findFileTable(ev, NODE_C)?.holder?.pod).toBe('log-forwarder-q7v2m');
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.title).toContain(NODE_C);
    expect(f?.title).toMatch(/file table/);
    expect(f?.title).toContain("DaemonSet observability/log-forwarder's pod log-forwarder-q7v2m");
    expect(f?.title).toContain('640,500 open descriptors, up from 3,100');
    expect(f?.likelyCause).toMatch(/ENFILE/);
    expect(f?.likelyCause).toMatch(/2 pods on other nodes/);
    expect(f?.nextAction).toContain('kubectl delete pod log-forwarder-q7v2m -n observability');
    expect(f?.affected?.nodes).toEqual([NODE_C]);
    expect(f?.outsideWorkload).toMatch(/any revision/);
    for (const text of [f?.title, f?.nextAction, f?.fix, f?.likelyCause]) expect(text).not.toMatch(/(raise|increase|bump)\w* (the )?(container'?s? |pod'?s? )?(ulimit|nofile|rlimit)/i);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toContain(NODE_C);
    expect(report.headline).toContain('log-forwarder');
  });

  it('says the node\'s table without naming a holder when no log read there counts climbing descriptors', () => {
    const ev = fullTable([12, 13, 12]);
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.title).toContain(NODE_C);
    expect(f?.title).not.toContain('log-forwarder');
    expect(f?.nextAction).toMatch(/cordon/);
    expect(f?.nextAction).toMatch(/file-nr/);
    expect(f?.evidence.join('\n')).toMatch(/no climbing descriptor count in the log tails of .*node-metrics-8kz4d/);
    expect(f?.fix).not.toMatch(/raise/i);
  });

  it('leaves the process\'s own limit (EMFILE) as it was', () => {
    const ev = fullTable();
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.map((x) => x.replace('Too many open files in system', 'Too many open files').replace('Errno 23', 'Errno 24')) }));
    const [f] = analyzeResourceExhaustion(ev);
    expect(f?.title).toMatch(/runs out of file descriptors/);
    expect(f?.title).not.toContain(NODE_C);
  });
});
