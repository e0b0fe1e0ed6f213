/**
 * The scheduler's Preempted event on a victim pod, taken apart. It names the pod it made room for
 * and the node: `Preempted by pod 5c1e…(uid) on node ip-10-0-1-2` (current schedulers),
 * `Preempted by ml/trainer-0 on node ip-10-0-1-2` (older ones), and its `related` object names that
 * pod too when the scheduler wrote it through events.k8s.io.
 */
import type { EventEvidence, PreemptorEvidence } from './evidence.js';

export interface PreemptionRef {
  node?: string;
  uid?: string;
  namespace?: string;
  name?: string;
}

const BY_UID = /^Preempted by pod ([0-9a-f-]{8,}) on node (\S+)/;
const BY_NAME = /^Preempted by ([a-z0-9][-a-z0-9.]*)\/([a-z0-9][-a-z0-9.]*) on node (\S+)/;
const ON_NODE = / on node (\S+)/;

export function parsePreemption(e: EventEvidence): PreemptionRef {
  const out: PreemptionRef = {};
  const byUid = BY_UID.exec(e.message);
  const byName = BY_NAME.exec(e.message);
  const node = byUid?.[2] ?? byName?.[3] ?? ON_NODE.exec(e.message)?.[1];
  if (node !== undefined) out.node = node;
  if (byUid?.[1] !== undefined) out.uid = byUid[1];
  if (byName?.[1] !== undefined && byName[2] !== undefined) Object.assign(out, { namespace: byName[1], name: byName[2] });
  const r = e.related;
  if (r !== undefined && r.kind === 'Pod') {
    out.name = r.name;
    if (r.namespace !== undefined) out.namespace = r.namespace;
    if (r.uid !== undefined) out.uid = r.uid;
  }
  return out;
}

/** Whether this preemptor is the pod the event names (by uid, else by namespace and name). */
export function isPreemptorOf(p: Pick<PreemptorEvidence, 'uid' | 'namespace' | 'pod'>, ref: PreemptionRef): boolean {
  if (ref.uid !== undefined && p.uid !== undefined) return ref.uid === p.uid;
  return ref.name !== undefined && ref.name === p.pod && (ref.namespace === undefined || ref.namespace === p.namespace);
}
