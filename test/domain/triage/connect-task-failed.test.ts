// A Kafka Connect task killed by an error it does not tolerate: the worker pods stay Ready (their
// REST API answers the probes) while the connector's task is FAILED until someone restarts it. The
// reading names the connector and task, the error's mechanism (a JDBC sink's table missing a new
// field with auto.evolve off) and the fix: the column or auto.evolve, then the task's restart.
import { describe, expect, it } from 'vitest';
import { explainConnectTaskFailed, pickHistoryBrokers } from '../../../src/domain/triage/connect-task-failed.js';
import { keepRetentionLines } from '../../../src/domain/triage/history-retention.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const missing = `Table "orders" is missing fields ([SinkRecordField{schema=Schema{STRING}, name='fulfillment_channel', isPrimaryKey=false}]) and auto-evolution is disabled`;
const LINES = [
  '10.0.3.32 - - [21/Nov/2026:02:36:30 +0000] "GET / HTTP/1.1" 200 91 "-" "kube-probe/1.31" 2 (org.apache.kafka.connect.runtime.rest.RestServer:62)',
  `[2026-11-21 02:38:12,123] ERROR [sink-a|task-0] WorkerSinkTask{id=sink-a-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted. Error: ${missing} (org.apache.kafka.connect.runtime.WorkerSinkTask:633)`,
  `io.confluent.connect.jdbc.sink.TableAlterOrCreateException: ${missing}`,
  '[2026-11-21 02:38:12,122] ERROR [sink-a|task-0] WorkerSinkTask{id=sink-a-0} Task threw an uncaught and unrecoverable exception (org.apache.kafka.connect.runtime.WorkerTask:234)',
  'org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.',
  `Caused by: io.confluent.connect.jdbc.sink.TableAlterOrCreateException: ${missing}`,
  '[2026-11-21 02:38:12,121] ERROR [sink-a|task-0] WorkerSinkTask{id=sink-a-0} Task is being killed and will not recover until manually restarted (org.apache.kafka.connect.runtime.WorkerTask:235)',
  '[2026-11-21 02:39:18,000] INFO [other-sink|task-2] Files committed to S3. (io.confluent.connect.s3.TopicPartitionWriter:683)',
];

describe('a Kafka Connect task killed by an error it does not tolerate', () => {
  it('names the connector, its task, the missing field with auto.evolve off, and the fix: the column, then the task restart', () => {
    const told = explainConnectTaskFailed(LINES, LINES);
    expect(told?.summary).toMatch(/^connector sink-a's task 0 is FAILED until restarted: table "orders" is missing field fulfillment_channel and auto\.evolve is off/);
    expect(told?.likelyCause).toMatch(/errors\.tolerance=none/);
    expect(told?.fix).toMatch(/ALTER TABLE orders ADD COLUMN fulfillment_channel TEXT\)/);
    expect(told?.fix).toMatch(/auto\.evolve=true/);
    expect(told?.fix).toMatch(/POST \/connectors\/sink-a\/tasks\/0\/restart/);
  });

  it('names the connector and the error it died of for any other cause', () => {
    const other = ['[2026-11-21 02:38:12,121] ERROR [src-b|task-1] WorkerSourceTask{id=src-b-1} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted. Error: Connection to db refused (org.apache.kafka.connect.runtime.WorkerTask:235)'];
    const told = explainConnectTaskFailed(other, other);
    expect(told?.summary).toMatch(/^connector src-b's task 1 is FAILED until restarted: Connection to db refused/);
    expect(told?.fix).toMatch(/POST \/connectors\/src-b\/tasks\/1\/restart/);
    expect(explainConnectTaskFailed(['ERROR something else'], [])).toBeUndefined();
  });

  it('titles the ready pods\' finding with the connector, not with a count of error lines', () => {
    const pods = [pod(0)];
    const f = findUnexplained(baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: LINES }] }), []);
    expect(f[0]?.title).toMatch(/^Kafka Connect connector sink-a's task 0 is FAILED until restarted/);
  });

  // A source task that dies on start with few error lines: the kill line alone is decisive, and the
  // exception on the next line (no "Error:" of its own) is the cause.
  const HISTORY = [
    '2026-11-21 02:38:10,000 INFO   ||  Kafka Connect started   [org.apache.kafka.connect.runtime.Connect]',
    '2026-11-21 02:38:12,121 ERROR  DB|src|task  WorkerSourceTask{id=src-c-0} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover until manually restarted   [org.apache.kafka.connect.runtime.WorkerTask]',
    'io.example.CdcException: The db history topic or its content is fully or partially missing. Please check database schema history topic configuration and re-execute the snapshot.',
    '\tat io.example.Schema.recover(Schema.java:59)',
    '2026-11-21 02:38:12,122 INFO   DB|src|task  Stopping down connector   [io.example.BaseSourceTask]',
  ];

  it('does not call a Ready worker healthy over one kill line, and names a missing schema history and its retention', () => {
    const pods = [pod(0)];
    const f = findUnexplained(baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: HISTORY }] }), []);
    expect(f[0]?.title).toMatch(/^Kafka Connect connector src-c's task 0 is FAILED until restarted: its schema history topic is missing/);
    expect(f[0]?.title).not.toMatch(/retention/); // no broker lines read: no retention claimed
    expect(f[0]?.fix).toMatch(/retention\.ms=-1/);
    expect(f[0]?.fix).toMatch(/schema_only_recovery/);
    expect(f[0]?.fix).toMatch(/POST \/connectors\/src-c\/tasks\/0\/restart/);
  });

  it('names the history topic and the retention.ms that deleted it when the brokers\' logs say so', () => {
    const broker = [
      '[2026-11-20 01:00:00,000] INFO Processing override for entityPath: topics/history.src with config: HashMap(retention.ms -> 3600000) (kafka.server.ConfigAdminManager)',
      '[2026-11-20 02:00:00,000] INFO [UnifiedLog partition=history.src-0, dir=/data] Deleting segment LogSegment(baseOffset=0, size=10) due to log retention time 3600000ms breach based on the largest record timestamp in the segment (kafka.log.UnifiedLog)',
      '[2026-11-20 02:00:01,000] INFO [LocalLog partition=orders-1, dir=/data] Rolled new log segment at offset 5 in 1 ms. (kafka.log.LocalLog)',
    ];
    const kept = keepRetentionLines(broker);
    expect(kept).toHaveLength(2);
    const told = explainConnectTaskFailed(HISTORY, HISTORY, kept);
    expect(told?.summary).toMatch(/schema history topic history\.src is missing — the brokers deleted its segments for retention\.ms=3600000/);
    expect(told?.fix).toMatch(/retention\.ms=-1 \(keep forever\) on the history topic history\.src/);
    expect(told?.evidence?.[0]).toMatch(/^broker log: .*Deleting segment/);
  });

  it('asks the brokers only when a killed task says its schema history is missing, through the bootstrap address', () => {
    const base = pod(0);
    const pods = [{ ...base, containers: base.containers.map((c) => ({ ...c, env: [{ name: 'BOOTSTRAP_SERVERS', value: 'brokers.data.svc.cluster.local:9092' }] })) }];
    const logs = [{ pod: pods[0]?.name ?? '', container: 'app', previous: false, lines: HISTORY }];
    expect(pickHistoryBrokers(logs, pods, 'ns')).toEqual({ name: 'brokers', namespace: 'data' });
    expect(pickHistoryBrokers([{ ...logs[0]!, lines: LINES }], pods, 'ns')).toBeUndefined();
  });
});
