import { describe, expect, it } from 'vitest';
import { blockText } from '../../helpers/document-text.js';
import { blockStrings } from '../../helpers/slack-text.js';
import { renderBlock } from '../../../src/adapters/slack/render-document.js';
import { chatLength } from '../../../src/domain/chat-document.js';
import { REPLY_MAX, buildEvidenceThread } from '../../../src/domain/triage/evidence-thread.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { ChatDocument } from '../../../src/domain/ports.js';
import { NS, event, minutesAgo, pod } from './scenarios/builders.js';
import { oomKillScenario } from './scenarios/crashes.js';
import { hpaPendingScenario } from './scenarios/scheduling.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:13:56.000Z' };

function textOf(doc: ChatDocument): string {
  return [doc.title, ...doc.paragraphs.map(blockText)].join('\n');
}

function replyLength(doc: ChatDocument): number {
  return 2 * chatLength(doc.title) + doc.paragraphs.reduce((n, p) => n + ('code' in p ? chatLength(p.code) : blockStrings([renderBlock(p)]).join('').length) + 8, 0);
}

/** 200 replicas asked for, 8 placed, 192 Pending. */
function manyPending(): TriageEvidence {
  const ev = hpaPendingScenario();
  const pending = ev.pods.find((p) => p.phase === 'Pending')!;
  const more = Array.from({ length: 188 }, (_, i) => ({ ...pending, name: `payment-service-7c9d8f6b5d-pend${String(i).padStart(3, '0')}`, uid: `uid-${i}` }));
  return { ...ev, pods: [...ev.pods, ...more] };
}

describe('buildEvidenceThread', () => {
  it('shows a log tail that three pods share once, naming the pods', () => {
    const thread = buildEvidenceThread(buildTriageReport(oomKillScenario(), times));
    const logs = thread.documents.filter((d) => d.title.startsWith('Logs'));
    expect(logs).toHaveLength(1);
    const text = textOf(logs[0]!);
    expect(text).toMatch(/same on 3 pods: payment-service-7c9d8f6b5d-\w+, payment-service-7c9d8f6b5d-\w+, payment-service-7c9d8f6b5d-\w+/);
    expect(text.split('loading 184223 pending settlements into memory')).toHaveLength(2);
  });

  it('says once which containers wrote nothing, instead of an empty block per container', () => {
    const ev = oomKillScenario();
    const [a, b] = ev.pods;
    const silent = [
      { pod: a!.name, container: 'app', previous: false, lines: [] },
      { pod: b!.name, container: 'envoy', previous: false, lines: [] },
    ];
    const thread = buildEvidenceThread(buildTriageReport({ ...ev, logs: [...ev.logs, ...silent] }, times));
    const logs = thread.documents.filter((d) => d.title.startsWith('Logs'));
    const paragraphs = logs.flatMap((d) => d.paragraphs.map((p) => ('code' in p ? `code:${p.code}` : blockText(p))));
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    expect(paragraphs).toContain(`No output from ${a!.name}/app, ${b!.name}/envoy.`);
  });

  it('keeps routine Normal events out of the warnings, counted in one line', () => {
    const ev = oomKillScenario();
    const p = ev.pods[0]!;
    const routine = ['Pulled', 'Created', 'Started'].map((reason) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason, message: `${reason} container app`, firstSeen: minutesAgo(3), lastSeen: minutesAgo(3) }));
    const thread = buildEvidenceThread(buildTriageReport({ ...ev, events: [...ev.events, ...routine] }, times));
    const events = textOf(thread.documents.find((d) => d.title.startsWith('Events'))!);
    expect(events).toContain('BackOff');
    expect(events).not.toMatch(/Pulled container app|Started container app/);
    expect(events).toContain('3 routine events left out (Pulled, Created, Started)');
  });

  it('counts 192 Pending pods with the first few named, every reply within REPLY_MAX, and attaches the raw evidence whole', () => {
    const thread = buildEvidenceThread(buildTriageReport(manyPending(), times));
    const placement = thread.documents.filter((d) => d.title.startsWith('Pods and nodes')).map(textOf).join('\n');
    expect(placement).toMatch(/192 × Pending: Unschedulable: payment-service-7c9d8f6b5d-\w+, \S+, \S+ and 189 more/);
    expect(placement).not.toContain('pend187');
    expect(buildEvidenceThread(buildTriageReport({ ...manyPending(), census: { total: 500, complete: true, ready: 200, byState: { 'Pending (Unschedulable)': 300, Running: 200 } } }, times)).documents.map(textOf).join('\n')).toContain(
      'All 500 pods: 300 Pending (Unschedulable), 200 Running; below, the 200 least healthy.',
    );
    for (const d of thread.documents) expect(replyLength(d)).toBeLessThanOrEqual(REPLY_MAX);
    expect(thread.file?.content).toContain('payment-service-7c9d8f6b5d-pend187');
  });

  it('shows each revision\'s change-cause in the rollout history: what the deployer said changed (a base image) that the template does not show', () => {
    const ev = oomKillScenario();
    const [newest] = ev.revisions;
    expect(newest).toBeDefined();
    const revisions = ev.revisions.map((r) => (r === newest ? { ...r, changeCause: 'ci: worker 3.1.0 (base image debian:bookworm-slim)' } : r));
    const thread = buildEvidenceThread(buildTriageReport({ ...ev, revisions }, times));
    const history = textOf(thread.documents.find((d) => d.title.startsWith('Rollout history'))!);
    expect(history).toContain(`revision ${newest!.revision}`);
    expect(history).toContain('change-cause: ci: worker 3.1.0 (base image debian:bookworm-slim)');
  });

  it('attaches no file when the thread already shows all of a short triage', () => {
    const ev = hpaPendingScenario();
    const small: TriageEvidence = { ...ev, pods: [pod(0)], events: [], nodes: [], services: [], endpointSlices: [], revisions: [], logs: [] };
    expect(buildEvidenceThread(buildTriageReport(small, times)).file).toBeUndefined();
  });
});
