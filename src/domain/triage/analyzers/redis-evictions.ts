/**
 * A Redis evicting keys the workload needs (redis-evictions.ts): at its maxmemory, its policy
 * deletes sessions as readily as a cache's entries. The workload and Redis stay healthy; the
 * finding says which Redis, its policy and ceiling, how far evicted_keys climbed, what the
 * workload missed, and the other writer of the namespace that began filling the same Redis.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { findRedisEvictions } from '../redis-evictions.js';
import { formatBytes } from '../quantity.js';
import { formatAgo, HOUR_MS } from '../time-span.js';
import { pickTiedRollout } from '../tied-rollout.js';
import { sameRedis } from '../redis-client-rollout.js';
import { formatKubectl } from '../kubectl-command.js';
import { countReadyPods, listNodesOf, severityForPods } from '../pod-status.js';
import { truncate } from '../../text.js';

/** A writer that fills a Redis takes a while to reach its ceiling: how long before the evictions its start stays a suspect. */
const FILL_WINDOW_MS = 6 * HOUR_MS;

export function analyzeRedisEvictions(ev: TriageEvidence): Finding[] {
  const running = ev.pods.filter((p) => p.phase === 'Running');
  const found = findRedisEvictions(ev.logs, new Set(running.map((p) => p.name)));
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const host = found.address?.replace(/:\d+$/, '');
  const writer = found.since ? pickTiedRollout(ev, { onset: found.since, pods: found.pods, lines: [], strongEnv: sameRedis(host), bearing: /redis|cache/i, tiedOnly: true, tiedWindowMs: FILL_WINDOW_MS }) : undefined;
  const redis = found.address ? `Redis ${found.address}` : 'Its Redis';
  const ceiling = `at maxmemory${found.maxmemory ? ` (${formatBytes(found.maxmemory)})` : ''}${found.policy ? ` with maxmemory-policy ${found.policy}` : ''}`;
  const since = found.since ? ` since ${formatAgo(found.since, now)}` : '';
  const missed = found.lost.some((l) => /session/i.test(l.line)) ? '"session not found"' : 'keys not found';
  const started = writer ? `${writer.deployment} (${writer.previous ? `revision ${writer.newest.revision}` : 'a new Deployment'}, ${formatAgo(writer.newest.createdAt, now)}) started writing to the same Redis` : undefined;
  const title = `${redis} evicts keys the app needs: ${ceiling}, evicted_keys ${found.from.toLocaleString('en-US')} → ${found.to.toLocaleString('en-US')}${since}; ${found.lost.length} lookups missed (${missed}) in ${found.pods.length} pod${found.pods.length === 1 ? '' : 's'}${started ? `; ${started}` : ''}`;
  const fix = `give what ${ev.target.name} stores a Redis of its own (or one with maxmemory-policy noeviction / volatile-* and room for it)${writer ? `, and move or cap ${writer.deployment}'s cache` : ', and find what fills it'}`;
  const last = found.lost.at(-1);
  const podObjects = running.filter((p) => found.pods.includes(p.name));
  return [{
    id: 'redis-evictions',
    kind: 'resource-exhaustion',
    title,
    layer: 'capacity',
    severity: severityForPods(ev, countReadyPods(ev)),
    confidence: 'high',
    evidence: [
      `${redis}: ${ceiling}; evicted_keys ${found.from} → ${found.to}${since}`,
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
      ...(writer ? [`${writer.deployment}: ${writer.by ?? 'rolled out before the evictions'}; revision ${writer.newest.revision}, ${formatAgo(writer.newest.createdAt, now)}`] : []),
    ],
    decisive: truncate(condenseStructuredLine(last?.line ?? ''), 220),
    ...(found.since ? { onset: found.since } : {}),
    // The writer that filled it is the change: the title dates it.
    ...(writer ? { outsideWorkload: `${writer.deployment} filled the Redis ${ev.target.name} shares with it`, datesChange: true as const } : {}),
    likelyCause: `${redis} is full (${ceiling}), so it evicts keys to make room, and its policy does not spare the keys ${ev.target.name} needs: they go before their TTL and lookups miss them (${missed}), so users lose what those keys held. ${writer ? `${writer.deployment} began writing to the same Redis ${formatAgo(writer.newest.createdAt, now)}, ${writer.by ?? ''}, and filled it.` : 'Something began filling it.'} Both stay Ready and answer; only the evicted keys are lost, and nothing in either pod brings them back.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; meanwhile raise maxmemory if the node has room.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${found.pods[0] ?? ''} --tail=200 | grep -e evicted_keys -e "not found"`)],
    affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
  }];
}
