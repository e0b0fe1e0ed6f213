/**
 * The workload's own rate limiter refuses its callers at large (429 it answers itself): the pods
 * stay Ready and pass their probes, and the limit is theirs — set in a config file they read,
 * often one a ConfigMap mounts and the kubelet refreshes in place, so an edit of it takes effect
 * without a rollout. The fix is the limit where it is kept; no outside API, no rollback, no
 * replica count is involved. See ../own-limiter-refusals.ts.
 */
import type { IsoTime, NamespaceObjectEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findOwnLimiterRefusals, type LimitChange, type OwnLimiterRefusals } from '../own-limiter-refusals.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { findProxyKeyedLimiter } from '../proxy-keyed-limiter.js';
import { earliest, formatAgo, formatClock } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { capitalize } from '../../text.js';

/** ConfigMaps the pods mount as a whole volume: the kubelet refreshes those files in place, so a running process that watches them reloads an edit. */
function listLiveConfigMaps(pod: PodEvidence): string[] {
  const byVolume = new Map((pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [[v.name, v.ref] as const] : [])));
  return pod.containers.flatMap((c) => (c.volumeMounts ?? []).flatMap((m) => (m.subPath === undefined || m.subPath === '' ? byVolume.get(m.name) ?? [] : [])));
}

/** The newest ConfigMap the refusing pods mount live that was edited in the window before the refusals began. */
function findEditedConfigMap(ev: TriageEvidence, pods: readonly PodEvidence[], onset: IsoTime | undefined): NamespaceObjectEvidence | undefined {
  const mounted = new Set(pods.flatMap(listLiveConfigMaps));
  const edited = (ev.namespaceObjects ?? []).filter((o) => o.kind === 'ConfigMap' && mounted.has(o.name) && o.changedAt !== undefined && o.changedAt !== o.createdAt && isInTriggerWindow(o.changedAt, onset));
  return edited.sort((a, b) => ((a.changedAt ?? '') < (b.changedAt ?? '') ? 1 : -1))[0];
}

function describeChange(c: LimitChange): string {
  const lowered = Number.parseFloat(c.now) < Number.parseFloat(c.was);
  return `${c.setting} ${lowered ? 'lowered' : 'changed'} from ${c.was} to ${c.now}`;
}

function describeRefused(found: OwnLimiterRefusals): string {
  const n = found.callers.length;
  const who = found.callerKind === undefined || n === 0 ? '' : `, ${n} ${found.callerKind}${n === 1 ? '' : 's'} refused`;
  return `${found.hits.length} lines in ${found.pods.length} pod${found.pods.length === 1 ? '' : 's'}${who}`;
}

export function analyzeOwnRateLimit(ev: TriageEvidence): Finding[] {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return [];
  // A limiter keyed on an untrusted proxy's address refuses everyone as one client: proxy-keyed-limiter tells that.
  if (findProxyKeyedLimiter(ev.logs) !== undefined) return [];
  const found = findOwnLimiterRefusals(ev.logs);
  if (found === undefined) return [];
  const who = ev.target.name;
  const podObjects = found.pods.flatMap((p) => findPod(ev, p) ?? []);
  const onset = earliest([found.first, found.reload?.at]);
  const edited = findEditedConfigMap(ev, podObjects, onset);
  const change = found.reload?.change;
  const reloadedAt = found.reload?.at;
  // Without an edited ConfigMap to be the trigger, the reload the pods logged dates the change itself.
  const dated = edited === undefined && found.reload !== undefined ? ` at a config reload${reloadedAt ? ` ${formatAgo(reloadedAt, ev.collectedAt)}` : ''}` : '';
  // The limit as its ConfigMap sets it (a token bucket, a limit_req zone), the edited one first.
  const sets = (ev.settingConfig ?? []).filter((c) => c.mechanism === 'rate-limit');
  const set = sets.find((c) => c.configMap === edited?.name) ?? sets[0];
  const limit = found.limit !== undefined ? `: its limit is ${found.limit}` : set !== undefined ? `: ConfigMap ${set.configMap} sets ${set.written}` : '';
  const title = `${who}'s own rate limiter refuses its callers 429 Too Many Requests (${describeRefused(found)})${limit}${change ? `, ${describeChange(change)}${dated}` : dated ? `, reconfigured${dated}` : ''}`;
  const where = edited !== undefined ? `ConfigMap ${edited.name}` : 'the config it is read from';
  const fix = change !== undefined ? `restore ${change.setting} to ${change.was} in ${where}` : `raise the rate limit back in ${where}${found.limit ? ` (it now allows ${found.limit})` : ''}`;
  const live = edited !== undefined ? `; the pods mount it as a volume and reload the file, so no restart is needed` : '';
  const quoted = [found.decisive, ...found.hits.filter((h) => h.line !== found.decisive).slice(-2).map((h) => h.line)].slice(0, 3);
  return [{
    id: 'rate-limited/own-limiter',
    kind: 'rate-limited',
    layer: 'network/routing',
    // Refusing more than it serves, it fails most of its traffic, however many pods log it.
    severity: found.hits.length > found.served ? 'critical' : severityForPods(ev, podObjects.length),
    confidence: edited !== undefined || change !== undefined ? 'high' : 'medium',
    title,
    decisive: found.decisive,
    ...(onset ? { onset } : {}),
    ...(edited === undefined && found.reload !== undefined ? { datesChange: true as const } : {}),
    evidence: [
      ...quoted.map((l) => `log ${found.hits.find((h) => h.line === l)?.pod ?? found.pods[0] ?? ''}: ${l}`),
      `${found.hits.length} refusals against ${found.served} requests served in the same tails${found.callers.length > 0 ? `; refused ${found.callerKind ?? 'caller'}s: ${found.callers.slice(0, 5).join(', ')}${found.callers.length > 5 ? ', …' : ''}` : ''}${found.first ? `; first at ${formatClock(found.first)}` : ''}`,
      ...(found.reload !== undefined ? [`log ${found.reload.pod}: ${found.reload.line}`] : []),
      ...sets.map((c) => `ConfigMap ${c.configMap}, key ${c.key} (${c.via}): ${c.written}`),
      ...(edited?.changedAt !== undefined ? [`ConfigMap ${edited.name}, mounted by the pods, was changed ${formatAgo(edited.changedAt, ev.collectedAt)}`] : []),
    ],
    likelyCause: `${who} answers these 429s itself: its own rate limiter refuses requests over the limit its config sets, and it refuses ${found.callers.length > 1 ? `${found.callers.length} different ${found.callerKind ?? 'caller'}s` : 'more requests than it serves'}, so the limit is too low for normal traffic rather than one caller misbehaving${change ? ` (${describeChange(change)})` : ''}. Nothing it calls refuses it.`,
    nextAction: `${capitalize(fix)}${live}; then find who changed it and why.`,
    fix,
    affected: { pods: found.pods, nodes: listNodesOf(podObjects), ...(edited !== undefined ? { configMaps: [edited.name] } : {}) },
    confirmCommands: [
      ...found.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
      ...(edited !== undefined ? [formatKubectl(ev.target, `get configmap ${edited.name} -o yaml`)] : []),
    ],
  }];
}
