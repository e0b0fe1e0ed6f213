import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { MIN_REDIS_TIMEOUTS, findCostlySettings, findRedisService, findRedisTimeouts } from '../redis-costly-setting.js';

/** Redis's own words that it is falling behind its subscribers or its clients. */
const STRAIN = /overcoming of output buffer limits|Asynchronous AOF fsync is taking too long|latency/i;

/**
 * The workload's Redis calls time out again and again, and the Redis they go to runs with a
 * setting that adds work to every command (keyspace notifications, an fsync per write), set in the
 * ConfigMap its pod mounts: on one thread under a CPU limit that work is the latency. The ConfigMap's
 * change (and the Redis restart that applied it) is the trigger; the workload's revision is not.
 */
export function analyzeRedisCostlySetting(ev: TriageEvidence): Finding[] {
  const redis = findRedisService(ev.pods, ev.target);
  if (!redis) return [];
  const timeouts = findRedisTimeouts(ev);
  if (timeouts.length < MIN_REDIS_TIMEOUTS) return [];
  const server = (ev.dependencyPods ?? []).find((d) => d.service === redis.service && d.namespace === undefined);
  const costly = findCostlySettings(server?.config);
  const [first] = costly;
  if (!server || !first) return [];
  const changedAt = ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === first.configMap)?.changedAt;
  const restarted = server.pod.createdAt;
  const probe = (ev.namespaceWarnings ?? []).find((w) => w.object.name === server.pod.name && /probe failed/i.test(w.message));
  const strain = server.logs.flatMap((l) => l.lines).filter((l) => STRAIN.test(l)).map((l) => l.trim());
  const settings = costly.map((c) => `${c.setting} ${c.value}`).join(', ');
  const since = changedAt ? ` (ConfigMap ${first.configMap} changed ${formatAgo(changedAt, ev.collectedAt)}${restarted ? `, ${server.pod.name} restarted ${formatAgo(restarted, ev.collectedAt)}` : ''})` : ` (ConfigMap ${first.configMap})`;
  const pods = unique(timeouts.map((t) => t.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  const unready = ev.pods.filter((p) => !p.ready).length;
  const fix = `remove ${costly.map((c) => c.setting).join(' and ')} from ConfigMap ${first.configMap} (or narrow it to the events a subscriber needs) and restart ${redis.service}`;
  return [{
    id: `redis-costly-setting/${redis.service}`,
    kind: 'dependency-error',
    title: `Redis ${redis.service} runs with ${settings}${since}: it ${first.cost} on its one thread, and the workload's Redis calls time out (${timeouts.length} lines under ${pods.length} pod${pods.length === 1 ? '' : 's'})${probe ? '; its own ping probe times out' : ''}`,
    layer: 'network/routing',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: strain.length > 0 || probe ? 'high' : 'medium',
    evidence: [
      `Redis ${redis.service} (${redis.env})`,
      ...costly.map((c) => `ConfigMap ${c.configMap} (${c.key}) sets ${c.setting} ${c.value}`),
      ...(changedAt ? [`ConfigMap ${first.configMap} changed ${formatAgo(changedAt, ev.collectedAt)}`] : []),
      ...(probe ? [`${server.pod.name}: ${probe.message} (${probe.count ?? 1}×)`] : []),
      ...strain.slice(-1).map((l) => `log ${server.pod.name}: ${l}`),
      ...timeouts.slice(-2).map((t) => `log ${t.pod}: ${t.line}`),
    ],
    decisive: timeouts[timeouts.length - 1]?.line ?? '',
    ...(changedAt ? { datesChange: true as const, outsideWorkload: `the Redis spends its one thread on ${costly.map((c) => c.setting).join(' and ')} whatever revision of the client calls it` } : {}),
    likelyCause:
      `Redis serves every command on one thread. With ${settings} it ${first.cost}${/notify-keyspace-events/.test(first.setting) ? ', and pushes each event to every pattern subscriber (a debugging PSUBSCRIBE falls behind and is cut off at its output buffer limit)' : ''}: under its CPU limit that extra work is latency on every call, so the workload's calls pass their socket timeout. ` +
      'Redis is up and the workload did not change: the setting, added lately to its config, is the cause; a rollback of the client or a restart of its pods changes nothing.',
    nextAction: `Take the setting out: ${fix}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get configmap ${first.configMap} -o yaml`),
      formatKubectl(ev.target, `exec ${server.pod.name} -- redis-cli config get ${first.setting}`),
      formatKubectl(ev.target, `logs ${server.pod.name} --tail=200`),
    ],
    affected: { pods, nodes: listNodesOf(podObjects), services: [redis.service] },
  } satisfies Finding];
}
