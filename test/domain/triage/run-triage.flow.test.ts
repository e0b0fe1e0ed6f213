/**
 * One triage through the in-memory ports (run-triage.ts): the summary's place posted at once and
 * updated as reads complete, the verdict in the same message, the evidence in its thread and the
 * raw file shared once, what could not be read named, and an incident's timeline and cluster
 * watch fed — each step safe to run twice.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../../src/domain/chat-message.js';
import { runTriage } from '../../../src/domain/triage/run-triage.js';
import type { TriageReport } from '../../../src/domain/triage/triage-report.js';
import { dependencyRejected } from '../../../src/errors.js';
import { PATIENTLY } from '../../helpers/deadline.js';
import { memoryTriageDeps, triageRequest } from '../../support/memory-cluster-triage.js';
import type { MemoryTriageDeps } from '../../support/memory-cluster-triage.js';
import { APP, NOW, NS, minutesAgo } from './scenarios/builders.js';
import { healthyScenario } from './scenarios/healthy.js';
import { badRolloutScenario } from './scenarios/rollout.js';

/** The cluster of the scenarios (payment-service in payments), the clock at their reads. */
function world(): MemoryTriageDeps {
  return memoryTriageDeps({ now: NOW, contexts: ['prod-eu-west-1'] });
}

const summaryKey = (id = 'T1') => `triage/${id}/summary`;
const summaries = (deps: MemoryTriageDeps) => deps.chat.messages(deps.channel.id).filter((m) => m.message.key === summaryKey());
const thread = (deps: MemoryTriageDeps, ts: string) => deps.chat.messages(deps.channel.id, ts);

function reportOf(message: ChatMessage | undefined): TriageReport {
  if (message?.kind !== 'triage-summary') throw new Error(`not a verdict: ${message?.kind}`);
  return message.report;
}

