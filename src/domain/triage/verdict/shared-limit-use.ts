/**
 * A limit shared with the node's other containers (Finding.sharedLimit: inotify instances per user
 * id) is met by whoever uses the most of it. "Any revision fails the same way on that node" holds
 * only when the differential bears it out; when the new revision's pods alone fail and the revision
 * before runs, the revision uses more of it: it is the trigger, and what its template added that
 * uses the limit (a volume of files to watch, a reload switch) is the lead.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { joinAnd } from '../../text.js';
import type { Differential } from './differential.js';

/** Env vars that turn on watching files: a reload or watch switch, a polling watcher. */
const WATCH_ENV = /watch|reload|poll|notify/i;

/**
 * "only its pods fail, revision 6's 2 pods run on other nodes" when the failing pods are all of
 * `newest`, none of its pods runs, and pods of `previous` do; undefined when the differential does
 * not contradict the exoneration.
 */
export function describeNewRevisionAlone(failing: readonly PodEvidence[], d: Differential, newest: RevisionEvidence, previous: RevisionEvidence): string | undefined {
  if (failing.length === 0 || !failing.every((p) => p.revisionHash === newest.hash)) return undefined;
  if (d.healthy.some((p) => p.revisionHash === newest.hash)) return undefined;
  const old = d.healthy.filter((p) => p.revisionHash === previous.hash);
  if (old.length === 0) return undefined;
  const nodes = new Set(failing.flatMap((p) => p.nodeName ?? []));
  const where = old.some((p) => p.nodeName !== undefined && nodes.has(p.nodeName)) ? ' on the same node' : ' on other nodes';
  return `only its pods fail, revision ${previous.revision}'s ${old.length} pod${old.length === 1 ? '' : 's'} run${old.length === 1 ? 's' : ''}${where}`;
}

/** "it added volume rules (ConfigMap orders-rules, 12 files) and env RULES_RELOAD = "true"": what `newer` added that watches files; undefined when none. */
export function describeAddedUse(ev: TriageEvidence, older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  const had = new Set((older.template?.volumes ?? []).map((v) => `${v.name}:${v.ref ?? ''}`));
  const volumes = (newer.template?.volumes ?? []).filter((v) => !had.has(`${v.name}:${v.ref ?? ''}`)).map((v) => {
    const keys = v.source === 'configMap' ? ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === v.ref)?.keys : undefined;
    const files = keys !== undefined && keys.length > 0 ? `, ${keys.length} file${keys.length === 1 ? '' : 's'}` : '';
    const kind = v.source === 'configMap' ? 'ConfigMap' : v.source === 'secret' ? 'Secret' : v.source;
    return `volume ${v.name} (${kind}${v.ref !== undefined ? ` ${v.ref}` : ''}${files})`;
  });
  const env = newer.containers.flatMap((c) => {
    const was = older.containers.find((o) => o.name === c.name);
    return c.env.filter((e) => 'value' in e && WATCH_ENV.test(e.name) && !(was?.env ?? []).some((o) => o.name === e.name && 'value' in o && o.value === e.value)).map((e) => `env ${e.name} = "${'value' in e ? e.value : ''}"`);
  });
  const added = [...volumes, ...env];
  return added.length === 0 ? undefined : `it added ${joinAnd(added)}`;
}
