/**
 * Old pods that wait out their whole grace period because SIGTERM never reaches the app: they were
 * deleted minutes ago, no preStop hook drains them, and their command runs the app as the child of
 * a shell that is PID 1 (shell-entrypoint.ts). An app that got SIGTERM stops in seconds; this one
 * keeps running until the kubelet's SIGKILL, so every pod replaced holds its requests for the whole
 * terminationGracePeriodSeconds. The long grace is then not a drain: it is the time to the kill.
 */
import type { DrainingPods } from './draining-pods.js';
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { type ShellEntrypoint, findAppPid, programOf, readShellEntrypoint } from './shell-entrypoint.js';
import { msBetween } from './time-span.js';

/** Still running this long after its delete, an app that got SIGTERM would have stopped. */
export const STOPPED_BY_NOW_MS = 2 * 60_000;

export interface SwallowedSigterm {
  container: string;
  entrypoint: ShellEntrypoint;
  /** The old pods still running long after their delete. */
  pods: PodEvidence[];
  /** How long the oldest of them has been stopping. */
  stoppingMs: number;
  /** The app's own pid as the workload's logs state it (not 1: the shell holds PID 1). */
  appPid?: number;
}

/** Why the draining pods take their whole grace period, when the app never gets SIGTERM. */
export function findSwallowedSigterm(ev: TriageEvidence, draining: DrainingPods): SwallowedSigterm | undefined {
  // A preStop hook may be the slow part, on purpose.
  if (draining.preStop !== undefined) return undefined;
  const stopping = (p: PodEvidence): number => msBetween(p.deletionTimestamp ?? ev.collectedAt, ev.collectedAt) + draining.graceSeconds * 1000;
  const pods = draining.pods.filter((p) => stopping(p) >= STOPPED_BY_NOW_MS);
  for (const c of pods[0]?.containers ?? []) {
    const entrypoint = readShellEntrypoint(c);
    if (entrypoint === undefined) continue;
    const appPid = findAppPid(ev.logs.filter((l) => l.container === c.name).flatMap((l) => l.lines));
    // The app says it is PID 1: the shell handed over after all.
    if (appPid === 1) return undefined;
    const stoppingMs = Math.max(...pods.map(stopping));
    return { container: c.name, entrypoint, pods, stoppingMs, ...(appPid === undefined ? {} : { appPid }) };
  }
  return undefined;
}

export interface SwallowedSigtermText {
  /** For the title: the mechanism first. */
  detail: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** The command as the pod runs it: what decides it. */
  decisive: string;
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** What to say about old pods that wait for their SIGKILL. */
export function explainSwallowedSigterm(s: SwallowedSigterm, graceSeconds: number, span: string): SwallowedSigtermText {
  const { shell, script, app } = s.entrypoint;
  const program = programOf(app);
  const k = s.pods.length;
  const pid = s.appPid === undefined ? '' : `; the app logs PID ${s.appPid}`;
  const command = `${shell} -c "${clip(script, 160)}"`;
  return {
    detail: `SIGTERM never reaches the app: container ${s.container} runs it under \`${shell} -c\` (the shell is PID 1 and does not forward the signal${pid}), so ${k} old pod${k === 1 ? '' : 's'} still Terminating wait${k === 1 ? 's' : ''} out ${span} for the SIGKILL, holding ${k === 1 ? 'its' : 'their'} requests`,
    evidence: [
      `container ${s.container} runs \`${command}\`: the shell is PID 1 and ${program} its child; the script does not \`exec\` it, traps no signal, and no init (tini, dumb-init) forwards one`,
      ...(s.appPid === undefined ? [] : [`the app's own log states its process id: PID ${s.appPid}, not PID 1`]),
      `${s.pods.map((p) => p.name).join(', ')}: deleted ${Math.round(s.stoppingMs / 60_000)} min ago and still running; an app that got SIGTERM stops in seconds`,
    ],
    cause: `The app runs as a child of \`${shell} -c\`: the shell is PID 1, which the kernel shields from signals it has no handler for, so on deletion it neither stops nor passes SIGTERM on${pid}. The app never learns it should stop and keeps working until the kubelet kills it (SIGKILL, exit 137) at the end of ${span}: every old pod holds its CPU and memory requests for that whole time, and with the nodes full each next pod of the rollout waits for it. The new revision is not at fault, and the long grace period is not a drain here: it is the time to the kill.`,
    action: `Make SIGTERM reach the app: end the script with \`exec ${program} …\` (or use the exec form, command: ["${program}", …]), or run it under tini or dumb-init as PID 1; it then shuts down cleanly in seconds and the grace period can stay long for real drains. Shortening terminationGracePeriodSeconds only speeds the rollout (a stop-gap: the app is still killed, never shut down). This rollout finishes by itself as each old pod is killed.`,
    fix: `make SIGTERM reach the app: \`exec ${program} …\` at the end of the \`${shell} -c\` script (or the exec form), or tini/dumb-init as PID 1`,
    decisive: command,
  };
}
