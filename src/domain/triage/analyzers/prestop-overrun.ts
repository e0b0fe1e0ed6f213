import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { KILL_AFTER_SECONDS, type PreStopOverrun, findPreStopOverrun, hasOverrunStops } from '../prestop-grace.js';
import { listLinesNaming } from '../service-callers.js';
import { redactSecrets } from '../redact-secrets.js';
import { formatAgo } from '../time-span.js';
import { clipMiddle } from '../collapse-events.js';

/** An env var that tells the app how long it drains on SIGTERM ("SHUTDOWN_DRAIN_TIMEOUT=25s"). */
const DRAIN_ENV = /DRAIN|SHUTDOWN|GRACEFUL|STOP_TIMEOUT/i;
const DURATION = /^(\d+)(s|m)?$/;
/** What a caller logs when the upstream dies under it: nginx's and Envoy's words for a reset or an early close… */
const CUT = /reset by peer|prematurely closed|upstream connect error|ECONNRESET|socket hang up/i;
/** …and the 502/503 its access log then records. */
const BAD_GATEWAY = /\bHTTP\/[\d.]+" 50[23] /;

/** How long the app says it drains after SIGTERM, from its env. */
function drainSeconds(o: PreStopOverrun): { name: string; seconds: number } | undefined {
  const c = o.revision.containers.find((x) => x.name === o.container);
  for (const e of c?.env ?? []) {
    const m = 'value' in e && typeof e.value === 'string' && DRAIN_ENV.test(e.name) ? DURATION.exec(e.value.trim()) : null;
    if (m !== null) return { name: e.name, seconds: Number(m[1]) * (m[2] === 'm' ? 60 : 1) };
  }
  return undefined;
}

/** The callers' lines that show the cut (502s, resets) against the workload's Services, per caller. */
function describeCallerCuts(ev: TriageEvidence): string[] {
  const services = ev.services.map((s) => ({ name: s.name, ...(s.clusterIP === undefined ? {} : { clusterIP: s.clusterIP }) }));
  return (ev.serviceCallers ?? []).flatMap((c) => {
    const s = services.find((x) => x.name === c.service);
    if (c.log === undefined || s === undefined) return [];
    const naming = listLinesNaming(c.log.lines, s, ev.target.namespace);
    const cuts = naming.filter((l) => CUT.test(l));
    const bad = naming.filter((l) => BAD_GATEWAY.test(l));
    if (cuts.length + bad.length === 0) return [];
    const told = [...(bad.length > 0 ? [`${bad.length} × 502/503`] : []), ...(cuts.length > 0 ? [`${cuts.length} upstream reset${cuts.length === 1 ? '' : 's'} or early close${cuts.length === 1 ? '' : 's'}`] : [])].join(' and ');
    const quoted = cuts[cuts.length - 1] ?? bad[bad.length - 1] ?? '';
    return [redactSecrets(`caller ${c.owner ?? `pod ${c.pod}`} (pod ${c.pod}) logged ${told} on ${c.service} in its last ${c.log.lines.length} log lines; newest: "${clipMiddle(quoted.trim(), 240)}"`)];
  });
}

/**
 * A preStop hook that sleeps through the whole terminationGracePeriodSeconds: every stop kills the
 * app before it drains. A problem when pods that carry it stopped in the last hour (a rollout, a
 * scale-down) or the kubelet reports the hook failing; otherwise latent, told as context.
 */
