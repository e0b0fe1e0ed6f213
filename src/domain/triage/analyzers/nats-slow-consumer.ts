import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPastErrorBout } from '../past-log-errors.js';
import { listNodesOf, unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';

/**
 * The NATS Go client (and the clients modelled on it) reporting that a subscription's pending
 * buffer overflowed, and nats-server cutting a client that stopped draining its socket.
 */
const CLIENT_DROPS = /\bslow consumer, messages dropped\b/i;
const SERVER_CUT = /\bSlow Consumer Detected\b/;

/** Lines before a slow consumer counts: one is a blip. */
const MIN_LINES = 3;

/** Settings that decide how fast a consumer drains its subscription: its workers, threads, in-flight messages. */
const CONCURRENCY_SETTING = /worker|concurren|thread|parallel|in_?flight|goroutine|handler|consumers?\b|max_?ack_?pending/i;

/** The subject of a drop, as structured logs carry it ("subject":"telemetry.raw.>", subject=orders.>). */
const SUBJECT = /"subject"\s*:\s*"([^"]+)"|\bsubject[=:]\s*"?([\w.*>-]+)/;

/** A revision's env change of a concurrency setting, read as numbers when it is one: `app env ENRICH_WORKERS: "32" → "1"`. */
interface ConcurrencyChange {
  line: string;
  name: string;
  from?: number;
  to?: number;
}

function readConcurrencyChanges(lines: readonly string[]): ConcurrencyChange[] {
  return lines.flatMap((l) => {
    const m = /^\S+ env (\S+): "?([^"→]*?)"? → "?([^"]*?)"?$/.exec(l);
    if (m === null || !CONCURRENCY_SETTING.test(m[1] ?? '')) return [];
    const [from, to] = [Number(m[2]), Number(m[3])];
    return [{ line: l, name: m[1] ?? '', ...(Number.isFinite(from) && m[2] !== '' ? { from } : {}), ...(Number.isFinite(to) && m[3] !== '' ? { to } : {}) }];
  });
}

/**
 * A NATS subscriber that cannot keep up with its subject: the messages published to it arrive
 * faster than its handlers take them, its client-side pending buffer reaches its limit and the
 * client drops every message past it ("nats: slow consumer, messages dropped"); nats-server, whose
 * writes to the client stall, logs "Slow Consumer Detected" and closes the connection. The pods
 * stay Ready and nothing restarts, yet messages are lost. A revision that cut the consumer's
 * concurrency (workers, threads) is the usual trigger; raising the pending limits only delays it.
 */
export function analyzeNatsSlowConsumer(ev: TriageEvidence): Finding[] {
  const hits = ev.logs.flatMap((l) => {
    const at = l.lines.flatMap((line, i) => (CLIENT_DROPS.test(line) || SERVER_CUT.test(line) ? [i] : []));
    // A bout the log rode out an hour ago, with clean work since, is history.
    if (isPastErrorBout(l.lines, at, ev.collectedAt)) return [];
    return at.map((i) => ({ pod: l.pod, container: l.container, line: l.lines[i] ?? '' }));
  });
  const drops = hits.filter((h) => CLIENT_DROPS.test(h.line));
  // The server's own cut of some client, in the server's log: told as the client's state only when this workload is that client.
  const mine = drops.length > 0 ? drops : hits;
  // One slow-consumer warning is a blip (a client paused by a GC, a deploy); a consumer that keeps dropping is the outage.
  if (mine.length < MIN_LINES) return [];
  const pods = unique(mine.map((h) => h.pod));
  const last = mine[mine.length - 1] ?? { line: '', pod: '', container: '' };
  const decisive = condenseStructuredLine(last.line.trim());
  const match = mine.map((h) => SUBJECT.exec(h.line)).find((m) => m !== null);
  const subject = match ? match[1] ?? match[2] : undefined;
  const side = drops.length > 0 ? 'the client drops the messages past its pending limit' : 'nats-server closes the connections of clients that stopped draining';

  const [newest, previous] = sortRevisions(ev.revisions);
  const changes = newest && previous ? readConcurrencyChanges(diffRevisions(previous, newest)) : [];
  const cut = changes.find((c) => c.from !== undefined && c.to !== undefined && c.to < c.from);
  const cutText = cut ? `${cut.name} ${cut.from ?? ''} → ${cut.to ?? ''}` : undefined;
  const since = cut && newest ? `; revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) cut ${cutText}${cut.to === 1 ? ', so one message is handled at a time' : ''}` : '';
  const restore = cut && previous ? `${cut.name}=${cut.from ?? ''}` : undefined;
  const on = subject ? ` on ${subject}` : '';
  return [
    {
      id: 'consumer-group/nats-slow-consumer',
      kind: 'consumer-group',
      title: `NATS slow consumer: the subscription${on} cannot keep up with the messages published to it, so ${side} ("${drops.length > 0 ? 'slow consumer, messages dropped' : 'Slow Consumer Detected'}", ${pods.length} pod${pods.length === 1 ? '' : 's'}, ${mine.length} line${mine.length === 1 ? '' : 's'})${since}`,
      ...(since ? { datesChange: true } : {}),
      layer: 'container/process',
      severity: 'critical',
      confidence: drops.length > 0 ? 'high' : 'medium',
      evidence: [...mine.slice(-3).map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line.trim())}`), ...changes.map((c) => `revision ${newest?.revision ?? '?'}: ${c.line}`)],
      decisive,
      likelyCause: `Messages arrive${on} faster than the subscriber's handlers take them: its client-side pending buffer (pending messages and bytes limits) fills and the client drops every message past it, while nats-server, whose writes to the connection stall, logs "Slow Consumer Detected" and closes it; the client reconnects and falls behind again. The lost messages are not redelivered (core NATS keeps nothing).${cut ? ` Revision ${newest?.revision ?? ''} cut ${cutText}: the consumer now handles a fraction of what it did.` : ' The consumer got slower (each message takes longer, fewer workers) or the publishers faster.'} The pods stay Ready and nothing restarts; the NATS servers can be healthy.`,
      nextAction: cut && previous
        ? `Roll back to revision ${previous.revision} (${restore}) or set the concurrency back, then confirm the drops stop (no new "slow consumer" lines, nats-server stops logging Slow Consumer Detected). Keep any ordering the change wanted with workers sharded by key, not one worker. Raising the pending limits only delays the drops.`
        : 'Give the subscriber the capacity its subject needs — more workers per pod or more members in its queue group — and find what slows each message; then confirm the drops stop. Raising the pending limits only delays them.',
      fix: restore ? `restore ${restore}, the concurrency revision ${newest?.revision ?? ''} cut (roll back to revision ${previous?.revision ?? ''} or set it back)` : 'raise the subscriber\'s concurrency (workers, queue-group members) so it keeps up with its subject',
      confirmCommands: pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=300`)),
      affected: { pods, nodes: listNodesOf(ev.pods.filter((p) => pods.includes(p.name))) },
    },
  ];
}
