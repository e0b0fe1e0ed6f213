// DynamoDB throttling the workload's writes: told as throttling of the named table, and as a hot
// partition when the evidence says one partition takes the load — a revision that changed the
// partition key setting, every throttled request on one key, consumption far under the table's
// provisioned capacity. A bigger table is never the advice for a hot partition.
import { describe, expect, it } from 'vitest';
import { analyzeDynamoThrottling } from '../../../../src/domain/triage/analyzers/dynamodb-throttled.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, minutesAgo, pod } from '../scenarios/builders.js';

const PTE = (t: string) => `2026-11-21 ${t},100 ERROR [sink] write failed: An error occurred (ProvisionedThroughputExceededException) when calling the PutItem operation (reached max retries: 2): The level of configured provisioned throughput for the table was exceeded.`;
const RETRY = (key: string) => `2026-11-21 03:10:00,000 WARNING [sink] PutItem throttled, retrying table=events pk=${key} sk=01J`;
const STATS = (wcu: number) => `2026-11-21 03:11:00,000 INFO [stats] last 60s: table=events consumed_wcu=${wcu}/s provisioned_wcu=4000`;

function revisions(before: string, after: string): RevisionEvidence[] {
  const base = baseEvidence().revisions[0] as RevisionEvidence;
  const withKey = (v: string, revision: number, ago: number): RevisionEvidence => ({
    ...base, revision, name: `writer-${revision}`, hash: `h${revision}`, createdAt: minutesAgo(ago),
    containers: base.containers.map((c) => ({ ...c, env: [...c.env, { name: 'TABLE_PARTITION_KEY', value: v }] })),
  });
  return [withKey(before, 7, 9000), withKey(after, 8, 40)];
}

function scenario(lines: string[], revs?: RevisionEvidence[]) {
  const pods = [0, 1].map((i) => pod(i));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(revs ? { revisions: revs } : {}) });
}

describe('DynamoDB throttling the workload\'s writes', () => {
  it('is a hot partition when a revision changed the partition key and every throttled write carries one key', () => {
    const lines = [RETRY('2026-11-21'), PTE('03:10:01'), RETRY('2026-11-21'), PTE('03:10:05'), RETRY('2026-11-21'), STATS(480)];
    const [f] = analyzeDynamoThrottling(scenario(lines, revisions('user_id', 'day')));
    expect(f?.title).toMatch(/^DynamoDB throttles writes to table events \(ProvisionedThroughputExceededException\): they concentrate on one hot partition since the partition key became day \(TABLE_PARTITION_KEY user_id → day, revision 8\)/);
    expect(f?.title).toMatch(/same partition key \(2026-11-21\)/);
    expect(f?.title).toMatch(/960 WCU\/s consumed by the 2 pods read, of the 4000 provisioned/);
    expect(f?.fix).toMatch(/redesign the key/);
    expect(`${f?.fix ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/(increase|raise|bump|add)[^\n]{0,40}(provisioned|WCU|write capacity|capacity units)/i);
    expect(f?.nextAction).toMatch(/^Roll back to revision 7/);
  });

  it('is a hot partition from consumption far under provisioned alone', () => {
    const [f] = analyzeDynamoThrottling(scenario([PTE('03:10:01'), PTE('03:10:05'), STATS(300)]));
    expect(f?.title).toMatch(/hot partition/);
    expect(f?.fix).not.toMatch(/roll back/i);
  });

  it('is plain throttling of the table when nothing points at one partition', () => {
    const [f] = analyzeDynamoThrottling(scenario([PTE('03:10:01'), PTE('03:10:05'), STATS(1990)]));
    expect(f?.title).toMatch(/^DynamoDB throttles calls to table events \(ProvisionedThroughputExceededException\): they exceed its provisioned throughput/);
    expect(f?.title).not.toMatch(/hot/);
  });

  it('ignores a ThrottlingException of another AWS API', () => {
    expect(analyzeDynamoThrottling(scenario(['ERROR An error occurred (ThrottlingException) when calling the PutMetricData operation: Rate exceeded', 'ERROR An error occurred (ThrottlingException) when calling the PutMetricData operation: Rate exceeded']))).toEqual([]);
  });
});