export function analyzePreStopOverrun(ev: TriageEvidence): Finding[] {
  const o = findPreStopOverrun(ev);
  if (o === undefined) return [];
  const now = ev.collectedAt;
  const { stops } = o;
  const active = hasOverrunStops(stops);
  const grace = `terminationGracePeriodSeconds ${o.graceSeconds}${o.graceDefaulted ? ' (the default)' : ''}`;
  const drain = drainSeconds(o);
  const needed = o.hookSeconds + (drain?.seconds ?? 30) + 5;
  const origin = o.origin;
  const since = origin === undefined ? '' : origin.change !== undefined
    ? `revision ${origin.revision.revision} (${formatAgo(origin.revision.createdAt, now)}) ${origin.change}`
    : `revision ${origin.revision.revision} or earlier has it`;
  const terminating = stops.terminating.map((p) => p.name);
  const stopped = [
    ...(stops.scaledDown > 0 ? [`${stops.scaledDown} pod${stops.scaledDown === 1 ? '' : 's'} with the hook stopped in the last hour`] : []),
    ...(terminating.length > 0 ? [`${terminating.length} ${stops.scaledDown > 0 ? 'still ' : ''}Terminating now`] : []),
    ...(stops.hookFailed.length > 0 ? [`${stops.hookFailed.length} FailedPreStopHook event${stops.hookFailed.length === 1 ? '' : 's'}`] : []),
  ].join(', ');
  const callerCuts = describeCallerCuts(ev);
  const title = active
    ? `preStop hook \`${o.hook}\` outlasts ${grace}: the kubelet cuts the hook at ${o.graceSeconds} s, only then sends SIGTERM and SIGKILLs container ${o.container} ${KILL_AFTER_SECONDS} s later, so it never drains${callerCuts.length > 0 ? ' and its callers get 502s and resets' : ': requests in flight are cut'} at every stop${since ? `; since ${since}` : ''}: ${stopped}`
    : `preStop hook \`${o.hook}\` outlasts ${grace}: no pod stopped in the last hour, but every stop will SIGKILL container ${o.container} before it drains`;
  const killed = `${o.graceSeconds + KILL_AFTER_SECONDS} s`;
  return [{
    id: `prestop-overrun/${o.container}`,
    kind: 'prestop-overrun',
    title,
    layer: 'rollout/change',
    severity: active ? 'warning' : 'info',
    confidence: 'high',
    evidence: [
      `revision ${o.revision.revision}, container ${o.container}: preStop \`${o.hook}\` (${o.hookSeconds} s); ${grace}`,
      ...(drain === undefined ? [] : [`the app drains for ${drain.seconds} s after SIGTERM (env ${drain.name})`]),
      ...(since ? [`since ${since}`] : []),
      ...(active ? [`stops in the last hour: ${stopped}${terminating.length > 0 ? ` (${terminating.slice(0, 3).join(', ')})` : ''}`] : []),
      ...stops.hookFailed.slice(0, 2).map((e) => `${e.reason} on ${e.object.name}, ${formatAgo(e.lastSeen, now)}: ${e.message}`),
      ...callerCuts,
    ],
    decisive: `preStop hook \`${o.hook}\``,
    likelyCause: `The grace period counts the preStop hook: the kubelet runs \`${o.hook}\` first, stops waiting for it after ${o.graceSeconds} s, only then sends SIGTERM, and SIGKILLs the container ${KILL_AFTER_SECONDS} s later (${killed} after the delete).${drain ? ` The app needs ${drain.seconds} s to drain and gets ${KILL_AFTER_SECONDS}.` : ' The app gets no time to drain.'} The in-flight requests and the keep-alive connections callers hold to the pod die with it${callerCuts.length > 0 ? ': their logs show it' : ''}. ${active ? 'Every rollout, scale-down or eviction does it again; the newest rollout is only when it shows.' : 'Nothing stopped lately, so nobody felt it yet.'}`,
    nextAction: `Raise terminationGracePeriodSeconds above the hook plus the drain (at least ${needed} s), or shorten the preStop sleep well below the grace period (a few seconds for the endpoints to drop the pod is enough). Rolling back to a revision that has the same hook changes nothing.`,
    fix: `raise terminationGracePeriodSeconds to at least ${needed} s (preStop ${o.hookSeconds} s + drain), or shorten the preStop sleep`,
    datesChange: true,
    ...(stops.since === undefined ? {} : { onset: stops.since }),
    confirmCommands: [
      formatKubectl(ev.target, `get ${formatWorkloadRef(ev.target)} -o jsonpath='{.spec.template.spec.terminationGracePeriodSeconds} {.spec.template.spec.containers[?(@.name=="${o.container}")].lifecycle.preStop}'`),
      formatKubectl(ev.target, 'get events --field-selector reason=FailedPreStopHook'),
    ],
    affected: { pods: terminating, services: [...new Set((ev.serviceCallers ?? []).map((c) => c.service))] },
  }];
}
