/**
 * DynamoDB throttling the workload's calls (ProvisionedThroughputExceededException,
 * ThrottlingException, RequestLimitExceeded): the pods stay Ready while the SDK retries and then
 * fails. Throttling with the table's consumption far under its provisioned capacity, or with every
 * throttled request on one partition key, is a hot partition: each partition serves at most 1,000
 * WCU and 3,000 RCU per second whatever the table has, so more capacity does not help — the key
 * does. A revision that changed the partition key setting is then its trigger. Pure: logs, env and
 * revisions only.
 */
import type { IsoTime, LogEvidence, RevisionEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { sortRevisions } from './revision-diff.js';

/** The error codes DynamoDB throttles with. */
const THROTTLE_CODE = /\b(ProvisionedThroughputExceeded(?:Exception)?|ThrottlingException|RequestLimitExceeded)\b/;
/** The line is a DynamoDB call's: its operation or its name (a bare ThrottlingException may be any AWS API's). */
const DYNAMO_CALL = /\b(?:PutItem|GetItem|UpdateItem|DeleteItem|Query|Scan|BatchWriteItem|BatchGetItem|TransactWriteItems|TransactGetItems)\b|dynamodb/i;
/** The client's own word for a throttled attempt it retries: it names the table and the key beside the code. */
const THROTTLED = /\bthrottl/i;
// "table=x", an ARN's ":table/x", "TableName": "x"; bare "table x" only for a name no sentence word is ("table was exceeded").
const TABLE = /(?:\btable\s*[=:]\s*"?|:table\/|"TableName"\s*:\s*")([A-Za-z0-9_.-]{3,255})|\btable ([A-Za-z0-9]+[-_.][A-Za-z0-9_.-]+)/;
const KEY_VALUE = /\b(?:pk|partition[_ ]?key|hash[_ ]?key)\s*[=:]\s*"?([^\s",}]+)/i;
const KEY_SETTING = /PARTITION[_-]?KEY|HASH[_-]?KEY|(?:^|_)PK$/i;
/** Per-partition ceilings DynamoDB documents, per second. */
const PARTITION_LIMIT = { WCU: 1000, RCU: 3000 } as const;
/** Below this many throttled calls, a throttle is a blip. */
const MIN_CALLS = 2;
/** Throttled lines that must all name the same key before it is called the one hot key. */
const MIN_SAME_KEY = 3;

export interface DynamoThrottle {
  /** The code the SDK reports: "ProvisionedThroughputExceededException". */
  code: string;
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  table?: string;
  /** The one partition key value every throttled request carries, and its own words. */
  sameKey?: { value: string; count: number };
  /** The workload's summed consumption against the table's provisioned capacity, from its own stats lines. */
  capacity?: { unit: 'WCU' | 'RCU'; consumed: number; provisioned: number; pods: number };
  /** The newest revision's change of the partition key setting. */
  keyChange?: { revision: number; before: number | undefined; env: string; from: string; to: string; at: IsoTime };
  /** Whether the evidence says one partition takes the load (a key change, one key, consumption far under provisioned). */
  hot: boolean;
}

function capacityOf(logs: readonly LogEvidence[], unit: 'WCU' | 'RCU'): { consumed: number; provisioned: number; pods: number } | undefined {
  const u = unit === 'WCU' ? '(?:wcu|write[_ ]?capacity(?:[_ ]units)?)' : '(?:rcu|read[_ ]?capacity(?:[_ ]units)?)';
  const consumedRe = new RegExp(`\\bconsumed[_ ]?${u}\\s*[=:]\\s*([\\d.]+)`, 'i');
  const provisionedRe = new RegExp(`\\b(?:provisioned[_ ]?${u}|${u})\\s*[=:]\\s*"?(\\d+)`, 'i');
  let provisioned: number | undefined;
  let consumed = 0;
  let pods = 0;
  for (const l of logs) {
    // Each pod's latest figure: the writers' sum is the table's load from this workload.
    const last = l.lines.findLast((x) => consumedRe.test(x));
    const v = last === undefined ? undefined : Number(consumedRe.exec(last)?.[1]);
    if (v !== undefined && Number.isFinite(v)) { consumed += v; pods++; }
    for (const x of l.lines) {
      const p = consumedRe.test(x) ? new RegExp(`\\bprovisioned[_ ]?${u}\\s*[=:]\\s*"?(\\d+)`, 'i').exec(x) : provisionedRe.exec(x);
      if (p?.[1] !== undefined) provisioned = Number(p[1]);
    }
  }
  return pods > 0 && provisioned !== undefined && provisioned > 0 ? { consumed: Math.round(consumed), provisioned, pods } : undefined;
}

