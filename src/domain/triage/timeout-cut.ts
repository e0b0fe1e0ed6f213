/**
 * A client's own deadline cut below what its call takes: the newest revision set an env value
 * named for a timeout or deadline (RATES_RPC_TIMEOUT, UPSTREAM_TIMEOUT_MS) to a fraction of what
 * it was, shortly before the calls began to time out. The client gives up each call at the new
 * deadline ("context deadline exceeded", DEADLINE_EXCEEDED) and the server logs it as cancelled
 * by the client, so quick calls go on succeeding and the slower one fails every time — while
 * the dependency is as fast as ever. That change is the trigger and undoing it the fix.
 */
import type { IsoTime, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { parseGoDuration } from './analyzers/slow-image-pull.js';
import { sortRevisions } from './revision-diff.js';
import { rolloutTimeOf } from './revision-rollback.js';
import { isInTriggerWindow } from './trigger-window.js';

/** A setting that bounds how long a call may take, by its name. */
const TIMEOUT_NAME = /TIMEOUT|DEADLINE/i;
/** A bare number's unit, from the name's last word. */
const UNIT_OF_NAME: readonly [RegExp, number][] = [
  [/_(MS|MILLIS|MILLISECONDS)$/i, 1],
  [/_(S|SEC|SECS|SECONDS)$/i, 1000],
  [/_(MIN|MINS|MINUTES)$/i, 60_000],
];
/** A cut to at most this fraction of the old value is one the calls feel; a trim is not. */
const MAX_CUT_FRACTION = 0.5;
/** Words of a setting's name that say nothing about which call it bounds. */
const GENERIC_WORDS = new Set(['TIMEOUT', 'DEADLINE', 'RPC', 'GRPC', 'HTTP', 'CLIENT', 'REQUEST', 'CALL', 'MS', 'MILLIS', 'SECONDS', 'SEC', 'SECS', 'READ', 'CONNECT', 'DEFAULT']);

/** Milliseconds of a timeout value: a Go duration ("150ms", "2s"), or a bare number in the unit its name says. */
export function parseTimeoutValue(name: string, value: string): number | undefined {
  const v = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(v)) {
    const unit = UNIT_OF_NAME.find(([re]) => re.test(name))?.[1];
    return unit === undefined ? undefined : Number(v) * unit;
  }
  return parseGoDuration(v);
}

/** Old and new value in one unit: milliseconds, or the bare numbers themselves when the name gives no unit. */
function comparable(name: string, from: string, to: string): [number, number] | undefined {
  const [a, b] = [parseTimeoutValue(name, from), parseTimeoutValue(name, to)];
  if (a !== undefined && b !== undefined) return [a, b];
  const bare = /^\d+(?:\.\d+)?$/;
  return bare.test(from.trim()) && bare.test(to.trim()) ? [Number(from), Number(to)] : undefined;
}

/** One env setting of a container that the newest revision changed: from what, to what, when it rolled out. */
export interface RevisionEnvChange {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  container: string;
  env: string;
  from: string;
  to: string;
  rolledOut: IsoTime;
}

export type TimeoutCut = RevisionEnvChange;

/** Whether the failing lines name what the setting is for ("RATES" in GetRateQuotes). */
function namesCall(env: string, lines: readonly string[]): boolean {
  const words = env.split('_').filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w.toUpperCase())).map((w) => w.toLowerCase().replace(/s$/, ''));
  return words.some((w) => lines.some((l) => l.toLowerCase().includes(w)));
}

/**
 * The timeout setting the newest revision cut (to half or less) in the containers whose logs time
 * out, when every failing pod runs that revision and it rolled out in the trigger window before the
 * first failure; the one the failing lines name first, else the deepest cut. Undefined otherwise.
 */
export function findTimeoutCut(ev: TriageEvidence, where: readonly { pod: string; container: string }[], firstFailure: IsoTime | undefined, lines: readonly string[] = []): TimeoutCut | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return undefined;
  const pods = [...new Set(where.map((w) => w.pod))].map((name) => ev.pods.find((p) => p.name === name));
  if (pods.length === 0 || pods.some((p: PodEvidence | undefined) => p === undefined || (p.revisionHash !== undefined && p.revisionHash !== newest.hash))) return undefined;
  const rolledOut = rolloutTimeOf(ev, newest);
  if (!isInTriggerWindow(rolledOut, firstFailure ?? ev.collectedAt)) return undefined;
  const cuts = [...new Set(where.map((w) => w.container))].flatMap((container) => {
    const was = previous.containers.find((c) => c.name === container)?.env ?? [];
    return (newest.containers.find((c) => c.name === container)?.env ?? []).flatMap((e) => {
      if (!('value' in e) || !TIMEOUT_NAME.test(e.name)) return [];
      const before = was.find((b) => b.name === e.name);
      if (before === undefined || !('value' in before)) return [];
      const pair = comparable(e.name, before.value, e.value);
      if (pair === undefined || pair[0] <= 0 || pair[1] > pair[0] * MAX_CUT_FRACTION) return [];
      return [{ cut: { revision: newest, previous, container, env: e.name, from: before.value, to: e.value, rolledOut }, ratio: pair[1] / pair[0] }];
    });
  });
  const named = cuts.filter((c) => namesCall(c.cut.env, lines));
  return (named.length > 0 ? named : cuts).sort((a, b) => a.ratio - b.ratio)[0]?.cut;
}

/** The gRPC method the failing lines call (`/carrierrates.v1.CarrierRates/GetRateQuotes`), when they all name one. */
export function findFailingMethod(lines: readonly string[]): string | undefined {
  const methods = new Set(lines.flatMap((l) => /\/(?:[\w]+\.)+[A-Z]\w*\/([A-Z]\w*)\b/.exec(l)?.[1] ?? []));
  return methods.size === 1 ? [...methods][0] : undefined;
}

/** The finding's words for a cut deadline. */
export function explainTimeoutCut(cut: TimeoutCut, method: string | undefined): { title: string; cause: string; action: string; fix: string; latent: string } {
  const calls = method !== undefined ? `${method} calls` : 'Calls';
  const change = `env ${cut.env} from ${cut.from} to ${cut.to}`;
  return {
    title: `${calls} time out at the client's own deadline: ${cut.env} ${cut.to} (${cut.from} before revision ${cut.revision.revision}) is below what the call takes`,
    cause:
      `Revision ${cut.revision.revision} cut ${change}. The client gives up each call at that deadline ("context deadline exceeded", DEADLINE_EXCEEDED) and cancels it — the server logs it as cancelled by the client — ` +
      `so a call that normally takes longer than ${cut.to} now fails every time, while quicker calls still succeed. The dependency need not be any slower than before: the deadline is below its normal latency.`,
    action: `Mitigate: set ${cut.env} back to ${cut.from} (or roll back to revision ${cut.previous.revision}); then size the deadline from the call's measured latency (its p99) before tightening it again.`,
    fix: `set ${cut.env} back to ${cut.from}, above what the call takes`,
    latent: `the deadline was set when the process started; every call slower than ${cut.to} meets it`,
  };
}
