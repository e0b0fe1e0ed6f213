// A standby whose node was NotReady for hours asks the primary for WAL it already recycled: the
// reading names the WAL its config keeps, the node's outage as the trigger, and the re-seed.
import { describe, expect, it } from 'vitest';
import { explainStandbyWalGap, keepWalRetentionSettings, pickWalRetentionReads } from '../../../src/domain/triage/standby-wal-gap.js';
import { NOW, container, event, minutesAgo, pod } from './scenarios/builders.js';

const REMOVED = '2026-11-21 03:10:44.200 UTC [103] FATAL:  could not receive data from WAL stream: ERROR:  requested WAL segment 00000001000000070000001C has already been removed';
const standby = pod(1, { name: 'shop-db-1', nodeName: 'worker-2', containers: [container({ name: 'postgres' })], volumes: [{ name: 'scripts', source: 'configMap', ref: 'shop-db-scripts' }, { name: 'config', source: 'configMap', ref: 'shop-db-config' }] });
const logs = [{ pod: 'shop-db-1', container: 'postgres', previous: true, lines: [REMOVED, REMOVED] }];
const node = (reason: string, ago: number) => event({ object: { kind: 'Node', name: 'worker-2' }, reason, message: `Node worker-2 status is now: ${reason}`, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago) });

describe('a standby the primary removed the WAL of', () => {
  it('reads the ConfigMaps its pod mounts (config first) for the WAL kept, and keeps only those settings', () => {
    expect(pickWalRetentionReads({ logs, pods: [standby] })).toEqual(['shop-db-config', 'shop-db-scripts']);
    expect(pickWalRetentionReads({ logs: [{ ...logs[0]!, lines: ['LOG:  started streaming WAL from primary'] }], pods: [standby] })).toEqual([]);
    expect(keepWalRetentionSettings('shop-db-config', { 'postgresql.conf': "shared_buffers = 2GB\nwal_keep_size = 256MB\narchive_mode = off\npassword_encryption = 'scram-sha-256'" }))
      .toEqual([{ configMap: 'shop-db-config', key: 'postgresql.conf', setting: 'wal_keep_size', value: '256MB' }, { configMap: 'shop-db-config', key: 'postgresql.conf', setting: 'archive_mode', value: 'off' }]);
  });

  it('names the WAL kept, the node away for hours as the trigger, and the re-seed', () => {
    const miss = explainStandbyWalGap({
      events: [node('NodeNotReady', 300), node('NodeReady', 30)], pods: [standby], collectedAt: NOW,
      walRetentionConfig: [{ configMap: 'shop-db-config', key: 'postgresql.conf', setting: 'wal_keep_size', value: '256MB' }],
    }, logs);
    expect(miss?.scope).toMatch(/^standby shop-db-1 cannot catch up — the primary already removed the WAL it needs \("requested WAL segment 00000001000000070000001C has already been removed", 2 times/);
    expect(miss?.scope).toMatch(/after its node worker-2 was NotReady for 4h 30m \(back 30m ago\); its config keeps only wal_keep_size = 256MB \(ConfigMap shop-db-config, postgresql.conf\)/);
    expect(miss?.fix).toMatch(/^re-seed shop-db-1 .*pg_basebackup.*replication slot with max_slot_wal_keep_size, a larger wal_keep_size than 256MB/);
    expect(miss?.onset).toBe(minutesAgo(300));
  });

  it('dates nothing by a node that was NotReady only briefly, and reads nothing without the line', () => {
    const miss = explainStandbyWalGap({ events: [node('NodeNotReady', 12), node('NodeReady', 10)], pods: [standby], collectedAt: NOW }, logs);
    expect(miss?.onset).toBeUndefined();
    expect(miss?.fix).toMatch(/a larger wal_keep_size, or WAL archiving/);
    expect(explainStandbyWalGap({ events: [], pods: [standby], collectedAt: NOW }, [{ ...logs[0]!, lines: ['LOG:  started streaming WAL'] }])).toBeUndefined();
  });
});
