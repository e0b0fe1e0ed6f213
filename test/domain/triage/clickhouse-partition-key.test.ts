// ClickHouse refuses an INSERT block that spans more partitions than max_partitions_per_insert_block
// (code 252, "Too many partitions for single INSERT block"): the table's PARTITION BY key has too
// many distinct values per batch. An SRE reads the table's DDL — here a migration file a ConfigMap
// mounts into the writer's pods — for its key; only that table's PARTITION BY is kept and stated.
import { describe, expect, it } from 'vitest';
import type { LogEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findPartitionKeyLine } from '../../../src/domain/triage/clickhouse-partition-key.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

const SCHEMA = {
  '001_views.sql': 'CREATE TABLE IF NOT EXISTS web.page_views\n(\n    at DateTime,\n    session_id String,\n    url String\n)\nENGINE = MergeTree\nPARTITION BY toYYYYMM(at)\nORDER BY (url, at);\n',
  '002_views_by_session.sql': 'CREATE TABLE IF NOT EXISTS web.page_views_by_session\n(\n    at DateTime,\n    session_id String,\n    url String\n)\nENGINE = MergeTree\nPARTITION BY session_id\nORDER BY (session_id, at);\n',
};

const REFUSED = "code: 252, message: Too many partitions for single INSERT block (more than 100). The limit is controlled by 'max_partitions_per_insert_block' setting.";

function writerLog(podName: string, refused: boolean): LogEvidence {
  const lines = [`{"level":"info","ts":"${minutesAgo(40)}","msg":"writer started","table":"page_views_by_session"}`];
  for (let i = 0; i < 6; i++) {
    lines.push(refused
      ? `{"level":"error","ts":"${minutesAgo(35 - i * 5)}","msg":"flush failed","table":"page_views_by_session","rows":5000,"error":"${REFUSED}"}`
      : `{"level":"info","ts":"${minutesAgo(35 - i * 5)}","msg":"flushed","table":"page_views_by_session","rows":5000}`);
  }
  return { pod: podName, container: 'app', previous: false, lines };
}

function writerPods() {
  return [0, 1].map((i) => pod(i, {
    volumes: [{ name: 'schema', source: 'configMap', ref: 'views-schema' }, { name: 'app-config', source: 'configMap', ref: 'views-app' }],
    containers: [container({ env: [{ name: 'CLICKHOUSE_HOST', value: 'clickhouse.payments.svc.cluster.local' }] })],
    initContainers: [container({ name: 'schema', volumeMounts: [{ name: 'schema', mountPath: '/schema', readOnly: true }] })],
  }));
}

describe("a ClickHouse table's partition key, when its INSERTs span too many partitions", () => {
  it('reads the ConfigMaps the pod mounts (an init container\'s too) only while INSERTs are refused for code 252', () => {
    const pods = writerPods();
    const reads = pickSettingConfigReads({ logs: pods.map((p) => writerLog(p.name, true)), pods, now: NOW }).filter((r) => r.mechanism === 'partition-key');
    expect(reads.map((r) => [r.configMap, r.table])).toEqual([['views-schema', 'page_views_by_session']]);
    expect(pickSettingConfigReads({ logs: pods.map((p) => writerLog(p.name, false)), pods, now: NOW }).filter((r) => r.mechanism === 'partition-key')).toEqual([]);
  });

  it("keeps only the refused table's PARTITION BY", () => {
    expect(findPartitionKeyLine(SCHEMA['002_views_by_session.sql'], 'page_views_by_session')).toBe('table page_views_by_session PARTITION BY session_id');
    expect(findPartitionKeyLine(SCHEMA['001_views.sql'], 'page_views_by_session')).toBeUndefined();
    const kept = keepSettings({ mechanism: 'partition-key', configMap: 'views-schema', via: 'mount', table: 'page_views_by_session' }, 'views-schema', SCHEMA);
    expect(kept.map((k) => [k.key, k.written])).toEqual([['002_views_by_session.sql', 'table page_views_by_session PARTITION BY session_id']]);
  });

  it('names the partition key and its ConfigMap in the verdict', () => {
    const pods = writerPods();
    const logs = pods.map((p) => writerLog(p.name, true));
    const settingConfig = keepSettings({ mechanism: 'partition-key', configMap: 'views-schema', via: 'mount', table: 'page_views_by_session' }, 'views-schema', SCHEMA);
    const ev: TriageEvidence = baseEvidence({ pods, logs, settingConfig });
    const r = buildTriageReport(ev, times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/too many partitions/i);
    expect(r.headline).toMatch(/table page_views_by_session is PARTITION BY session_id \(ConfigMap views-schema\): each batch spans more than 100 of its partitions/);
    expect(r.headline).not.toMatch(/too many parts/i);
  });
});
