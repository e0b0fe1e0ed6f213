import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/incident/incident.js';
import { detectMitigation } from '../../../src/domain/postmortem/detect-mitigation.js';
import type { Mitigation } from '../../../src/domain/postmortem/detect-mitigation.js';
import type { TimelineEntry, TimelineSource } from '../../../src/domain/timeline/timeline-entry.js';

const INCIDENT: Incident = {
  id: 'pd-P1',
  source: 'pagerduty',
  title: 'checkout 5xx > 5%',
  status: 'resolved',
  statusAt: '2026-11-21T10:40:00Z',
  createdAt: '2026-11-21T10:00:00Z',
  resolvedAt: '2026-11-21T10:40:00Z',
  assigneeSlackIds: {},
  services: ['checkout'],
  progress: {},
};

let n = 0;
const entry = (text: string, source: TimelineSource = 'slack', at = '2026-11-21T10:10:00Z', more: Partial<TimelineEntry> = {}): TimelineEntry => ({ key: `k${n++}`, at, source, text, author: source === 'slack' ? 'U024BE7LH' : undefined, ...more });
const detect = (texts: string[], incident: Partial<Incident> = {}) => detectMitigation(texts.map((t) => entry(t)), { ...INCIDENT, ...incident });

/** Messages that record a mitigation done, and which. */
const MITIGATIONS: [string, Mitigation[]][] = [
  ['restarted the pods', ['restart']],
  ['kubectl rollout restart deploy/checkout -n shop', ['restart']],
  ['just bounced the api gateway', ['restart']],
  ['deleted the stuck pod checkout-7c9d8f6b5d-x2kqj', ['restart']],
  ['rolled back to 46', ['rollback']],
  ['ran `kubectl rollout undo deployment/checkout -n shop`', ['rollback']],
  ['reverted the deploy', ['rollback']],
  ['the deploy was reverted', ['rollback']],
  ['<@U024BE7LH|alice> rolled back checkout to v2.14.1', ['rollback']],
  ['recovered after the rollback', ['rollback']],
  ['scaled to 8', ['scale-up']],
  ['scaled checkout to 12 replicas', ['scale-up']],
  ['added 3 more nodes to the pool', ['scale-up']],
  ['increased replicas to 8', ['scale-up']],
  ['HPA max raised to 20', ['scale-up']],
  ['raised the HPA max to 20', ['scale-up']],
  ['bumped maxReplicas to 20', ['scale-up']],
  ['bumped memory limit to 1Gi', ['limit bump']],
  ['raised limits', ['limit bump']],
  ['memory limits raised to 2Gi', ['limit bump']],
  ['limit 512Mi -> 1Gi', ['limit bump']],
  ['kubectl -n shop set resources deploy/checkout --limits=memory=1Gi', ['limit bump']],
  ['rolled back and restarted the pods', ['rollback', 'restart']],
  ['tried restarting, no luck', ['restart']],
  ['restart fixed it', ['restart']],
];

/** Messages that record no mitigation: questions, proposals, plans, negations, what pods do on their own. */
const NOT_MITIGATIONS: string[] = [
  'should we roll back?',
  'has anyone restarted the pods',
  'we should roll back',
  'I think a restart would help',
  "let's restart the pods",
  'roll back to 46',
  "I'll restart the payment-service pods",
  'need to bump the memory limit',
  'if errors persist we roll back',
  "didn't restart",
  'not rolled back yet',
  'we decided not to roll back',
  'rollback not needed',
  'no rollback needed',
  'the rollback didn\'t help',
  'before rolling back we took a heap dump',
  'pods restarted 14 times',
  'HPA scaled to 8',
  'replicas increased to 8',
  'scaled down to 2',
  'raised the rate limit to 500',
  'memory usage increased to 1.5Gi',
  'the memory limit is 512Mi',
  'caused by the restart of the db',
];

describe('detectMitigation: what people wrote', () => {
  it.each(MITIGATIONS)('%s → %j', (text, expected) => {
    const report = detect([text]);
    expect(report.mitigations).toEqual(expected);
    expect(report.evidence).toEqual([text.replace(/\s+/g, ' ')]);
    expect(report.mitigationOnly).toBe(true);
  });

  it.each(NOT_MITIGATIONS)('%s → none', (text) => {
    const report = detect([text]);
    expect(report.mitigations).toEqual([]);
    expect(report.evidence).toEqual([]);
    expect(report.mitigationOnly).toBe(false);
  });
});

