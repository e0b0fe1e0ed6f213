/**
 * JVMs that cached a host's address forever and still connect to it after the name moved (a
 * managed database's failover): the pods older than the move time out on the old address, the
 * younger ones reached the new address and work (dns-cache-split.ts). Said only when the cache
 * setting was read (a mounted java.security file, or a -D flag) and the split by start time holds.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findDnsCacheSplit } from '../dns-cache-split.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo } from '../time-span.js';

export function analyzeJvmDnsCache(ev: TriageEvidence): Finding[] {
  const s = findDnsCacheSplit(ev);
  if (s === undefined) return [];
  const failing = s.failing.map((p) => p.name);
  const up = (p: { startTime?: string; createdAt?: string }) => formatAgo(p.startTime ?? p.createdAt ?? ev.collectedAt, ev.collectedAt).replace(/ ago$/, '');
  const forever = s.seconds < 0 ? 'forever' : `for ${s.seconds}s`;
  const restart = failing.map((p) => formatKubectl(ev.target, `delete pod ${p}`));
  const fix = `restart the pods started before the move so they resolve ${s.host} again, and set networkaddress.cache.ttl to a short value (30–60 s) in ${s.where} instead of ${s.seconds} so the next move is followed`;
  return [
    {
      id: `dns-cache-stale/${s.host}`,
      kind: 'dns-cache-stale',
      title: `${ev.target.name}'s JVMs cache DNS ${forever} (${s.setting}): ${failing.length} pod${failing.length === 1 ? '' : 's'} started before ${s.host} moved still connect to its stale address ${s.oldIp} and time out, while ${s.working.length} younger pod${s.working.length === 1 ? '' : 's'} reach${s.working.length === 1 ? 'es' : ''} it at ${s.newIp}`,
      layer: 'network/routing',
      severity: severityForPods(ev, failing.length),
      confidence: 'high',
      evidence: [
        `DNS cache: ${s.setting}`,
        `failing on ${s.host}/${s.oldIp}: ${s.failing.map((p) => `${p.name} (up ${up(p)})`).join(', ')}`,
        `reaching ${s.host}/${s.newIp}: ${s.working.map((p) => `${p.name} (up ${up(p)})`).join(', ')}`,
      ],
      decisive: `${s.host}/${s.oldIp}`,
      likelyCause:
        `${s.setting} makes the JVM keep every address it looked up ${forever}. ${s.host} now resolves to ${s.newIp} (a failover or a move of the server behind the name), but the pods that started before still use ${s.oldIp}, where nothing answers: their connects time out and their connection pool runs dry waiting. ` +
        'The pods started after the move looked the name up fresh and work: same image and revision, only their start time differs. The database and the network are fine.',
      nextAction: `Mitigate: restart the pods that started before the move (${restart[0] ?? ''}${restart.length > 1 ? ', …' : ''}, or \`${formatKubectl(ev.target, `rollout restart ${ev.target.kind.toLowerCase()}/${ev.target.name}`)}\`) so they resolve ${s.host} again. Then set networkaddress.cache.ttl to 30–60 s in ${s.where} (instead of ${s.seconds}), so the next failover is followed on its own.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${failing[0] ?? ''} --tail=100`),
        ...(s.where.startsWith('ConfigMap ') ? [formatKubectl(ev.target, `get configmap ${s.where.slice('ConfigMap '.length)} -o yaml`)] : []),
      ],
      affected: { pods: failing, nodes: listNodesOf(s.failing), ...(s.where.startsWith('ConfigMap ') ? { configMaps: [s.where.slice('ConfigMap '.length)] } : {}) },
    },
  ];
}
