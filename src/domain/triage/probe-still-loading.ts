/**
 * A liveness probe that kills an app which answers it is still starting: Redis' "LOADING Redis is
 * loading the dataset in memory", Postgres' "the database system is starting up", a service's
 * "not ready yet, still initializing". The app is alive and says so; it is only not done loading.
 * When loading outlasts the probe's budget (initialDelaySeconds + failureThreshold × period), every
 * start is killed mid-load and the next one loads from the beginning — whatever revision runs, so
 * the change that first restarted it is not what to undo. The fix is a startupProbe (or a longer
 * budget, or a probe that accepts "loading" as alive).
 */
import type { LogEvidence, ProbeEvidence, RevisionEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';
import { describeStartupBudget } from './startup-budget.js';

/** The app's own answer that it is up but still loading, starting or recovering. */
const STILL_LOADING = /\bLOADING\b[^\n]*\bloading\b|is loading the dataset|\b(?:is |still )(?:starting(?: up)?|initiali[sz]ing|loading|warming(?: up)?|recovering|replaying)\b|\bstarting up\b|\bnot ready yet\b|\brecovery (?:is )?in progress\b|\bin recovery mode\b/i;
/** Redis' and similar stores' lines saying what it loads: "Loading RDB produced by version 7.2.4", "RDB memory usage when created 10843.21 Mb". */
const LOAD_STARTED = /\bLoading (?:RDB|AOF|the dataset|data(?:set)?|snapshot|index(?:es)?)\b[^\n]*|\bRDB memory usage when created [\d.]+ ?\w+|\bReading (?:RDB|AOF)\b[^\n]*/i;
/** How long a finished load took: Redis' "DB loaded from disk: 123.456 seconds", or "loaded … in 95.2s". */
const LOAD_TOOK = /\bDB loaded from (?:disk|append only file):? ([\d.]+) seconds|\bloaded\b[^\n]*? in ([\d.]+) ?s(?:econds)?\b/i;

export interface StillLoadingInput {
  probeName: string;
  probe: ProbeEvidence | undefined;
  /** The killing probe's own failure messages. */
  messages: string;
  /** The killed container's logs, current and previous. */
  logs: readonly LogEvidence[];
  /** How long each killed run lived (startedAt → finishedAt), seconds. */
  runs: readonly number[];
  /** The newest revision changed this probe (a rollback would restore the old one); undefined when unknown. */
  probeChangedBy?: number;
}

/** A probe miss plus why a rollback would not help (see Finding.outsideWorkload). */
export type StillLoadingMiss = ProbeMiss & { outsideWorkload?: string };

/** The reading, when the liveness probe's own failures quote the app saying it is still loading; else undefined. */
export function explainStillLoading(input: StillLoadingInput): StillLoadingMiss | undefined {
  const { probeName, probe, messages, logs, runs } = input;
  if (probeName !== 'liveness') return undefined;
  const said = messages.split('\n').map((m) => m.replace(/^Liveness probe (?:failed|errored):?\s*/i, '').trim()).find((m) => STILL_LOADING.test(m));
  if (said === undefined) return undefined;
  const quote = said.slice(0, 160);
  const lines = logs.flatMap((l) => l.lines);
  const loading = uniqueLoadLines(lines);
  const tookS = lines.map((l) => LOAD_TOOK.exec(l)).map((m) => Number(m?.[1] ?? m?.[2])).find((n) => Number.isFinite(n) && n > 0);
  const budget = probe ? describeStartupBudget(probe) : undefined;
  const avg = runs.length > 0 ? Math.round(runs.reduce((a, b) => a + b, 0) / runs.length) : undefined;
  const budgetText = budget ? `the liveness probe's budget (${budget.text})` : 'the liveness probe\'s budget';
  const what = loading.length > 0 ? ` (${loading.join('; ')})` : '';
  const load = tookS !== undefined
    ? `loading takes ~${Math.round(tookS)}s, longer than ${budgetText}`
    : `loading${what} outlasts ${budgetText}${avg !== undefined ? `: each run is killed ~${avg}s in, before its log says the load finished` : ''}`;
  const fix = 'add a startupProbe whose budget covers the load time (or make the liveness probe accept "loading" as alive)';
  return {
    scope: `it is still loading ("${shorten(quote)}"), and ${load}`,
    why: `it answers the liveness probe "${quote}": it is alive and still loading, and ${load}. The kubelet kills it mid-load, the next start loads from the beginning, and it never gets further`,
    fix,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}; then it finishes loading once. Restarting or a rollback only starts the same load again into the same probe.`,
    decisive: quote,
    evidence: [
      ...(budget ? [`liveness probe budget ${budget.text}${avg !== undefined ? `; killed runs lived ~${avg}s` : ''}`] : []),
      ...loading.map((l) => `the killed runs' log: ${l}`),
      ...(tookS !== undefined ? [`a load took ~${Math.round(tookS)}s`] : []),
    ],
    // A revision that left the probe alone only restarted the app: any restart meets the same budget.
    ...(input.probeChangedBy === undefined ? { outsideWorkload: `it only restarted the pod and left the liveness probe alone; any restart, of any revision, loads the data again for longer than the probe allows` } : {}),
  };
}

/** The newest revision, when it changed the container's liveness or startup probe (a rollback would restore the old budget). */
export function findProbeChange(revisions: readonly RevisionEvidence[], container: string): number | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined) return undefined;
  return diffRevisions(previous, newest).some((l) => l.startsWith(`${container} liveness probe`) || l.startsWith(`${container} startup probe`)) ? newest.revision : undefined;
}

function uniqueLoadLines(lines: readonly string[]): string[] {
  const found = lines.map((l) => LOAD_STARTED.exec(l)?.[0]?.trim()).filter((x): x is string => x !== undefined);
  return [...new Set(found)].slice(0, 2);
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
