/**
 * A queue the client is configured with that the service says does not exist (SQS
 * NonExistentQueue / QueueDoesNotExist): the service is up and answering, the address is wrong —
 * a name mistyped or rewritten by a config change, a queue deleted or in another account or region.
 * What decides it is the configured value: the queue URL the pods use (their own start-up line
 * names it, while it is still in the tail), the setting that feeds it — a literal env value, or a
 * ConfigMap key the container takes through envFrom, whose value is read only for this error and
 * only when it names a queue (setting-config.ts) — and the queue another workload of the namespace
 * that still works is configured with, when its name is the wrong one's near twin (words reordered,
 * a letter or two apart): that is likely the queue that exists.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, LogEvidence, NamespaceObjectEvidence, PodEvidence } from './evidence.js';
import type { QueuePeerEvidence } from './evidence-queue-peers.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { findTimedLogHits } from './timed-log-hits.js';
import { formatAgo } from './time-span.js';
import { editDistance } from './near-names.js';

const MISSING_QUEUE = /\bNonExistentQueue\b|\bQueueDoesNotExist\b|The specified queue does not exist/i;
/** An SQS queue URL (any partition's endpoint): its last segment is the queue's name. */
const QUEUE_URL = /https?:\/\/(?:sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|[a-z0-9-]+\.queue\.amazonaws\.com|sqs\.[a-z0-9.-]+)\/\d{12}\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)/;
/** An SQS queue ARN: its last field is the queue's name. */
const QUEUE_ARN = /arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:([A-Za-z0-9_-]{1,80}(?:\.fifo)?)/;
/** A bare queue name: at least one letter, no flag word. */
const BARE_QUEUE = /^(?=[\w-]*[A-Za-z])[A-Za-z0-9_-]{1,80}(?:\.fifo)?$/;
const FLAG_WORD = /^(?:true|false|yes|no|on|off|enabled?|disabled?)$/i;
/** A variable or key that names a queue. */
const QUEUE_KEY = /QUEUE(?:_URL|_NAME|_ARN)?$|(?:^|_)SQS(?:_URL)?$/i;

/** The queue a setting names: an SQS URL's or ARN's last segment; a bare name only under a key that names a queue. */
export function readQueueValue(key: string, value: string): string | undefined {
  const v = value.trim();
  const m = QUEUE_URL.exec(v) ?? QUEUE_ARN.exec(v);
  if (m?.[1] !== undefined) return m[1];
  return QUEUE_KEY.test(key) && BARE_QUEUE.test(v) && !FLAG_WORD.test(v) ? v : undefined;
}

/** The workload's own pods' log lines where SQS says the queue does not exist: the container that logs them. */
export function findMissingQueueErrors(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: string): { pods: string[]; container: string } | undefined {
  const hits = findTimedLogHits(logs, pods, MISSING_QUEUE, now);
  if (hits.length === 0) return undefined;
  return { pods: [...new Set(hits.map((h) => h.pod))], container: hits[0]?.container ?? '' };
}

/** A name's words in order, separators dropped: `prod-orders_in` and `orders-in-prod` share them. */
function wordsOf(name: string): string {
  return name.toLowerCase().split(/[-_.]+/).filter((w) => w !== '').sort().join(' ');
}

/** Shorter names than this are too alike by chance for a letter or two to mean a typo. */
const MIN_TYPO_LENGTH = 8;

/**
 * How near another queue's name is to the missing one: 2 when the same words are reordered (or
 * joined otherwise), 1 when a letter or two apart; 0 when unrelated or the same.
 */
function rateNearness(missing: string, other: string): number {
  if (missing === other) return 0;
  if (wordsOf(missing) === wordsOf(other)) return 2;
  return Math.min(missing.length, other.length) >= MIN_TYPO_LENGTH && editDistance(missing.toLowerCase(), other.toLowerCase()) <= 2 ? 1 : 0;
}

/** The queue another workload uses whose name is the missing one's near twin: likely the queue that exists. */
export function findNearQueue(missing: string, peers: readonly QueuePeerEvidence[]): QueuePeerEvidence | undefined {
  return peers.map((p) => ({ p, near: rateNearness(missing, p.queue) })).filter((x) => x.near > 0).sort((a, b) => b.near - a.near)[0]?.p;
}

/** The queue URL the lines name last (the one the pods poll). */
function findQueueUrl(lines: readonly string[]): { url: string; name: string } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = QUEUE_URL.exec(lines[i] ?? '');
    if (m?.[1] !== undefined) return { url: m[0], name: m[1] };
  }
  return undefined;
}

/** Where the container's queue setting comes from: the env that holds the URL, else an envFrom ConfigMap key that names a queue. */
function findQueueSetting(url: string | undefined, containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[], objects: readonly NamespaceObjectEvidence[]): { said: string; configMap?: NamespaceObjectEvidence } | undefined {
  for (const c of containers) {
    const literal = (c.env ?? []).find((e) => 'value' in e && e.value !== undefined && (url !== undefined ? e.value === url : QUEUE_KEY.test(e.name)));
    if (literal) return { said: `env ${literal.name}` };
    const ref = (c.env ?? []).find((e) => 'ref' in e && e.ref.kind === 'configMap' && QUEUE_KEY.test(e.name));
    if (ref && 'ref' in ref) return { said: `env ${ref.name} (ConfigMap ${ref.ref.name ?? '?'} key ${ref.ref.key ?? '?'})`, ...withMap(objects, ref.ref.name) };
    for (const f of c.envFrom ?? []) {
      const cm = f.kind === 'configMap' ? objects.find((o) => o.kind === 'ConfigMap' && o.name === f.name) : undefined;
      const key = cm?.keys?.find((k) => QUEUE_KEY.test(k));
      if (cm && key) return { said: `${f.prefix ?? ''}${key} in ConfigMap ${cm.name}`, configMap: cm };
    }
  }
  return undefined;
}