describe('detectMitigation: fixes and root causes end "mitigation only"', () => {
  const FIXES = ['deployed the fix', 'fix is deployed', 'patched the null check', 'pushed a hotfix for the null check', 'fixed the query that scanned orders'];
  const NOT_FIXES = ['restart fixed it', 'need to deploy a fix', 'deploy a fix', "the fix isn't deployed yet", "we'll deploy the fix tomorrow"];

  it.each(FIXES)('a restart then "%s" is a fix, not only a mitigation', (fix) => {
    const report = detect(['restarted the pods', fix]);
    expect(report.mitigations).toEqual(['restart']);
    expect(report.fixes).toEqual([fix]);
    expect(report.mitigationOnly).toBe(false);
  });

  it.each(NOT_FIXES)('a restart then "%s" is still only a mitigation', (text) => {
    const report = detect(['restarted the pods', text]);
    expect(report.fixes).toEqual([]);
    expect(report.mitigationOnly).toBe(true);
  });

  it('a root cause on the incident means it is not only a mitigation', () => {
    const report = detect(['rolled back to 46'], { rootCause: 'a missing index on orders.created_at' });
    expect(report).toMatchObject({ mitigations: ['rollback'], rootCauseRecorded: true, mitigationOnly: false });
  });

  it('a root cause stated in the channel counts as recorded; a hedge or an unknown one does not', () => {
    const stated = detect(['rolled back to 46', 'found it: the root cause is a missing index']);
    expect(stated).toMatchObject({ rootCauseRecorded: true, mitigationOnly: false });
    expect(stated.rootCauseEntries.map((e) => e.text)).toEqual(['found it: the root cause is a missing index']);

    for (const text of ['I think the root cause is the new index', 'root cause is still unknown']) {
      const report = detect(['rolled back to 46', text]);
      expect(report, text).toMatchObject({ rootCauseRecorded: false, mitigationOnly: true });
    }
  });

  it('a blank root cause on the incident is not a root cause', () => {
    expect(detect(['rolled back to 46'], { rootCause: '  ' })).toMatchObject({ rootCauseRecorded: false, mitigationOnly: true });
  });
});

describe('detectMitigation: sources', () => {
  it('reads PagerDuty notes without their "Note by" prefix, and never the bot’s own lines', () => {
    const report = detectMitigation(
      [entry('Note by Alice Doe: restarted the database', 'pagerduty'), entry('Triage of deployment/checkout: consider a rollback; restart the pods', 'bot')],
      INCIDENT,
    );
    expect(report.mitigations).toEqual(['restart']);
    expect(report.evidence).toEqual(['restarted the database']);
  });

  it('reads the resolve summary when it is not on the timeline, once when it is', () => {
    const alone = detectMitigation([], { ...INCIDENT, resolutionSummary: 'rolled back to 46 and bumped memory limit to 1Gi' });
    expect(alone.mitigations).toEqual(['rollback', 'limit bump']);
    expect(alone.evidence).toEqual(['Resolution summary: rolled back to 46 and bumped memory limit to 1Gi']);

    const onTimeline = detectMitigation([entry('Resolved by <@U1> Summary: rolled back to 46')], { ...INCIDENT, resolutionSummary: 'rolled back to 46' });
    expect(onTimeline.evidence).toEqual(['Resolved by <@U1> Summary: rolled back to 46']);
    expect(onTimeline.findings).toHaveLength(1);
  });

  it('lists mitigations in the order they happened, whatever order the entries come in', () => {
    const report = detectMitigation([entry('restarted the pods', 'slack', '2026-11-21T10:20:00Z'), entry('rolled back to 46', 'slack', '2026-11-21T10:05:00Z')], INCIDENT);
    expect(report.mitigations).toEqual(['rollback', 'restart']);
    expect(report.evidence).toEqual(['rolled back to 46', 'restarted the pods']);
  });

  it('counts a ReplicaSet scaled up with no other scaled down as a scale-up, and a rollout as nothing', () => {
    const up = entry('deployment/checkout: ScalingReplicaSet — Scaled up replica set checkout-5f7b9 from 4 to 8', 'cluster', '2026-11-21T10:12:00Z');
    expect(detectMitigation([up], INCIDENT)).toMatchObject({ mitigations: ['scale-up'], mitigationOnly: true, evidence: [up.text] });

    const rollout = [
      entry('deployment/checkout: ScalingReplicaSet — Scaled up replica set checkout-8d2c1 to 1', 'cluster', '2026-11-21T10:12:00Z'),
      entry('deployment/checkout: ScalingReplicaSet — Scaled down replica set checkout-5f7b9 to 3', 'cluster', '2026-11-21T10:13:00Z'),
      entry('deployment/checkout: ScalingReplicaSet — Scaled up replica set checkout-8d2c1 to 2', 'cluster', '2026-11-21T10:14:00Z'),
    ];
    expect(detectMitigation(rollout, INCIDENT).mitigations).toEqual([]);
  });

  it('does not count the rollout that set the incident off as a scale-up: before the page, or with a recorded revision', () => {
    // A new ReplicaSet scaled up to its full size in one step, no scale-down seen: only the revision history tells it is a rollout.
    const before = entry('deployment/checkout: ScalingReplicaSet — Scaled up replica set checkout-8d2c1 to 3', 'cluster', '2026-11-21T09:50:00Z');
    expect(detectMitigation([before], INCIDENT).mitigations).toEqual([]);
    const during = entry('deployment/checkout: ScalingReplicaSet — Scaled up replica set checkout-8d2c1 to 3', 'cluster', '2026-11-21T10:12:00Z');
    const revision = entry('deployment/checkout: revision 47 rolled out (app image checkout:2.1 → 2.2)', 'cluster', '2026-11-21T10:12:00Z', { rollout: { workload: 'deployment/checkout', revision: 47, change: 'app image checkout:2.1 → 2.2' } });
    expect(detectMitigation([during], INCIDENT).mitigations).toEqual(['scale-up']);
    expect(detectMitigation([during, revision], INCIDENT).mitigations).toEqual([]);
  });

  it('counts a DeploymentRollback event as a rollback, and other cluster events as nothing', () => {
    const events = [
      entry('deployment/checkout: DeploymentRollback — Rolled back deployment "checkout" to revision 46', 'cluster'),
      entry('pod/checkout-7c9d-q2w3e: BackOff — Back-off restarting failed container app', 'cluster'),
    ];
    expect(detectMitigation(events, INCIDENT).mitigations).toEqual(['rollback']);
  });
});