/** A key setting names an attribute (session_id, event_date): shown when it reads as one, hidden otherwise. */
function shownKey(value: string): string {
  return value === '(unset)' || /^[A-Za-z_][\w.#-]{0,63}$/.test(value) ? value : '(value hidden)';
}

function findKeyChange(revisions: readonly RevisionEvidence[], first: IsoTime | undefined): DynamoThrottle['keyChange'] {
  const [newest, before] = sortRevisions(revisions);
  if (newest === undefined || before === undefined || (first !== undefined && newest.createdAt > first)) return undefined;
  for (const c of newest.containers) {
    const old = before.containers.find((o) => o.name === c.name);
    for (const e of c.env) {
      if (!('value' in e) || !KEY_SETTING.test(e.name)) continue;
      const was = old?.env.find((o) => o.name === e.name);
      const from = was && 'value' in was ? was.value : '(unset)';
      if (from !== e.value) return { revision: newest.revision, before: before.revision, env: e.name, from: shownKey(from), to: shownKey(e.value), at: newest.createdAt };
    }
  }
  return undefined;
}

/** The DynamoDB throttling the workload's current logs carry, when there is enough of it to matter. */
export function findDynamoThrottle(ev: { logs: readonly LogEvidence[]; revisions: readonly RevisionEvidence[] }): DynamoThrottle | undefined {
  const current = ev.logs.filter((l) => !l.previous);
  const hits = current.flatMap((l) => l.lines.filter((x) => THROTTLE_CODE.test(x) && DYNAMO_CALL.test(x)).map((line) => {
    const at = readLineTime(line);
    return { pod: l.pod, line: line.trim(), ...(at ? { at } : {}) };
  }));
  if (hits.length < MIN_CALLS) return undefined;
  const pods = [...new Set(hits.map((h) => h.pod))];
  const tails = current.filter((l) => pods.includes(l.pod));
  const throttled = tails.flatMap((l) => l.lines.filter((x) => THROTTLED.test(x) || THROTTLE_CODE.test(x)));
  const nameIn = (x: string): string | undefined => { const m = TABLE.exec(x); return m?.[1] ?? m?.[2]; };
  const table = throttled.map(nameIn).find((t) => t !== undefined) ?? tails.flatMap((l) => l.lines).map(nameIn).find((t) => t !== undefined);
  const keys = throttled.flatMap((x) => KEY_VALUE.exec(x)?.[1] ?? []);
  const distinct = new Set(keys);
  const only = distinct.size === 1 ? [...distinct][0] : undefined;
  const sameKey = only !== undefined && keys.length >= MIN_SAME_KEY ? { value: only, count: keys.length } : undefined;
  const wcu = capacityOf(tails, 'WCU');
  const rcu = wcu ? undefined : capacityOf(tails, 'RCU');
  const capacity = wcu ? { unit: 'WCU' as const, ...wcu } : rcu ? { unit: 'RCU' as const, ...rcu } : undefined;
  const first = hits.map((h) => h.at).filter((t) => t !== undefined).sort()[0];
  const keyChange = findKeyChange(ev.revisions, first);
  // A table far from its provisioned capacity that still throttles: one partition takes the load.
  const underUsed = capacity !== undefined && capacity.consumed * 2 <= capacity.provisioned;
  const code = THROTTLE_CODE.exec(hits[0]?.line ?? '')?.[1] ?? 'throttled';
  return {
    code: code === 'ProvisionedThroughputExceeded' ? 'ProvisionedThroughputExceededException' : code,
    hits, pods,
    ...(table ? { table } : {}),
    ...(sameKey ? { sameKey } : {}),
    ...(capacity ? { capacity } : {}),
    ...(keyChange ? { keyChange } : {}),
    hot: keyChange !== undefined || sameKey !== undefined || underUsed,
  };
}

/** What one partition serves at most, in the unit the workload is throttled on. */
export function partitionLimit(unit: 'WCU' | 'RCU'): number {
  return PARTITION_LIMIT[unit];
}
