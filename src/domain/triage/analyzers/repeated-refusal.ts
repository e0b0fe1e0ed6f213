/**
 * A refusal that stops the work while the pods stay Ready: the same fixed error text, repeated in
 * most replicas' logs and still there at the end of them. Two known kinds: a blob lease another
 * holder keeps (Azure Storage 409 LeaseAlreadyPresent — with an infinite lease nobody becomes
 * leader until someone breaks it), and signed sessions a rotated secret key no longer validates
 * (Django "Session data corrupted" — every user is logged out). Each is read only when at least
 * half the running pods log it several times, so a stray warning does not make a finding.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding, FindingKind } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { truncate } from '../../text.js';
import { readLineTime } from '../request-silence.js';

interface RefusalKind {
  id: string;
  kind: FindingKind;
  line: RegExp;
  grep: string;
  title: (pods: number, count: number, line: string) => string;
  likelyCause: string;
  fix: string;
  nextAction: string;
}

const LEASE_HOLDER = /holder=([\w-]+(?:\.[\w-]+)*)/;

const KINDS: RefusalKind[] = [
  {
    id: 'blob-lease-held',
    kind: 'duplicate-work',
    line: /\bLeaseAlreadyPresent\b|There is already a lease present/,
    grep: 'LeaseAlreadyPresent',
    title: (pods, count, line) => `No replica can take the blob lease it elects a leader with: ${count} attempts in ${pods} pods refused with 409 LeaseAlreadyPresent${/duration=infinite|infinite/i.test(line) ? ' on an infinite lease' : ''}${LEASE_HOLDER.exec(line) ? ` held by ${LEASE_HOLDER.exec(line)?.[1] ?? ''}` : ''}, so no leader runs the leader-only work`,
    likelyCause: 'Leader election takes a lease on a storage blob; another holder still has it. An infinite lease (duration -1) never expires, so when its holder died without releasing it every replica, its replacement too, is refused forever and the work only a leader does stops while the pods stay Ready. A restart changes nothing.',
    fix: 'use a finite lease (15–60 s) that the leader renews, and release it on shutdown',
    nextAction: 'Break the lease now (az storage blob lease break on the lock blob) so a replica can become leader, then check the skipped scheduled work runs.',
  },
  {
    id: 'session-key-rejected',
    kind: 'token-rejected',
    line: /Session data corrupted/,
    grep: 'Session data corrupted',
    title: (pods, count) => `Existing sessions are refused as "Session data corrupted" (${count} requests in ${pods} pods): the session signatures no longer match the SECRET_KEY, so users are logged out`,
    likelyCause: 'Django signs sessions (and CSRF/password-reset tokens) with SECRET_KEY. When the key changes without the old one in SECRET_KEY_FALLBACKS, every session issued before fails signature validation, Django logs "Session data corrupted" and sends the user to log in again. A secret key change in the latest rollout is the trigger to test.',
    fix: 'keep the previous key in SECRET_KEY_FALLBACKS when rotating SECRET_KEY',
    nextAction: 'Add the previous key to SECRET_KEY_FALLBACKS (or roll back to the revision with the old key), then rotate with the fallback in place.',
  },
];

/** At least this many lines per pod make it repeated, not a stray one. */
const MIN_PER_POD = 3;
/** It must still be logged in the last lines, not an old episode. */
const TAIL_LINES = 30;

export function analyzeRepeatedRefusal(ev: TriageEvidence): Finding[] {
  const running = ev.pods.filter((p) => p.phase === 'Running');
  if (running.length === 0) return [];
  const names = new Set(running.map((p) => p.name));
  return KINDS.flatMap((k) => {
    const hits = ev.logs.filter((l) => names.has(l.pod)).map((l) => ({ pod: l.pod, lines: l.lines.filter((x) => k.line.test(x)), recent: l.lines.slice(-TAIL_LINES).some((x) => k.line.test(x)) }))
      .filter((h) => h.lines.length >= MIN_PER_POD && h.recent);
    const podsWithLogs = new Set(ev.logs.filter((l) => names.has(l.pod)).map((l) => l.pod)).size;
    if (hits.length === 0 || hits.length * 2 < Math.max(podsWithLogs, 1)) return [];
    const count = hits.reduce((n, h) => n + h.lines.length, 0);
    const last = hits[0]?.lines.at(-1) ?? '';
    const pods = hits.map((h) => h.pod);
    // The earliest stamped line: the change is looked for before it.
    const onset = hits.flatMap((h) => h.lines.map((x) => readLineTime(x))).filter((t): t is string => t !== undefined).sort()[0];
    const finding: Finding = {
      id: `repeated-refusal/${k.id}`,
      kind: k.kind,
      title: k.title(pods.length, count, last),
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: 'medium',
      evidence: [...hits.slice(0, 3).map((h) => `${h.pod}: ${h.lines.length} lines "${k.grep}"`), `log ${hits[0]?.pod ?? ''}: ${truncate(last, 300)}`],
      decisive: truncate(last, 220),
      likelyCause: k.likelyCause,
      nextAction: k.nextAction,
      fix: k.fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=300 | grep -c "${k.grep}"`)],
      ...(onset ? { onset } : {}),
      affected: { pods, nodes: listNodesOf(running.filter((p) => pods.includes(p.name))) },
    };
    return [finding];
  });
}
