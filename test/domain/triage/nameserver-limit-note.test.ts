import { describe, expect, it } from 'vitest';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';
import { isNameserverLimitNote } from '../../../src/domain/triage/nameserver-limit-note.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, REV6, baseEvidence, container, event, minutesAgo, pod, podName } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const MESSAGE = 'Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: 10.0.0.2 10.1.0.53 10.1.1.53';

/** The kubelet's note on every sync of a pod whose node's resolv.conf lists more than three nameservers. */
function nameserverNotes(pods: number[]): EventEvidence[] {
  return pods.map((i) => event({ object: { kind: 'Pod', name: podName(REV6.hash, i), namespace: NS }, reason: 'DNSConfigForming', message: MESSAGE, count: 2000, firstSeen: minutesAgo(20 * 24 * 60), lastSeen: minutesAgo(1), source: 'kubelet' }));
}

describe('the kubelet dropping nameservers beyond three on ready pods', () => {
  it('keeps a healthy workload healthy: the notes are told beside the count, never the verdict', () => {
    const r = buildTriageReport(baseEvidence({ events: nameserverNotes([0, 1, 2, 3, 4]) }), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/looks healthy: 5\/5 ready, no restarts, no warning events besides 5 kubelet notes that the node's resolv\.conf lists more than three nameservers/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back|DNS[^\n]*(failure|failing|broken)/i);
    expect(r.findings.map((f) => f.id)).not.toContain('unexplained/DNSConfigForming');
  });

  it('is no excuse for a pod that is not ready', () => {
    const unready = pod(0, { ready: false, containers: [container({ ready: false })] });
    const ev = baseEvidence({ pods: [unready], events: nameserverNotes([0]) });
    expect(isNameserverLimitNote(ev, ev.events[0] as EventEvidence)).toBe(false);
  });
});
