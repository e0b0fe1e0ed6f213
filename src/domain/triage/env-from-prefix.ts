/**
 * An envFrom source with a `prefix`: the kubelet puts it before every key of the ConfigMap, so key
 * DB_HOST reaches the container as APP_DB_HOST. An app that reads the bare name finds it unset and
 * refuses to start, although the ConfigMap still holds the key and nothing about it changed. The
 * ConfigMap's key names (values are never read) and the prefix in the template decide it; the
 * revision that added the prefix is the change. A Secret's keys are never read: not claimed there.
 */
import type { ContainerSpecEvidence, NamespaceObjectEvidence, RevisionEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';
import { sortRevisions } from './revision-diff.js';

export interface PrefixedAway {
  /** The names the line says are unset, as the ConfigMap holds them. */
  variables: string[];
  configMap: string;
  prefix: string;
  /** The revision that added (or changed) the prefix, and the one before it. */
  since?: { revision: number; previous: number; was?: string };
}

/** Words by which a config check says a variable is unset or empty. */
const UNSET = /\b(is not set|not set|unset|is empty|empty|is missing|missing|is required|required|must be (set|provided|specified|non-empty)|must not be empty|cannot be empty|is blank|not defined|undefined|no value)\b/i;
const NAME = /\b[A-Z][A-Z0-9_]*[A-Z0-9]\b/g;

/** The names the line says are unset: each in a clause (split at ; , |) that says so. */
function listUnsetNames(line: string): string[] {
  const clauses = line.split(/[;,|]/).filter((c) => UNSET.test(c));
  return [...new Set(clauses.flatMap((c) => c.match(NAME) ?? []))];
}

/** The keys the container's own env or an unprefixed envFrom ConfigMap gives under their own name. */
function listBareNames(container: ContainerSpecEvidence, objects: readonly NamespaceObjectEvidence[]): Set<string> {
  const bare = new Set((container.env ?? []).map((e) => e.name));
  for (const f of container.envFrom ?? []) {
    if (f.kind !== 'configMap' || f.prefix) continue;
    for (const k of keysOf(objects, f.name) ?? []) bare.add(k);
  }
  return bare;
}

function keysOf(objects: readonly NamespaceObjectEvidence[], name: string): string[] | undefined {
  return objects.find((o) => o.kind === 'ConfigMap' && o.name === name)?.keys;
}

/** The prefixed ConfigMap that holds the variables the line says are unset, under their bare names. */
export function findPrefixedAway(container: ContainerSpecEvidence, objects: readonly NamespaceObjectEvidence[], revisions: readonly RevisionEvidence[], line: string): PrefixedAway | undefined {
  const unset = listUnsetNames(line);
  if (unset.length === 0) return undefined;
  const bare = listBareNames(container, objects);
  for (const f of container.envFrom ?? []) {
    if (f.kind !== 'configMap' || !f.prefix) continue;
    const keys = keysOf(objects, f.name);
    const variables = unset.filter((n) => keys?.includes(n) && !bare.has(n));
    if (variables.length === 0) continue;
    const since = findPrefixRevision(revisions, container.name, f.name, f.prefix);
    return { variables, configMap: f.name, prefix: f.prefix, ...(since ? { since } : {}) };
  }
  return undefined;
}

/** The newest revision whose template gives the ConfigMap this prefix while the one before did not. */
function findPrefixRevision(revisions: readonly RevisionEvidence[], container: string, configMap: string, prefix: string): PrefixedAway['since'] {
  const sorted = sortRevisions(revisions);
  const prefixOf = (r: RevisionEvidence | undefined) => r?.containers.find((c) => c.name === container)?.envFrom.find((e) => e.kind === 'configMap' && e.name === configMap)?.prefix;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [now, before] = [sorted[i], sorted[i + 1]];
    if (now === undefined || before === undefined || prefixOf(now) !== prefix) continue;
    const was = prefixOf(before);
    if (was !== prefix) return { revision: now.revision, previous: before.revision, ...(was ? { was } : {}) };
  }
  return undefined;
}

/** How the reading is told: the ConfigMap holds the names, the prefix renames them. */
export function tellPrefixedAway(p: PrefixedAway, container: string): ToldReading & { evidence: string[] } {
  const names = p.variables.join(', ');
  const seen = p.variables.map((v) => `${p.prefix}${v}`).join(', ');
  const plural = p.variables.length > 1;
  const since = p.since ? ` since revision ${p.since.revision}` : '';
  const undo = p.since ? `; rolling back to revision ${p.since.previous} brings the bare names back meanwhile` : '';
  return {
    title: `: ${names} ${plural ? 'are' : 'is'} in ConfigMap ${p.configMap}, but envFrom adds prefix ${p.prefix}${since}, so the container sees ${seen}`,
    cause: `Container ${container} takes ConfigMap ${p.configMap} whole through envFrom with prefix ${p.prefix}${since}: the kubelet puts the prefix before every key, so ${names} reach${plural ? '' : 'es'} the process as ${seen}, and the app, which reads ${plural ? 'them' : 'it'} by ${plural ? 'their' : 'its'} bare name${plural ? 's' : ''}, finds ${plural ? 'them' : 'it'} unset and refuses to start. The ConfigMap still holds ${plural ? 'these keys' : 'the key'}; neither it nor the image is at fault, and a restart changes nothing.`,
    action: `Remove prefix ${p.prefix} from the envFrom of ConfigMap ${p.configMap} (or make the app read ${seen}, or set ${names} explicitly in env)${undo}.`,
    fix: `remove prefix ${p.prefix} from the envFrom of ConfigMap ${p.configMap} (or make the app read ${seen})`,
    ...(p.since ? { datesChange: true as const } : {}),
    evidence: [
      `ConfigMap ${p.configMap} has key${plural ? 's' : ''} ${names}; container ${container} takes it through envFrom with prefix ${p.prefix}, so it sees ${seen}`,
      ...(p.since ? [`revision ${p.since.revision} set the prefix (${p.since.was ?? 'none'} → ${p.prefix}); revision ${p.since.previous} took the keys by their own names`] : []),
    ],
  };
}
