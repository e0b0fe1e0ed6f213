/**
 * A queue the client is configured with that the service says does not exist (SQS
 * NonExistentQueue / QueueDoesNotExist): the service is up and answering, the address is wrong —
 * a name mistyped or rewritten by a config change, a queue deleted or in another account or region.
 * What decides it is the configured value: the queue URL the pods use (their own start-up line
 * names it) and the setting that feeds it — a literal env value, or a ConfigMap key the container
 * takes through envFrom (key names only: values are never read).
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, NamespaceObjectEvidence } from './evidence.js';
import { formatAgo } from './time-span.js';

const MISSING_QUEUE = /\bNonExistentQueue\b|\bQueueDoesNotExist\b|The specified queue does not exist/i;
/** An SQS queue URL (any partition's endpoint): its last segment is the queue's name. */
const QUEUE_URL = /https?:\/\/(?:sqs\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?|[a-z0-9-]+\.queue\.amazonaws\.com|sqs\.[a-z0-9.-]+)\/\d{12}\/([A-Za-z0-9_-]{1,80}(?:\.fifo)?)/;
/** A variable or key that names a queue. */
const QUEUE_KEY = /QUEUE(?:_URL|_NAME|_ARN)?$|(?:^|_)SQS(?:_URL)?$/i;

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

/** Ready pods whose queue calls SQS answers with "queue does not exist": the configured queue and where it is set. */
export function explainMissingQueue(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'envFrom'>[], objects: readonly NamespaceObjectEvidence[], now: string): ClientDiagnosis | undefined {
  // A traceback's exception line carries no level of its own: the lines around the errors say it.
  const decisive = [...errors].reverse().find((l) => MISSING_QUEUE.test(l)) ?? [...lines].reverse().find((l) => MISSING_QUEUE.test(l));
  if (decisive === undefined) return undefined;
  const queue = findQueueUrl(lines);
  const setting = findQueueSetting(queue?.url, containers, objects);
  const edited = setting?.configMap?.changedAt !== undefined ? `, changed ${formatAgo(setting.configMap.changedAt, now)}` : '';
  const where = setting ? `, set by ${setting.said}${edited}` : '';
  const what = queue ? `queue ${queue.name}` : 'the configured queue';
  return {
    summary: `SQS says ${what} does not exist (NonExistentQueue)${queue ? `: the pods use ${queue.url}` : ''}${where}`,
    decisive: decisive.trim(),
    likelyCause: `SQS answers every call with NonExistentQueue: the service is up and the credentials work, but no queue of that name exists in that account and region${queue ? ` — the pods use ${queue.url}` : ''}${where}. The configured name is wrong (mistyped or rewritten by a config change), or the queue was deleted or lives in another account or region. Messages sent to the real queue pile up unread, or the sends are lost.`,
    nextAction: `Compare ${what} with the queues that exist (\`aws sqs list-queues --queue-name-prefix <prefix>\`) and with what the workloads that still work use; set ${setting ? setting.said : 'the queue setting'} back to the right queue and restart the pods so they read it.`,
    fix: `set ${setting ? setting.said : 'the queue setting'} to a queue that exists${queue ? ` (now ${queue.name})` : ''} and restart the pods`,
    evidence: [
      ...(queue ? [`the pods use queue URL ${queue.url}; SQS says it does not exist`] : []),
      ...(setting ? [`the queue is set by ${setting.said}${edited}`] : []),
    ],
  };
}
