import { describe, expect, it } from 'vitest';
import type { EventEvidence } from '../../../src/domain/triage/evidence.js';
import { findAdmissionWait, pickQueuedWorkloads } from '../../../src/domain/triage/queued-workload.js';
import { minutesAgo } from './scenarios/builders.js';

const ev = (object: EventEvidence['object'], reason: string, message: string, lastAgo: number): EventEvidence => ({ object, type: 'Normal', reason, message, count: 1, firstSeen: minutesAgo(lastAgo + 1), lastSeen: minutesAgo(lastAgo) });

describe('pickQueuedWorkloads', () => {
  it('names the Workloads the Job\'s CreatedWorkload events name, newest first, and no other Job\'s', () => {
    const events = [
      ev({ kind: 'Job', name: 'rebuild' }, 'CreatedWorkload', 'Created Workload: analytics/job-rebuild-old11', 90),
      ev({ kind: 'Job', name: 'rebuild' }, 'CreatedWorkload', 'Created Workload: analytics/job-rebuild-new22', 10),
      ev({ kind: 'Job', name: 'other' }, 'CreatedWorkload', 'Created Workload: analytics/job-other-x', 5),
      ev({ kind: 'Job', name: 'rebuild' }, 'Suspended', 'Job suspended', 10),
    ];
    expect(pickQueuedWorkloads(events, 'rebuild')).toEqual(['job-rebuild-new22', 'job-rebuild-old11']);
  });
});

describe('findAdmissionWait', () => {
  const created = ev({ kind: 'Job', name: 'rebuild' }, 'CreatedWorkload', 'Created Workload: analytics/job-rebuild-a1', 30);
  it('reads the quota the ClusterQueue lacks from the Workload\'s newest Pending event', () => {
    const w = findAdmissionWait([created, ev({ kind: 'Workload', name: 'job-rebuild-a1' }, 'Pending', 'couldn\'t assign flavors to pod set main: insufficient unused quota for example.com/fpga in flavor f1, 2 more needed', 1)], 'rebuild');
    expect(w?.quota).toEqual({ resource: 'example.com/fpga', flavor: 'f1', more: '2' });
  });

  it('keeps a reason it cannot parse as Kueue wrote it, and finds nothing without a Pending event', () => {
    const w = findAdmissionWait([created, ev({ kind: 'Workload', name: 'job-rebuild-a1' }, 'Pending', 'LocalQueue batch is stopped', 1)], 'rebuild');
    expect(w).toMatchObject({ workload: 'job-rebuild-a1', message: 'LocalQueue batch is stopped' });
    expect(w?.quota).toBeUndefined();
    expect(findAdmissionWait([created], 'rebuild')).toBeUndefined();
  });
});
