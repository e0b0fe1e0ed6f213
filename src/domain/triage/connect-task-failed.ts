/**
 * A Kafka Connect task killed by an error it does not tolerate. With errors.tolerance=none (the
 * default) the first record a task cannot handle kills it: "Task is being killed and will not
 * recover until manually restarted". The worker pods stay Running and Ready (their REST API
 * answers the probes) and the other connectors keep working, while this connector's task is
 * FAILED and its consumer lag grows until someone restarts it. The reading names the connector and
 * task (from the log context `[name|task-N]` or `WorkerSinkTask{id=name-N}`), the error it died of
 * and, for a JDBC sink whose table lacks a new field of the records' schema with auto.evolve off,
 * the column to add. Pure: reads the workers' log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { truncate } from '../text.js';
import { readRetentionDeletion } from './history-retention.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import { findInClusterService } from './down-service.js';

const KILLED = /will not recover until manually restarted/;
/** A line that says a task hosted in a Ready worker stopped for good: one is enough to not call the workload healthy. */
export function isStoppedTaskLine(line: string): boolean {
  return KILLED.test(line) && readTask(line) !== undefined;
}
/** The exception a kill line is followed by when it carries no "Error:" of its own: "org.example.SomeException: <message>". */
const EXCEPTION_LINE = /^(?:Caused by: )?(?:[\w$]+\.)+[\w$]*(?:Exception|Error): (.+)$/;
/** A CDC source task whose schema history (the DDL it replays on start) is gone from its history topic. */
const HISTORY_MISSING = /history topic or its content is (?:fully or partially )?missing|schema history .*(?:missing|not found)/i;
export function isHistoryMissingLine(line: string): boolean {
  return HISTORY_MISSING.test(line);
}
/** The connector and task in a worker's log context: `[orders-sink|task-0]`, else `Worker…Task{id=orders-sink-0}`. */
const CONTEXT = /\[([\w.-]+)\|task-(\d+)\]/;
const TASK_ID = /Worker(?:Sink|Source)Task\{id=([\w.-]+)-(\d+)\}/;
/** The error the kill line carries: "… manually restarted. Error: <message> (org.apache…)". */
const KILL_ERROR = /manually restarted\. Error: (.+?)(?: \([\w.$]+(?::\d+)?\))?$/;
/** A JDBC sink's table without columns for new fields of the records' schema, which it may not add. */
const MISSING_FIELDS = /Table "?([\w.]+)"? is missing fields \((.*)\) and auto-evolution is disabled/;

/** The SQL column type of a Connect schema type, for the ALTER TABLE the fix names. */
const SQL_TYPES: Record<string, string> = { STRING: 'TEXT', INT8: 'SMALLINT', INT16: 'SMALLINT', INT32: 'INTEGER', INT64: 'BIGINT', FLOAT32: 'REAL', FLOAT64: 'DOUBLE PRECISION', BOOLEAN: 'BOOLEAN', BYTES: 'BYTEA' };

/** The connector and task the kill line names; undefined without either. */
function readTask(line: string): { connector: string; task: string } | undefined {
  const m = CONTEXT.exec(line) ?? TASK_ID.exec(line);
  return m?.[1] !== undefined && m[2] !== undefined ? { connector: m[1], task: m[2] } : undefined;
}

