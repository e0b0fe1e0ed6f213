import { describe, expect, it } from 'vitest';
import type { NamespaceObjectEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { REV7, baseEvidence, container, minutesAgo, pod, podName, revision } from '../scenarios/builders.js';

// A `kubectl rollout restart` changes nothing the pods run with but what they read at start: when
// errors no analyzer explains follow it and a ConfigMap the pods read changed just before it, that
// edit is the change — a rollback to the same template would read the same ConfigMap.
const PODS = [0, 1, 2].map((i) => podName(REV7.hash, i));

function unexplained(): Finding {
  return {
    id: 'unexplained/log-errors', kind: 'unexplained', title: 'Logs of 3 ready pods carry 30 error lines in their last lines', layer: 'container/process', severity: 'warning', confidence: 'low',
    evidence: [], likelyCause: '', nextAction: '', confirmCommands: [], affected: { pods: PODS }, onset: minutesAgo(17),
  };
}

function restarted(config: NamespaceObjectEvidence): TriageEvidence {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(18), startTime: minutesAgo(18), containers: [container({ envFrom: [{ kind: 'configMap', name: 'ingest-config' }] })] }));
  const base = baseEvidence({ pods });
  return { ...base, revisions: [...base.revisions, revision(REV7, minutesAgo(18))], namespaceObjects: [config] };
}

describe('a restart of the same template after a ConfigMap edit, for errors nothing explains', () => {
  it('names the ConfigMap edit the restart picked up, not the revision', () => {
    const config: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'ingest-config', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(19) };
    const ev = restarted(config);
    const t = findTrigger(ev, unexplained(), compareFailingHealthy(ev));
    expect(t.kind).toBe('object-change');
    expect(t.text).toBe('ConfigMap ingest-config was changed 19m ago and picked up by revision 7, a restart of the same template (18m ago)');
  });

  it('keeps the revision when the ConfigMap changed only after the restart', () => {
    const ev = restarted({ kind: 'ConfigMap', name: 'ingest-config', createdAt: minutesAgo(90 * 24 * 60), changedAt: minutesAgo(10) });
    expect(findTrigger(ev, unexplained(), compareFailingHealthy(ev)).kind).toBe('revision');
  });
});