describe('a triage posts one summary with its evidence in the thread', () => {
  it('shows the triage under way while a read hangs, updates it as reads complete, and puts the verdict in the same message', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    const release = deps.cluster.hold('logs');
    const running = runTriage(deps, triageRequest(deps));
    // Pods and events are read while the logs hang: the message says so before any verdict.
    await vi.waitFor(() => {
      const place = summaries(deps)[0]?.message;
      expect(place?.kind === 'triage-progress' && place.progress.done).toEqual(['workload', 'pods', 'events']);
    }, PATIENTLY);
    const [place] = summaries(deps);
    expect(place?.edits[0]).toEqual({ key: summaryKey(), kind: 'triage-progress', progress: { service: APP, target: `deployment/${APP} in ${NS}`, done: [] } });
    expect(thread(deps, place!.ts)).toEqual([]);
    release();
    const outcome = await running;

    expect(summaries(deps)).toHaveLength(1);
    expect(deps.chat.messages(deps.channel.id)).toHaveLength(1);
    const summary = summaries(deps)[0]!;
    // Posted once, then only updated: the progress versions, then the verdict.
    expect(summary.ts).toBe(place!.ts);
    expect(deps.chat.calls.filter((c) => c === 'post').length).toBe(1 + thread(deps, summary.ts).length);
    expect(summary.edits.every((m) => m.kind === 'triage-progress')).toBe(true);
    expect(summary.edits.length).toBeGreaterThanOrEqual(2);
    expect(summary.edits.length).toBeLessThanOrEqual(1 + 5);
    expect(reportOf(summary.message)).toEqual(outcome && 'posted' in outcome ? outcome.posted : undefined);
    expect(reportOf(summary.message).verdict).toBe('problems');
  });

  it('says which workload it took when the name asked was only the stem of its name', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    // The search found no workload called "payment" and chose the newest of a family named "payment-…".
    vi.spyOn(deps.cluster, 'findWorkloads').mockResolvedValue({ found: [{ kind: 'Deployment', namespace: NS, name: APP }], nearNames: [], readFailures: [], chosenByPrefix: { among: 3 } });
    await runTriage(deps, triageRequest(deps, { service: 'payment' }));
    const [place] = summaries(deps);
    expect(place?.edits[0]).toMatchObject({ progress: { service: 'payment', target: `deployment/${APP} in ${NS}, the newest of 3 Deployments named payment-…` } });
  });

  it('puts the evidence in the thread and shares the raw file there once, even when Slack shared it but the answer was lost', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    deps.chat.failNext('uploadFile', { afterActing: true });
    await expect(runTriage(deps, triageRequest(deps))).rejects.toMatchObject({ retryable: true });
    // The retry finds the summary, the thread and the file, and adds none of them again.
    await runTriage(deps, triageRequest(deps), 2);
    const [summary] = summaries(deps);
    expect(summaries(deps)).toHaveLength(1);
    const replies = thread(deps, summary!.ts);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((r) => r.message.kind === 'document')).toBe(true);
    const keys = replies.map((r) => r.message.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(keys.map((_, i) => `triage/T1/evidence/${i}`));
    expect(deps.chat.files).toEqual([expect.objectContaining({ channel: deps.channel.id, threadTs: summary!.ts, filename: `triage-${APP}-T1.txt` })]);
    expect(deps.chat.calls.filter((c) => c === 'uploadFile')).toHaveLength(1);
    expect(deps.chat.calls).toContain('findSharedFile');
    expect(reportOf(summary!.message).verdict).toBe('problems');
  });

  it('runs again after a crash without a second summary, reply or file', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    await runTriage(deps, triageRequest(deps));
    const before = deps.chat.posts.map((p) => [p.ts, p.message.key]);
    await runTriage(deps, triageRequest(deps), 2);
    expect(deps.chat.posts.map((p) => [p.ts, p.message.key])).toEqual(before);
    expect(deps.chat.files).toHaveLength(1);
    // The retry shows the reads starting again in the same message, then the verdict.
    expect(summaries(deps)[0]?.message.kind).toBe('triage-summary');
  });

  it('names in the verdict what it could not read, and gives no all-clear that needs it', async () => {
    const deps = world();
    const forbidden = { what: `events in ${NS}`, source: 'events' as const, reason: 'forbidden' as const, detail: `events is forbidden: User "system:serviceaccount:rootcause:rootcause" cannot list resource "events" in the namespace "${NS}"` };
    deps.cluster.add({ ...healthyScenario(), readFailures: [forbidden] });
    const outcome = await runTriage(deps, triageRequest(deps));
    const report = reportOf(summaries(deps)[0]?.message);
    expect(outcome).toEqual({ posted: report });
    expect(report.couldNotRead).toEqual([forbidden]);
    expect(report.verdict).not.toBe('healthy');
    expect(report.headline).not.toMatch(/looks healthy/);
    expect(report.headline).not.toMatch(/no warning events/);
    // The thread says it too, with the API's reason.
    const unread = thread(deps, summaries(deps)[0]!.ts).map((r) => r.message).find((m) => m.kind === 'document' && m.document.title === 'Could not read');
    expect(JSON.stringify(unread)).toContain('forbidden');
  });

  it('gives the same healthy workload its all-clear when every read answered (the control for the one above)', async () => {
    const deps = world();
    deps.cluster.add(healthyScenario());
    await runTriage(deps, triageRequest(deps));
    const report = reportOf(summaries(deps)[0]?.message);
    expect(report.verdict).toBe('healthy');
    expect(report.headline).toMatch(/looks healthy/);
    expect(report.couldNotRead).toEqual([]);
    // Short raw evidence: no file.
    expect(deps.chat.files).toEqual([]);
  });

  it('triages a channel it cannot post in, then tells the requester how to fix it', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    deps.chat.failNext('post', { error: dependencyRejected('Slack', 'chat.postMessage: not_in_channel') });
    const outcome = await runTriage(deps, triageRequest(deps));
    expect(outcome).toMatchObject({ posted: { verdict: 'problems' } });
    expect(deps.cluster.reads).toHaveLength(1);
    expect(deps.chat.messages(deps.channel.id)).toEqual([]);
    expect(deps.chat.responses).toEqual([{ responseUrl: 'https://hooks.slack.test/r1', text: expect.stringContaining('cannot post in this channel') }]);
    expect(deps.chat.responses[0]?.text).toContain('/invite @Rootcause');
  });
});

describe('a triage in an incident', () => {
  it('watches its workload from half an hour before, puts the triage on the timeline once, and hands the report to the incident', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    const request = triageRequest(deps, { incidentId: 'pd-P1' });
    await runTriage(deps, request);
    await runTriage(deps, request, 2);
    expect(deps.clusterWatch.targets()).toEqual([{ incidentId: 'pd-P1', namespace: NS, kind: 'Deployment', name: APP, since: minutesAgo(30) }]);
    const entries = await deps.timeline.list('pd-P1');
    expect(entries).toEqual([expect.objectContaining({ key: 'triage/T1', source: 'bot', important: true, text: expect.stringMatching(new RegExp(`^Triage of deployment/${APP}: `)) })]);
    // What else the incident keeps of it (its rollouts) is the incident's to write, once per key.
    const report = reportOf(summaries(deps)[0]?.message);
    expect(deps.kept.length).toBeGreaterThanOrEqual(1);
    expect(deps.kept.every((k) => k.incidentId === 'pd-P1' && k.report.verdict === report.verdict && k.report.headline === report.headline)).toBe(true);
  });

  it('a triage outside an incident watches nothing and writes no timeline', async () => {
    const deps = world();
    deps.cluster.add(badRolloutScenario());
    await runTriage(deps, triageRequest(deps));
    expect(deps.clusterWatch.targets()).toEqual([]);
    expect(await deps.timeline.list('pd-P1')).toEqual([]);
    expect(deps.kept).toEqual([]);
  });
});
