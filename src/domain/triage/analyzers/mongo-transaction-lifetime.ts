import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { diffRevisions, sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { findMongoService } from '../collscan-timeout.js';
import { LIFETIME_CODE, MIN_TXN_ABORTS, describeAbortCodes, findAbortedTransactions, findAttemptDurations, findLifetimeAborts } from '../mongo-transaction-lifetime.js';

/** MongoDB's default transactionLifetimeLimitSeconds. */
const DEFAULT_LIMIT_SECONDS = 60;
/** Env names that size the work one transaction carries: what a revision grows past the limit. */
const SIZES_WORK = /BATCH|CHUNK|PAGE|BULK|SIZE|LIMIT|MAX/i;

const seconds = (ms: number): string => `${Math.round(ms / 1000)}s`;

/**
 * The workload's MongoDB transactions are aborted again and again (NoSuchTransaction,
 * TransientTransactionError) because each attempt outlives the server's
 * transactionLifetimeLimitSeconds: mongod says so in its own log (read one hop away), or the client
 * times its attempts past the default 60 s. A retry loop restarts the same oversized work each time,
 * so it never completes — a quiet failure, a few warnings a pass, with every pod ready. The
 * newest revision, when it changed what sizes the work (a batch size), is the trigger to test.
 */
export function analyzeMongoTransactionLifetime(ev: TriageEvidence): Finding[] {
  const aborted = findAbortedTransactions(ev);
  if (aborted.length < MIN_TXN_ABORTS) return [];
  const svc = findMongoService(ev, ev.endpointSlices);
  const servers = svc ? (ev.dependencyPods ?? []).filter((d) => d.service === svc.name && (d.namespace ?? ev.target.namespace) === svc.namespace) : [];
  const server = findLifetimeAborts(servers.flatMap((d) => [...(d.searched ?? []), ...d.logs]).flatMap((l) => l.lines));
  const limitSeconds = server.limitSeconds ?? DEFAULT_LIMIT_SECONDS;
  const durations = findAttemptDurations(aborted.map((a) => a.line));
  const past = durations.filter((ms) => ms >= limitSeconds * 1000);
  // Neither the server nor the client's own timings tie the aborts to the lifetime limit: a write conflict or a failover aborts transactions too.
  if (server.lines.length === 0 && past.length < MIN_TXN_ABORTS) return [];
  const pods = unique(aborted.map((a) => a.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const [newest, before] = sortRevisions(ev.revisions);
  const sized = newest && before ? diffRevisions(before, newest).filter((d) => / env /.test(d) && SIZES_WORK.test(d)).slice(0, 2) : [];
  const trigger = newest && sized.length > 0 ? `revision ${newest.revision} (${formatAgo(newest.createdAt, ev.collectedAt)}) changed ${sized.map((d) => d.replace(/^\S+ env /, '')).join(', ')}` : undefined;
  const [low, high] = [seconds(Math.min(...past)), seconds(Math.max(...past))];
  const ran = past.length > 0 ? (high === low ? low : `${low}–${high}`) : undefined;
  const name = svc?.name ?? 'the MongoDB';
  const fix = `make each transaction finish well under ${limitSeconds}s (smaller batches, or no transaction around a bulk import)${trigger && newest ? ` — revision ${newest.revision} grew them` : ''}, or raise transactionLifetimeLimitSeconds on ${name} while it is fixed`;
  return [{
    id: `mongo-transaction-lifetime/${name}`,
    kind: 'dependency-error',
    title: `MongoDB ${name} aborts the workload's transactions at transactionLifetimeLimitSeconds = ${limitSeconds}: ${aborted.length} aborts logged (${describeAbortCodes(aborted.map((a) => a.line))})${ran ? ` after running ${ran}` : ''} and retried from scratch, never completing${trigger ? ` — ${trigger}` : ''}`,
    layer: 'container/process',
    severity: 'warning',
    confidence: server.lines.length > 0 ? 'high' : 'medium',
    evidence: [
      ...(svc ? [`MongoDB ${svc.name} (the workload's MongoDB URI)`] : []),
      ...server.lines.slice(-1).map((l) => `log ${servers[0]?.pod.name ?? name}: ${l}`),
      // The newest lifetime-code line first when the client logs one, then the newest others.
      ...[...aborted.filter((a) => LIFETIME_CODE.test(a.line)).slice(-1), ...aborted.filter((a) => !LIFETIME_CODE.test(a.line))].slice(-2).map((a) => `log ${a.pod}: ${a.line}`),
      ...(ran ? [`${past.length} aborted attempts ran ${ran}, past the ${limitSeconds}s limit`] : []),
      ...(trigger && newest ? sized.map((d) => `revision ${newest.revision}: ${d}`) : []),
    ],
    // The client's own line with the lifetime code says it best; else mongod's, else the client's last abort.
    decisive: [...aborted].reverse().find((a) => LIFETIME_CODE.test(a.line))?.line ?? server.lines[server.lines.length - 1] ?? aborted[aborted.length - 1]?.line ?? '',
    ...(trigger ? { datesChange: true as const } : {}),
    likelyCause:
      `A multi-document transaction that runs longer than transactionLifetimeLimitSeconds (${limitSeconds}s) is aborted by mongod; the driver's next command in it fails with NoSuchTransaction labelled TransientTransactionError, which withTransaction (or the app's retry loop) answers by running the whole transaction again — as long as before, so it is aborted again and the work never completes. ` +
      `${trigger ? `The work in each transaction grew: ${trigger}. ` : ''}The pods stay ready and few lines are errors, so nothing else shows it.`,
    nextAction: `Stop the endless retry and ${fix}.`,
    fix,
    confirmCommands: [
      ...(servers[0] ? [formatKubectl({ ...ev.target, namespace: servers[0].namespace ?? ev.target.namespace }, `logs ${servers[0].pod.name} --tail=300`)] : []),
      formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=300`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), ...(svc ? { services: [svc.name] } : {}) },
  } satisfies Finding];
}
