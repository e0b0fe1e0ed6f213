import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { TriageEvidence } from '../evidence.js';
import { eventContainer, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { formatPodShare, getLastTermination, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatSpan, msBetween } from '../time-span.js';
import { readMissingHookBinary } from '../hook-binary-missing.js';
import { describeMissingPreStopBinary } from '../prestop-binary-missing.js';

/** The kubelet's words when a hook fails: the event reason, and the Killing message that follows a failed postStart. */
const HOOK_FAILED = new Set(['FailedPostStartHook', 'FailedPreStopHook']);
/** A hook that calls the container's own server: it runs beside the entrypoint, before the app listens. */
const CALLS_ITSELF = /\b(localhost|127\.0\.0\.1|\[::1\])\b|^(HTTPS )?GET :/;

/**
 * Containers killed because a lifecycle hook failed. The kubelet runs postStart right after
 * the container starts, in parallel with its entrypoint, and kills the container when the hook
 * fails; a hook that calls the app itself fails before the app listens. A failed preStop only
 * delays the stop. Exit 143 here is the hook's kill, not a probe and not memory.
 */
export function analyzeLifecycleHooks(ev: TriageEvidence): Finding[] {
  // preStop runs as a pod stops: the pods a rollout stopped are gone, their events still the workload's.
  const stopped = ev.events.filter((e) => e.object.kind === 'Pod' && e.reason === 'FailedPreStopHook' && !ev.pods.some((p) => p.name === e.object.name));
  const events = [...listPodEvents(ev, ['FailedPostStartHook', 'FailedPreStopHook', 'Killing']), ...stopped].filter((e) => HOOK_FAILED.has(e.reason) || (e.reason === 'Killing' && HOOK_FAILED.has(e.message.trim())));
  const failed = events.filter((e) => HOOK_FAILED.has(e.reason));
  const byHook = new Map<string, typeof failed>();
  for (const e of failed) {
    const key = `${e.reason}/${eventContainer(e) ?? ''}`;
    byHook.set(key, [...(byHook.get(key) ?? []), e]);
  }
  return [...byHook.entries()].flatMap(([key, hookEvents]): Finding[] => {
    const postStart = key.startsWith('FailedPostStartHook');
    const podNames = unique(hookEvents.map((e) => e.object.name));
    const pods = ev.pods.filter((p) => podNames.includes(p.name));
    const named = hookEvents[0] ? eventContainer(hookEvents[0]) : undefined;
    const containers = pods.flatMap((p) => p.containers.filter((c) => named === undefined ? p.containers.length === 1 || c.hooks !== undefined : c.name === named));
    const container = containers[0];
    const name = container?.name ?? named ?? 'the container';
    const hook = postStart ? container?.hooks?.postStart : container?.hooks?.preStop;
    const restarts = containers.reduce((n, c) => n + c.restartCount, 0);
    const terms = containers.map(getLastTermination).filter((t) => t !== undefined);
    const codes = unique(terms.map((t) => t.exitCode)).join('/');
    const runs = terms.flatMap((t) => (t.startedAt && t.finishedAt ? [msBetween(t.startedAt, t.finishedAt)] : []));
    const ran = runs.length > 0 ? formatSpan(Math.max(...runs)) : undefined;
    const callsItself = hook !== undefined && CALLS_ITSELF.test(hook);
    const collapsed = collapseEvents(events.filter((e) => podNames.includes(e.object.name)), { acrossObjects: true });
    const which = postStart ? 'postStart' : 'preStop';
    // A program the image does not have: the hook never runs, at any stop.
    const missing = postStart ? undefined : hookEvents.map((e) => readMissingHookBinary(e.message)).find((m) => m !== undefined);
    if (missing !== undefined) return [describeMissingPreStopBinary(ev, named ?? name, hookEvents, missing)];
    return [{
      id: `lifecycle-hook/${which}/${name}`,
      kind: 'lifecycle-hook',
      title: postStart
        ? `The postStart hook of container ${name} fails and the kubelet kills the container (${formatPodShare(ev, pods.length)}${codes ? `, exit ${codes}` : ''}${ran ? `, ${ran} after start` : ''}, ${restarts} restarts)`
        : `The preStop hook of container ${name} fails (${formatPodShare(ev, pods.length)})${hook ? `: hook \`${hook}\`` : ''}`,
      layer: 'container/process',
      severity: postStart ? severityForPods(ev, pods.length) : 'info',
      confidence: 'high',
      evidence: [...collapsed.slice(0, 3).map((e) => formatEventLine(e, { withObject: true })), ...(hook ? [`${which} hook: ${hook}`] : [])],
      decisive: hook ? `${which} hook ${hook}` : (hookEvents[0]?.message ?? ''),
      likelyCause: postStart
        ? `The kubelet runs postStart as soon as the container starts, in parallel with its entrypoint, and kills the container when the hook fails.${callsItself ? ' This hook calls the app itself, which is not listening yet that early, so it fails at once, on every start.' : ' The hook\'s command fails; the kubelet log or a manual run of it says why.'} The exit code is the kubelet's kill, not the app failing, not memory and not a probe.`
        : 'A failed preStop hook does not stop the container from being stopped; it only loses what the hook was meant to do (drain, deregister) and can delay the stop to the grace period.',
      nextAction: postStart
        ? `Remove the postStart hook or make it wait for the app and tolerate failure; work the app needs at start belongs in the app (after it listens) or in an init container.`
        : 'Fix the preStop command, or remove it if nothing depends on it.',
      fix: postStart ? 'remove the postStart hook or make it wait for the app and never fail' : 'fix the preStop hook',
      confirmCommands: [describePodCommand(ev.target, pods[0]?.name ?? podNames[0] ?? ''), podEventsCommand(ev.target, podNames[0] ?? ''), formatKubectl(ev.target, `get pod ${podNames[0] ?? ''} -o jsonpath='{.spec.containers[?(@.name=="${name}")].lifecycle}'`)],
      affected: { pods: podNames, nodes: listNodesOf(pods) },
    }];
  });
}