function withMap(objects: readonly NamespaceObjectEvidence[], name: string | undefined): { configMap?: NamespaceObjectEvidence } {
  const cm = objects.find((o) => o.kind === 'ConfigMap' && o.name === name);
  return cm ? { configMap: cm } : {};
}

/** The queue a ConfigMap key read for this error names (setting-config.ts), with where it is set. */
function findConfiguredQueue(settings: readonly SettingConfigEvidence[]): { name: string; value: string; setting: SettingConfigEvidence } | undefined {
  for (const c of settings) {
    if (c.mechanism !== 'missing-queue') continue;
    const at = c.written.indexOf('=');
    const value = c.written.slice(at + 1);
    const name = readQueueValue(c.written.slice(0, at), value);
    if (name !== undefined) return { name, value, setting: c };
  }
  return undefined;
}

/** What else the error's reading knows: the queue settings read for it, and the queues other workloads use. */
export interface MissingQueueKnown {
  settings?: readonly SettingConfigEvidence[];
  peers?: readonly QueuePeerEvidence[];
}

/** Ready pods whose queue calls SQS answers with "queue does not exist": the configured queue, where it is set, and the queue that likely exists. */
export function explainMissingQueue(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[], objects: readonly NamespaceObjectEvidence[], now: string, known: MissingQueueKnown = {}): ClientDiagnosis | undefined {
  // A traceback's exception line carries no level of its own: the lines around the errors say it.
  const decisive = [...errors].reverse().find((l) => MISSING_QUEUE.test(l)) ?? [...lines].reverse().find((l) => MISSING_QUEUE.test(l));
  if (decisive === undefined) return undefined;
  const queue = findQueueUrl(lines);
  const configured = findConfiguredQueue(known.settings ?? []);
  const setting = findQueueSetting(queue?.url ?? configured?.value, containers, objects);
  const edited = setting?.configMap?.changedAt !== undefined ? `, changed ${formatAgo(setting.configMap.changedAt, now)}` : '';
  const where = setting ? `, set by ${setting.said}${edited}` : '';
  const missing = queue?.name ?? configured?.name;
  const what = missing !== undefined ? `queue ${missing}` : 'the configured queue';
  // The pods' own line says what they poll; else the value the setting holds now (the name is enough for the headline).
  const uses = queue ? `: the pods use ${queue.url}` : '';
  const holds = queue === undefined && configured !== undefined ? ` — ${configured.setting.written} in ConfigMap ${configured.setting.configMap}` : '';
  const near = missing === undefined ? undefined : findNearQueue(missing, known.peers ?? []);
  const nearSaid = near === undefined ? '' : `; Deployment ${near.deployment} uses ${near.queue}, likely the right queue`;
  const settingSaid = setting ? setting.said : 'the queue setting';
  return {
    summary: `SQS says ${what} does not exist (NonExistentQueue)${uses}${where}${nearSaid}`,
    decisive: decisive.trim(),
    likelyCause: `SQS answers every call with NonExistentQueue: the service is up and the credentials work, but no queue of that name exists in that account and region${uses === '' ? holds : ` — ${uses.slice(2)}`}${where}. The configured name is wrong (mistyped or rewritten by a config change), or the queue was deleted or lives in another account or region.${near === undefined ? '' : ` Deployment ${near.deployment} of the namespace is configured with ${near.value} (${near.env}): a queue of nearly the same name, likely the one that exists.`} Messages sent to the real queue pile up unread, or the sends are lost.`,
    nextAction: near === undefined
      ? `Compare ${what} with the queues that exist (\`aws sqs list-queues --queue-name-prefix <prefix>\`) and with what the workloads that still work use; set ${settingSaid} back to the right queue and restart the pods so they read it.`
      : `Confirm that ${near.queue} exists and ${missing ?? ''} does not (\`aws sqs get-queue-url --queue-name ${near.queue}\`); set ${settingSaid} to ${near.value}, the queue Deployment ${near.deployment} uses, and restart the pods so they read it.`,
    fix: near === undefined
      ? `set ${settingSaid} to a queue that exists${missing !== undefined ? ` (now ${missing})` : ''} and restart the pods`
      : `set ${settingSaid} to ${near.value} (now ${missing ?? '?'}) and restart the pods`,
    evidence: [
      ...(queue ? [`the pods use queue URL ${queue.url}; SQS says it does not exist`] : []),
      ...(configured ? [`ConfigMap ${configured.setting.configMap} sets ${configured.setting.written}`] : []),
      ...(setting ? [`the queue is set by ${setting.said}${edited}`] : []),
      ...(near ? [`Deployment ${near.deployment} uses ${near.env}=${near.value}`] : []),
    ],
  };
}
