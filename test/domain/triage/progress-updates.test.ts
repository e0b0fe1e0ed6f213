import { describe, expect, it, vi } from 'vitest';
import { ProgressUpdates } from '../../../src/domain/triage/progress-updates.js';
import type { TriageProgress } from '../../../src/domain/triage/triage-progress.js';
import { describeProgress } from '../../../src/domain/triage/triage-progress.js';
import { PATIENTLY } from '../../helpers/deadline.js';

const base = { service: 'payment-service', target: 'deployment/payment-service in payments' };

describe('ProgressUpdates', () => {
  it('makes one update of reads that finish together, and the next only after the gap', async () => {
    const sent: TriageProgress[] = [];
    const updates = new ProgressUpdates(base, async (p) => void sent.push(p), () => 0, 1000);
    updates.read('workload');
    updates.read('pods');
    await vi.waitFor(() => expect(sent).toHaveLength(1), PATIENTLY);
    expect(sent[0]?.done).toEqual(['workload', 'pods']);
    updates.read('events');
    updates.read('logs');
    // Both land in the one update the gap held back.
    await vi.waitFor(() => expect(sent).toHaveLength(2), PATIENTLY);
    expect(sent[1]?.done).toEqual(['workload', 'pods', 'events', 'logs']);
    await updates.stop();
  });

  it('sends nothing after stop, and stop waits for the update in flight', async () => {
    const sent: TriageProgress[] = [];
    let finish: (() => void) | undefined;
    const updates = new ProgressUpdates(base, (p) => new Promise<void>((resolve) => (finish = () => (sent.push(p), resolve()))), () => 0, 0);
    updates.read('pods');
    await vi.waitFor(() => expect(finish).toBeDefined(), PATIENTLY);
    let stopped = false;
    const stopping = updates.stop().then(() => (stopped = true));
    updates.read('events');
    await Promise.resolve();
    expect(stopped).toBe(false);
    finish!();
    await stopping;
    expect(sent.map((p) => p.done)).toEqual([['pods']]);
  });

  it('says what is read and what is still awaited', () => {
    expect(describeProgress({ ...base, done: [] })).toBe('Triaging payment-service (deployment/payment-service in payments) — reading pods, events, logs…');
    expect(describeProgress({ ...base, done: ['workload', 'pods'] })).toBe('Triaging payment-service (deployment/payment-service in payments) — workload ✓  pods ✓  events …  logs …  nodes …');
  });
});
