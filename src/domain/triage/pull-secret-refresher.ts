/**
 * A pull secret that a CronJob of the namespace rewrites on a schedule: registries that hand out
 * short-lived tokens (an ECR token lasts 12 hours) are fed to imagePullSecrets by a job that asks
 * the cloud for a fresh token and applies the secret again. When that job stops succeeding, the
 * token in the secret runs out and the registry refuses every new pull ("authorization token has
 * expired", "no basic auth credentials", "unauthorized: authentication required"): pods already
 * running keep their cached image, new pods of any revision sit in ImagePullBackOff. The image and
 * the revision are fine; the refresher's own credentials are what to fix. The refresher is found
 * by what it runs (its command, args or literal env name the secret) or by its name (a registry
 * credential refresh); its newest failed run's log says why (a deactivated cloud key). The Secret
 * itself is never read.
 */
import type { EventEvidence, IsoTime, NamespaceJobEvidence, NamespaceJobsEvidence, PodEvidence } from './evidence.js';
import type { RefresherJobLogEvidence } from './evidence-refresher-jobs.js';
import { CREDENTIALS_REFUSED } from './pull-secrets.js';
import { getWaiting } from './pod-status.js';
import { HOUR_MS, formatAgo, msBetween } from './time-span.js';
import { truncate, escapeRegExp } from '../text.js';

const PULL_WAITING = new Set(['ErrImagePull', 'ImagePullBackOff']);

/** Name parts that say a registry's credentials; and parts that say a job renews something. */
const REGISTRY_PART = /^(ecr|gcr|gar|acr|registry|regcred|docker|dockerconfig|dockercfg|pull|image|harbor|quay)$/;
const CREDENTIAL_PART = /^(cred|creds|credential|credentials|token|tokens|login|auth|secret|secrets)$/;
const REFRESH_PART = /^(refresh|refresher|renew|renewer|rotate|rotator|rotation|sync|syncer|update|updater)$/;

