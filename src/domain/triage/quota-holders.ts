/**
 * Who holds a ResourceQuota that refuses the workload's pods. The refusal says the quota is full;
 * what fills it is the namespace's other pods, summed by the workload that owns them. The top
 * holder is the lead: when an HPA keeps it at maxReplicas on a memory-utilization target, memory
 * a process keeps after its load passed (a JVM's committed heap is never handed back) holds the
 * average above the target, so the HPA never scales in and the quota stays taken.
 */
import type { TriageEvidence } from './evidence.js';
import type { QuotaHolderEvidence, QuotaHolderHpa } from './evidence-quota-holders.js';
import { formatBytes, formatCpu, parseQuantity } from './quantity.js';

/** `exceeded quota: q, requested: a=1,b=2, used: …, limited: …`. */
const REFUSAL = /exceeded quota: ([\w.-]+), requested: (\S+), used: (\S+), limited: (\S+)/;

/** Quota resources a pod's spec says how much of: cpu, memory and ephemeral storage (requests or limits), and the pod count. */
const PER_POD = /^(?:(?:requests|limits)\.)?(?:cpu|memory|ephemeral-storage)$|^pods$/;

function parseList(list: string): Record<string, string> {
  return Object.fromEntries(list.split(',').map((kv) => kv.split('=')).filter((kv): kv is [string, string] => kv.length === 2));
}

/** The quota a refusal names and its resources the requested pod would take past the limit (only those a pod's spec counts). */
export function findFullQuota(messages: readonly string[]): { quota: string; resources: string[] } | undefined {
  for (const m of messages) {
    const r = REFUSAL.exec(m);
    if (!r) continue;
    const [requested, used, limited] = [parseList(r[2] ?? ''), parseList(r[3] ?? ''), parseList(r[4] ?? '')];
    const resources = Object.keys(requested).filter((k) => {
      const [ask, use, lim] = [parseQuantity(requested[k]), parseQuantity(used[k]), parseQuantity(limited[k])];
      return PER_POD.test(k) && ask !== undefined && use !== undefined && lim !== undefined && use + ask > lim;
    });
    if (resources.length > 0 && r[1]) return { quota: r[1], resources };
  }
  return undefined;
}

/** What one pod counts against a quota resource: its containers' requests (or limits) summed; 1 for `pods`. */
export function podAmount(containers: readonly { requests: Record<string, string>; limits: Record<string, string> }[], resource: string): number {
  if (resource === 'pods') return 1;
  const m = /^(?:(requests|limits)\.)?(.+)$/.exec(resource);
  const side = m?.[1] === 'limits' ? 'limits' : 'requests';
  const name = m?.[2] ?? resource;
  return containers.reduce((sum, c) => sum + (parseQuantity(c[side][name]) ?? 0), 0);
}

function formatAmount(resource: string, n: number): string {
  if (resource === 'pods') return `${n}`;
  return /cpu$/.test(resource) ? formatCpu(n) : formatBytes(n);
}

/** The HPA's memory metric ("91% against a 70% target"), when it scales on memory. */
function memoryMetric(hpa: QuotaHolderHpa | undefined): QuotaHolderHpa['metrics'][number] | undefined {
  return hpa?.metrics.find((m) => /^memory\b/.test(m.name));
}

export interface QuotaHolderReading {
  /** "36Gi of it held by Deployment indexer (12 pods, its HPA at maxReplicas 12 on memory utilization)". */
  clause: string;
  /** Why the holder keeps it. */
  cause: string;
  /** What frees the quota, as the headline states it. */
  fix: string;
  /** One line per holder read. */
  evidence: string[];
}

/**
 * The top holder of the quota the refusal names, when it is another workload than the target:
 * named with its share, and with its HPA when one keeps it at maxReplicas.
 */
export function readQuotaHolder(ev: TriageEvidence, quota: string): QuotaHolderReading | undefined {
  const read = ev.quotaHolders;
  const resource = read?.resources[0];
  if (read === undefined || read.quota !== quota || resource === undefined) return undefined;
  const isOwn = (h: QuotaHolderEvidence) => h.kind === ev.target.kind && h.name === ev.target.name;
  const [top] = read.holders;
  const own = read.holders.find(isOwn);
  const amount = top?.amounts[resource] ?? 0;
  if (top === undefined || isOwn(top) || amount <= 0 || amount <= (own?.amounts[resource] ?? 0)) return undefined;
  const used = parseQuantity((ev.quotas ?? []).find((q) => q.name === quota)?.used[resource]);
  const hpa = top.hpa;
  const atMax = hpa !== undefined && hpa.maxReplicas > 0 && hpa.currentReplicas >= hpa.maxReplicas;
  const memory = atMax ? memoryMetric(hpa) : undefined;
  const who = `${top.kind} ${top.name}`;
  const metric = memory ? ` on memory utilization${memory.current ? `, at ${memory.current}${memory.target ? ` against a ${memory.target} target` : ''}` : memory.target ? `, target ${memory.target}` : ''}` : '';
  const scaled = atMax && hpa ? `, its HPA ${hpa.name} at maxReplicas ${hpa.maxReplicas}${metric}` : '';
  const share = used !== undefined && used > 0 ? ` of the ${formatAmount(resource, used)} used` : '';
  const clause = `${formatAmount(resource, amount)}${share} held by ${who} (${top.pods} pod${top.pods === 1 ? '' : 's'}${scaled})`;
  const keeps = top.jvm
    ? 'a JVM keeps the heap it has committed even after GC has emptied it'
    : 'memory a process keeps once its load has passed (a runtime\'s heap, caches) is not given back';
  const most = used !== undefined && amount * 2 > used ? 'most' : 'the largest share';
  const cause = memory
    ? `${who} holds ${most} of ResourceQuota ${quota}'s ${resource}: its HPA scales it on memory utilization and sits at maxReplicas ${hpa?.maxReplicas ?? ''}; ${keeps}, so utilization stays above the target, the HPA never scales it in, and its pods keep the quota taken.`
    : `${who} holds ${most} of ResourceQuota ${quota}'s ${resource} (${formatAmount(resource, amount)} in ${top.pods} pod${top.pods === 1 ? '' : 's'}${atMax && hpa ? `, at its HPA's maxReplicas ${hpa.maxReplicas}` : ''}); what is left is not enough for another pod of this workload.`;
  const fix = memory
    ? `scale ${top.name} on CPU or a work metric instead of memory (or lower its replicas) to free ResourceQuota ${quota}`
    : `free ResourceQuota ${quota} held by ${who} (lower its replicas${atMax ? ' or its HPA\'s maxReplicas' : ''}), or raise the quota`;
  const evidence = read.holders.slice(0, 3).map((h) => {
    const amounts = read.resources.map((r) => `${r} ${formatAmount(r, h.amounts[r] ?? 0)}`).join(', ');
    const m = memoryMetric(h.hpa) ?? h.hpa?.metrics[0];
    const hpaLine = h.hpa ? `; HPA ${h.hpa.name} ${h.hpa.currentReplicas}/${h.hpa.maxReplicas} (min ${h.hpa.minReplicas})${m ? `, ${m.name} ${m.current ?? '?'}/${m.target ?? '?'}` : ''}` : '';
    return `quota ${quota} held by ${h.kind} ${h.name}: ${h.pods} pod${h.pods === 1 ? '' : 's'}, ${amounts}${hpaLine}${h.jvm ? '; runs a JVM' : ''}`;
  });
  return { clause, cause, fix, evidence };
}
