import type { LogEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';

/**
 * An AMQP client's connection lost under it, in the words of the clients: pika's StreamLostError
 * and AMQPHeartbeatTimeout, py-amqp's "Too many heartbeats missed", a reset socket.
 */
const LOST = /StreamLostError|Stream connection lost|AMQPHeartbeatTimeout|ConnectionResetError|Connection reset by peer|\bECONNRESET\b|Too many heartbeats missed|missed heartbeats/i;
/** The log or the spec of an AMQP 0-9-1 client (pika, kombu/py-amqp, amqplib, aio-pika). */
const AMQP = /\bpika\b|\bkombu\b|\bamqplib\b|\baio_pika\b|\baiormq\b|BlockingConnection|\bbasic_ack\b|\bbasic_consume\b|\bamqps?:\/\//i;
/** RabbitMQ's own word on it: "missed heartbeats from client, timeout: 60s". */
const BROKER_SAID = /missed heartbeats from client, timeout: ?(\d+) ?s/i;
/** The heartbeat the client asks for: `?heartbeat=60` in its URL, `heartbeat=60` in its log. */
const HEARTBEAT_SET = /[?&\s[(]heartbeat[=:] ?(\d+)\b/i;
/** A job's time as its own log tells it: "rendered … in 358.4s", "took 412 s", "duration=95000ms". */
const DURATION = /\b(?:in|took|after|duration[=:]?|elapsed[=:]?)\s*(\d+(?:\.\d+)?)\s*(ms|s|secs?|seconds)\b/i;
/** pika's BlockingConnection: the callback runs on the one thread that services the connection. */
const BLOCKING = /BlockingConnection|blocking_connection/;
const REDELIVERED = /\bredelivered\s*[=:]\s*"?(?:true|yes|1)\b/i;
/** How far back from the lost connection a job's end may be (a traceback lies between). */
const WINDOW = 20;
/** RabbitMQ's default heartbeat timeout, which clients take unless they ask for another. */
const DEFAULT_HEARTBEAT_S = 60;

interface Drop {
  log: LogEvidence;
  line: string;
  /** The longest job that ended just before the connection was lost, in seconds. */
  job?: number;
}

function secondsOf(m: RegExpExecArray): number {
  const n = Number(m[1]);
  return (m[2] ?? '').toLowerCase() === 'ms' ? n / 1000 : n;
}

/** The heartbeat the client runs with, from its env (a URL's query) or its own log. */
function heartbeatOf(ev: TriageEvidence, logs: readonly LogEvidence[]): number | undefined {
  for (const p of ev.pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) {
        if (!('value' in e)) continue;
        const m = HEARTBEAT_SET.exec(` ${e.value}`) ?? (/heartbeat/i.test(e.name) && /^\d+$/.test(e.value) ? [e.value, e.value] : null);
        if (m?.[1]) return Number(m[1]);
      }
    }
  }
  for (const l of logs) {
    for (const line of l.lines) {
      const m = HEARTBEAT_SET.exec(line);
      if (m?.[1]) return Number(m[1]);
    }
  }
  return undefined;
}

function isAmqpClient(ev: TriageEvidence, log: LogEvidence): boolean {
  const c = ev.pods.find((p) => p.name === log.pod)?.containers.find((x) => x.name === log.container);
  return log.lines.some((l) => AMQP.test(l)) || (c?.env ?? []).some((e) => 'value' in e && /^amqps?:\/\//i.test(e.value));
}

/**
 * A consumer that does its work on the thread that services its AMQP connection (pika's
 * BlockingConnection runs the message callback there): while a job runs nothing reads or writes
 * the socket, so no heartbeat goes out, and a job longer than the heartbeat timeout makes the
 * broker close the connection as dead ("missed heartbeats from client"). The ack sent after the
 * job fails on the lost connection, the worker exits or reconnects, and the deliveries it held
 * come back redelivered and are worked again. Read from the client's own log: a connection lost
 * right after a job that outlasted the heartbeat; or from the broker's log, when one was read.
 */
export function analyzeMissedHeartbeats(ev: TriageEvidence): Finding[] {
  const brokerLines = [...ev.logs, ...(ev.dependencyPods ?? []).flatMap((d) => d.logs)].flatMap((l) => l.lines.filter((x) => BROKER_SAID.test(x)));
  const clientLogs = ev.logs.filter((l) => isAmqpClient(ev, l));
  const said = brokerLines.map((l) => Number(BROKER_SAID.exec(l)?.[1])).find((n) => Number.isFinite(n) && n > 0);
  const heartbeat = said ?? heartbeatOf(ev, clientLogs);
  const limit = heartbeat ?? DEFAULT_HEARTBEAT_S;
  const drops: Drop[] = clientLogs.flatMap((log) => {
    const at = log.lines.findLastIndex((l) => LOST.test(l) && !BROKER_SAID.test(l));
    if (at < 0) return [];
    const jobs = log.lines.slice(Math.max(0, at - WINDOW), at).flatMap((l) => {
      const m = DURATION.exec(l);
      return m ? [secondsOf(m)] : [];
    });
    const job = jobs.length > 0 ? Math.max(...jobs) : undefined;
    return [{ log, line: log.lines[at] ?? '', ...(job !== undefined ? { job } : {}) }];
  });
  // A job past the heartbeat just before the connection was lost; or the broker's own word.
  const long = drops.filter((d) => d.job !== undefined && d.job > limit);
  const shown = long.length > 0 ? long : brokerLines.length > 0 ? drops : [];
  if (shown.length === 0) return [];
  const pods = unique(shown.map((d) => d.log.pod));
  const longest = Math.max(0, ...long.map((d) => d.job ?? 0));
  const all = [...ev.logs.flatMap((l) => l.lines), ...ev.pods.flatMap((p) => p.containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : []))))];
  const broker = all.some((l) => /rabbitmq/i.test(l)) || brokerLines.length > 0 ? 'RabbitMQ' : 'The AMQP broker';
  const blocking = shown.some((d) => d.log.lines.some((l) => BLOCKING.test(l)));
  const thread = blocking ? 'the thread that services the connection (pika BlockingConnection runs the message callback there)' : 'the thread that services the connection';
  const error = /\b([A-Z]\w*(?:Error|Exception|Timeout))\b/.exec(shown[0]?.line ?? '')?.[1];
  const redelivered = clientLogs.reduce((n, l) => n + l.lines.filter((x) => REDELIVERED.test(x)).length, 0);
  const timeout = heartbeat !== undefined ? `heartbeat timeout ${heartbeat} s` : `heartbeat timeout ${DEFAULT_HEARTBEAT_S} s by default`;
  const ran = longest > 0 ? `a job ran ${Math.round(longest)} s on ${thread}, so no heartbeat went out` : `the work blocks ${thread}, so no heartbeat goes out`;
  const lastBroker = brokerLines[brokerLines.length - 1];
  const restarted = ev.pods.some((p) => pods.includes(p.name) && p.containers.some((c) => c.restartCount > 0));
  return [
    {
      id: 'consumer-group/missed-heartbeat',
      kind: 'consumer-group',
      title: `${broker} closes the consumer's connection for missed heartbeats (${timeout}): ${ran}; the ack after it fails on the lost connection${error ? ` (${error})` : ''}${restarted ? ', the worker exits and restarts' : ''}, and the deliveries it held unacked are redelivered and worked again (${pods.length} pod${pods.length === 1 ? '' : 's'}${redelivered > 0 ? `, ${redelivered} redelivered` : ''})`,
      layer: 'container/process',
      severity: 'critical',
      confidence: long.length > 0 || lastBroker ? 'high' : 'medium',
      evidence: [
        ...shown.slice(-2).map((d) => `log ${d.log.pod}: ${condenseStructuredLine(d.line.trim())}${d.job !== undefined ? ` — after a job of ${Math.round(d.job)} s` : ''}`),
        ...(lastBroker ? [`broker log: ${lastBroker.trim().replace(/^\S+ \S+ \[\w+\] <[\d.]+> /, '')}`] : []),
      ],
      decisive: lastBroker ? lastBroker.trim().replace(/^\S+ \S+ \[\w+\] <[\d.]+> /, '') : condenseStructuredLine((shown[shown.length - 1]?.line ?? '').trim()),
      likelyCause: `The consumer does its work inside the message callback, on the one thread that also services its AMQP connection: while a job runs nothing reads or writes the socket, so no heartbeat goes out. A job longer than the heartbeat timeout${longest > 0 ? ` (${Math.round(longest)} s against ${limit} s)` : ''} makes the broker close the connection as dead; the ack sent after the job then fails on the lost connection, the worker exits or reconnects, and every delivery it had not acked is redelivered and worked again (duplicate work, a queue that never drains). The broker itself is healthy.`,
      nextAction: blocking
        ? 'Run the work off the connection\'s thread: hand each delivery to a worker thread and ack from it through connection.add_callback_threadsafe, or call connection.process_data_events() while working; a longer heartbeat alone only moves the limit to the next longer job. Then watch the redeliveries and restarts stop.'
        : 'Run the work off the thread that services the connection (a worker thread that acks through the client\'s thread-safe callback), or let the client service the connection while working; a longer heartbeat alone only moves the limit to the next longer job. Then watch the redeliveries and restarts stop.',
      fix: blocking
        ? 'run the work off the connection thread (a worker thread that acks via add_callback_threadsafe, or process_data_events while working); a longer heartbeat alone only moves the limit'
        : 'run the work off the thread that services the connection; a longer heartbeat alone only moves the limit',
      confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --previous --tail=300`)),
      affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
    },
  ];
}