/** Lines of a refresher's log worth keeping: its errors. */
const ERROR_WORDS = /\berror\b|exception|denied|invalid|expired|unauthori[sz]ed|forbidden|not authorized|\bfail|refused|unable to|could not/i;
/** The line that says why: a cloud API's refusal, before a generic "exit 1". */
const CAUSE_WORDS = /An error occurred \(|exception|denied|invalid|expired|unauthori[sz]ed|forbidden|not authorized/i;
const MAX_LINES = 8;
const MAX_CHARS = 400;
/** How long an ECR authorization token lasts: a refresh older than this leaves the secret expired. */
const ECR_TOKEN_MS = 12 * HOUR_MS;
const ECR_HOST = /^\d+\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;
const QUOTE_MAX = 150;

/** A CronJob that rewrites a pull secret, and how its runs went. */
export interface PullSecretRefresher {
  cronJob: string;
  /** The pull secret its command, args or env name; absent when only its name says what it refreshes. */
  secret?: string;
  /** Its newest finished run failed: the token it writes is not being renewed. */
  failing: boolean;
  newestFailed?: NamespaceJobEvidence;
  /** Runs failed since its last success, among those kept. */
  failedRuns: number;
  /** When its newest successful run ended; absent when none is kept. */
  lastSuccessAt?: IsoTime;
}

/** The pull secrets of the pods whose pulls the registry refuses for their credentials. */
export function listRefusedPullSecrets(pods: readonly PodEvidence[], events: readonly EventEvidence[]): string[] {
  const out = new Set<string>();
  for (const p of pods) {
    const secrets = (p.imagePullSecrets ?? []).filter((s) => s !== '');
    if (secrets.length === 0) continue;
    const stuck = p.containers.map((c) => getWaiting(c)).filter((w) => w !== undefined && PULL_WAITING.has(w.reason));
    if (stuck.length === 0) continue;
    const said = [...stuck.map((w) => w?.message ?? ''), ...events.filter((e) => e.object.kind === 'Pod' && e.object.name === p.name && /failed to pull image/i.test(e.message)).map((e) => e.message)];
    if (said.some((m) => CREDENTIALS_REFUSED.test(m))) for (const s of secrets) out.add(s);
  }
  return [...out];
}

/** Whether the namespace's Jobs are worth a list: the registry refuses a pull made with a pull secret. */
export function needsPullSecretRefresher(target: { kind: string }, pods: readonly PodEvidence[], events: readonly EventEvidence[]): boolean {
  return target.kind !== 'Job' && target.kind !== 'CronJob' && listRefusedPullSecrets(pods, events).length > 0;
}

/** How well a CronJob's name and command say it refreshes one of these secrets: 0 names it, 1 a registry refresh, 2 a credential refresh; undefined: not a refresher. */
function rankRefresher(cronJob: string, command: string, secrets: readonly string[]): { rank: number; secret?: string } | undefined {
  const named = secrets.find((s) => new RegExp(`(^|[^\\w.-])${escapeRegExp(s)}([^\\w.-]|$)`).test(command));
  if (named !== undefined) return { rank: 0, secret: named };
  const parts = cronJob.toLowerCase().split(/[-_.]+/);
  const refresh = parts.some((p) => REFRESH_PART.test(p));
  if (!refresh) return undefined;
  if (parts.some((p) => REGISTRY_PART.test(p))) return { rank: 1 };
  if (parts.some((p) => CREDENTIAL_PART.test(p))) return { rank: 2 };
  return undefined;
}

/** The CronJob of the namespace that rewrites one of these pull secrets, with how its kept runs went. */
export function findPullSecretRefresher(jobs: NamespaceJobsEvidence | undefined, secrets: readonly string[]): PullSecretRefresher | undefined {
  if (secrets.length === 0) return undefined;
  const byOwner = new Map<string, NamespaceJobEvidence[]>();
  for (const j of jobs?.jobs ?? []) {
    if (j.owner?.kind !== 'CronJob') continue;
    byOwner.set(j.owner.name, [...(byOwner.get(j.owner.name) ?? []), j]);
  }
  const found: (PullSecretRefresher & { rank: number })[] = [];
  for (const [cronJob, runs] of byOwner) {
    const ranked = rankRefresher(cronJob, runs.flatMap((r) => r.commandAndEnv ?? []).join(' '), secrets);
    if (ranked === undefined) continue;
    const finished = runs.filter((r) => r.state === 'complete' || r.state === 'failed').sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    const newest = finished[0];
    if (newest === undefined) continue;
    const lastGood = finished.find((r) => r.state === 'complete');
    const failedRuns = finished.filter((r) => r.state === 'failed' && (lastGood === undefined || (r.createdAt ?? '') > (lastGood.createdAt ?? ''))).length;
    found.push({
      cronJob,
      ...(ranked.secret !== undefined ? { secret: ranked.secret } : {}),
      failing: newest.state === 'failed',
      ...(newest.state === 'failed' ? { newestFailed: newest } : {}),
      failedRuns,
      ...(lastGood?.finishedAt ? { lastSuccessAt: lastGood.finishedAt } : {}),
      rank: ranked.rank,
    });
  }
  // The one that names the secret first; among equals, a failing one.
  const best = found.sort((a, b) => a.rank - b.rank || Number(b.failing) - Number(a.failing))[0];
  if (best === undefined) return undefined;
  const { rank: _rank, ...rest } = best;
  return rest;
}

/** The run whose log is worth reading: the newest failed run of the failing refresher. */
export function pickRefresherRuns(jobs: NamespaceJobsEvidence | undefined, pods: readonly PodEvidence[], events: readonly EventEvidence[]): NamespaceJobEvidence[] {
  const refresher = findPullSecretRefresher(jobs, listRefusedPullSecrets(pods, events));
  return refresher?.newestFailed ? [refresher.newestFailed] : [];
}

/** The lines of a refresher run's log that say it failed, clipped. */
export function keepRefresherErrorLines(lines: readonly string[]): string[] {
  return lines.filter((l) => ERROR_WORDS.test(l)).slice(-MAX_LINES).map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/** Why the run failed, in its own words: the line naming a refusal, else its first error line. */
export function quoteRefresherError(lines: readonly string[]): string | undefined {
  return lines.find((l) => CAUSE_WORDS.test(l)) ?? lines[0];
}

/** The newest failed run's log, when it was read. */
export function findRefresherRunLog(read: readonly RefresherJobLogEvidence[] | undefined, refresher: PullSecretRefresher): RefresherJobLogEvidence | undefined {
  return (read ?? []).find((r) => r.job === refresher.newestFailed?.name);
}

/** What the verdict says of a refresher that fails: the title's words, evidence, cause, action and fix. */
export interface RefresherReading {
  title: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
  /** Its newest failed run's own words, when its log was read. */
  said?: string;
}

/**
 * The failing refresher as the cause of the refused pull: the token in the secret it writes ran
 * out because its runs fail. `secret` is the pull secret the failing pods name; `createJob` the
 * kubectl command that runs the CronJob once now.
 */
export function tellFailingRefresher(r: PullSecretRefresher, o: { secret: string; image: string; expired: boolean; now: IsoTime; runLog?: RefresherJobLogEvidence; createJob: string }): RefresherReading | undefined {
  const run = r.newestFailed;
  if (!r.failing || run === undefined) return undefined;
  const ecr = ECR_HOST.test(o.image);
  const since = r.lastSuccessAt ? `has not succeeded since ${formatAgo(r.lastSuccessAt, o.now)}` : 'has no successful run kept';
  const pastLife = ecr && r.lastSuccessAt !== undefined && msBetween(r.lastSuccessAt, o.now) > ECR_TOKEN_MS ? ", longer than an ECR token's 12 hours" : '';
  const said = o.runLog ? quoteRefresherError(o.runLog.lines) : undefined;
  const ended = [run.failedReason, o.runLog?.terminated?.exitCode !== undefined ? `exit ${o.runLog.terminated.exitCode}` : undefined].filter(Boolean).join(', ');
  const when = run.createdAt ? ` ${formatAgo(run.createdAt, o.now)}` : '';
  const newest = `its newest run${when} failed${ended ? ` (${ended})` : ''}${said ? `: "${truncate(said.replace(/\s+/g, ' '), QUOTE_MAX)}"` : ''}`;
  const token = `the registry token in pull secret ${o.secret} ${o.expired ? 'has expired' : 'is refused'}`;
  const evidence = [
    `CronJob ${r.cronJob} rewrites pull secret ${o.secret} (${r.secret !== undefined ? 'its command names the secret' : 'by its name'}); it ${since}${pastLife}; ${r.failedRuns} failed run${r.failedRuns === 1 ? '' : 's'} kept since`,
    `newest run: Job ${run.name}${when}, failed${ended ? ` (${ended})` : ''}`,
    ...(o.runLog ? o.runLog.lines.slice(0, 3).map((l) => `${o.runLog?.pod ?? run.name}: ${l}`) : []),
  ];
  return {
    title: `${token}: its refresher CronJob ${r.cronJob} ${since}${pastLife}, ${newest}`,
    evidence,
    cause: `The pull secret ${o.secret} holds a short-lived registry token that CronJob ${r.cronJob} rewrites on a schedule. Its runs fail${said ? ` ("${truncate(said.replace(/\s+/g, ' '), QUOTE_MAX)}")` : ''}, so the last token it wrote ran out and the registry refuses every new pull. Pods already running keep their cached image; any new pod, of any revision, must pull and is refused. The image and the revision are fine.`,
    action: `Fix the credentials CronJob ${r.cronJob} runs with (what its newest run's log names), then run it once now — ${o.createJob} — so it rewrites ${o.secret}; the stuck pods pull again on their own`,
    fix: `fix the credentials CronJob ${r.cronJob} runs with and run it once now (${o.createJob}) so it rewrites pull secret ${o.secret}; the stuck pods pull again on their own`,
    ...(said !== undefined ? { said } : {}),
  };
}