/** `brokerRetention`: the brokers' lines about retention set on a topic or its segments deleted for it (history-retention.ts). */
export function explainConnectTaskFailed(errors: readonly string[], lines: readonly string[], brokerRetention: readonly string[] = []): ClientDiagnosis | undefined {
  const kills = [...errors, ...lines].filter((l) => KILLED.test(l));
  const killed = kills.find((l) => readTask(l) !== undefined);
  if (killed === undefined) return undefined;
  const { connector, task } = readTask(killed) ?? { connector: '', task: '0' };
  const restart = `POST /connectors/${connector}/tasks/${task}/restart on the Connect REST API`;
  const sink = /WorkerSinkTask/.test(killed) || kills.some((l) => /WorkerSinkTask/.test(l));
  const missingLine = [...errors, ...lines].find((l) => MISSING_FIELDS.test(l));
  const mf = missingLine === undefined ? undefined : MISSING_FIELDS.exec(missingLine);
  if (mf !== null && mf !== undefined) {
    const table = mf[1] ?? '';
    const found = [...(mf[2] ?? '').matchAll(/schema=Schema\{(?:[\w.]+:)?(\w+)\}, name='([\w.-]+)'/g)].map((x) => ({ type: x[1] ?? '', name: x[2] ?? '' }));
    const fields = found.map((f) => f.name).filter((x) => x !== '');
    const named = fields.length > 0 ? fields.join(', ') : (mf[2] ?? '');
    const columns = fields.length > 0 ? found.map((f) => `ADD COLUMN ${f.name}${SQL_TYPES[f.type] ? ` ${SQL_TYPES[f.type]}` : ''}`).join(', ') : 'ADD COLUMN …';
    const fix = `add the missing column to table ${table} (ALTER TABLE ${table} ${columns}) or set auto.evolve=true on connector ${connector}, then restart the task: ${restart}; consider errors.tolerance=all with a dead-letter queue (errors.deadletterqueue.topic.name) so one bad record does not stop the connector`;
    const summary = `connector ${connector}'s task ${task} is FAILED until restarted: table "${table}" is missing field${fields.length === 1 ? '' : 's'} ${named} and auto.evolve is off`;
    return {
      summary,
      title: (where) => `Kafka Connect ${summary} (${where})`,
      likelyCause:
        `The records' schema gained ${fields.length === 1 ? `a field (${named})` : `fields (${named})`} — a new version of the topic's value schema — that table ${table} has no column for, and auto.evolve=false forbids the JDBC sink to add it. ` +
        `With errors.tolerance=none (the default, no dead-letter queue) the first such record killed the task, which stays FAILED until restarted; the workers stay Ready and the other connectors run, while this connector's consumer lag grows.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. GET /connectors/${connector}/status shows the task FAILED with its trace.`,
      fix,
    };
  }
  const all = [...errors, ...lines];
  const after = all.slice(all.indexOf(killed) + 1).find((l) => EXCEPTION_LINE.test(l.trim()));
  const error = KILL_ERROR.exec(killed)?.[1] ?? (after === undefined ? undefined : EXCEPTION_LINE.exec(after.trim())?.[1]) ?? all.find((l) => /^Caused by: /.test(l))?.replace(/^Caused by: [\w.$]+: /, '');
  if (error !== undefined && HISTORY_MISSING.test(error)) return explainHistoryMissing(connector, task, error, restart, readRetentionDeletion(brokerRetention));
  const fix = `fix what the error names, then restart the task: ${restart}`;
  const summary = `connector ${connector}'s task ${task} is FAILED until restarted${error ? `: ${truncate(error, 200)}` : ''}`;
  return {
    summary,
    title: (where) => `Kafka Connect ${summary} (${where})`,
    likelyCause:
      `The ${sink ? 'sink' : 'source'} task of connector ${connector} hit an error it does not tolerate (errors.tolerance=none, the default) and was killed; it stays FAILED until restarted. ` +
      'The workers stay Ready (their REST API answers the probes) and the other connectors run, so Kubernetes sees nothing wrong.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. GET /connectors/${connector}/status shows the task's state and trace.`,
    fix,
  };
}

/**
 * The schema history topic must be kept forever (retention.ms=-1): the task replays it on every start.
 * A retention set on it (often a default applied to every topic) lets the broker delete its segments,
 * unnoticed until the task next starts (a worker pod re-created, a rebalance).
 */
function explainHistoryMissing(connector: string, task: string, error: string, restart: string, deleted: ReturnType<typeof readRetentionDeletion>): ClientDiagnosis {
  const topic = deleted === undefined ? `connector ${connector}'s schema history topic (its schema.history.internal.kafka.topic)` : `the history topic ${deleted.topic}`;
  const fix = `set retention.ms=-1 (keep forever) on ${topic}${deleted === undefined ? '' : ` (exclude it from any retention default)`}, then recover the history (snapshot.mode=schema_only_recovery, or recovery) and restart the task: ${restart}`;
  const why = deleted === undefined
    ? `its schema history topic is missing (${truncate(error, 160)})`
    : `its schema history topic ${deleted.topic} is missing — the brokers deleted its segments for retention.ms=${deleted.retentionMs} (${truncate(error, 120)})`;
  const summary = `connector ${connector}'s task ${task} is FAILED until restarted: ${why}`;
  return {
    summary,
    title: (where) => `Kafka Connect ${summary} (${where})`,
    likelyCause:
      `The source task of connector ${connector} replays its database schema history from its history topic on every start and found it gone or partial. ` +
      'A history topic must never expire (retention.ms=-1): a retention set on it — often a default applied to every topic — lets the broker delete its segments, unnoticed until the task restarts. ' +
      'The workers stay Ready (their REST API answers the probes) while change capture has stopped.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.${deleted === undefined ? ` The brokers' logs ("Deleting segment … due to log retention time … breach" for the history topic) and the topic's config (kafka-configs --describe --entity-type topics) say whether a retention deleted it.` : ''}`,
    fix,
    ...(deleted !== undefined ? { evidence: [`broker log: ${deleted.line.trim()}`] } : {}),
  };
}

/** The workers' bootstrap address: the brokers to ask why a history topic is missing. */
const BOOTSTRAP_ENV = /BOOTSTRAP_SERVERS$|^CONNECT_BOOTSTRAP_SERVERS$/i;

/** The brokers to ask, when a worker's task died because its schema history is missing; undefined otherwise. */
export function pickHistoryBrokers(logs: readonly LogEvidence[], pods: readonly PodEvidence[], namespace: string): { name: string; namespace: string } | undefined {
  const current = logs.filter((l) => !l.previous);
  if (!current.some((l) => l.lines.some(isStoppedTaskLine)) || !current.some((l) => l.lines.some(isHistoryMissingLine))) return undefined;
  for (const pod of pods) {
    for (const c of pod.containers) {
      const e = (c.env ?? []).find((x) => BOOTSTRAP_ENV.test(x.name) && 'value' in x);
      const first = e !== undefined && 'value' in e ? e.value.split(',')[0]?.trim() : undefined;
      const host = first?.replace(/^[a-z]+:\/\//i, '').split(':')[0];
      if (host) return findInClusterService(host, namespace);
    }
  }
  return undefined;
}
