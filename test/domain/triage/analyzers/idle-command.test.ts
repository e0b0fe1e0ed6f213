import { describe, expect, it } from 'vitest';
import { analyzeIdleCommands } from '../../../../src/domain/triage/analyzers/idle-command.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, REV7, baseEvidence, container, endpointSlice, minutesAgo, pod, revision, revisionContainer, running, service } from '../scenarios/builders.js';

const SLEEP = { command: ['sleep', 'infinity'], probes: {} };

/** Revision 7 (20 minutes ago) runs `sleep infinity` without probes; its three pods are Ready and listed by the Service. */
function sleepingRevision(over: { services?: TriageEvidence['services']; containers?: (p: PodEvidence) => PodEvidence['containers'] } = {}): TriageEvidence {
  const pods = [0, 1, 2].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(20 - i), startTime: minutesAgo(20 - i) });
    return { ...p, containers: over.containers?.(p) ?? [container({ ...SLEEP, state: running(19.5 - i) })] };
  });
  const base = baseEvidence({ pods, logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [] })) });
  return {
    ...base,
    ...(over.services ? { services: over.services, endpointSlices: over.services.map((s) => endpointSlice(s.name, pods)) } : {}),
    revisions: [...base.revisions, revision(REV7, minutesAgo(21), { replicas: 3, containers: [revisionContainer({ command: ['sleep', 'infinity'], probes: {} })] })],
  };
}

describe('analyzeIdleCommands', () => {
  it('reports a placeholder command on the port a Service sends traffic to, Ready pods and all', () => {
    const [f, ...rest] = analyzeIdleCommands(sleepingRevision());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('idle-command');
    expect(f?.title).toBe('Container app of 3/5 pods runs `sleep infinity`, a placeholder, not a server: nothing listens on 8080, where Service payment-service sends traffic (no readiness probe, so the pods are Ready all the same)');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toContain('Service payment-service: 3 of 3 ready endpoints run it');
    expect(f?.evidence).toContain("its log is empty since it started (2 of 2 logs read): no server ever said it listens");
    expect(f?.evidence).toContain("revision 6 ran the image's own command");
    expect(f?.onset).toBe(minutesAgo(19.5));
    expect(f?.affected?.services).toEqual([APP]);
  });

  it('reports a placeholder that replaced a real command even where no Service sends traffic, as a warning', () => {
    const [f] = analyzeIdleCommands(sleepingRevision({ services: [] }));
    expect(f?.title).toBe("Container app of 3/5 pods runs `sleep infinity`, a placeholder that does no work, where revision 6 ran the image's own command");
    expect(f?.severity).toBe('warning');
  });

  it('says nothing of a sleeping sidecar beside the container the Service targets', () => {
    const ev = sleepingRevision({ containers: () => [container(), container({ name: 'debug', ports: [], ...SLEEP })] });
    expect(analyzeIdleCommands(ev)).toEqual([]);
  });

  it('says nothing of a toolbox that always slept and that no Service targets', () => {
    const ev = sleepingRevision({ services: [service({ name: 'other', selector: { app: 'other' } })] });
    ev.revisions = ev.revisions.map((r) => ({ ...r, containers: [revisionContainer({ command: ['sleep', 'infinity'] })] }));
    expect(analyzeIdleCommands(ev)).toEqual([]);
  });
});
