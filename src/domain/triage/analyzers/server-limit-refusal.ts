/**
 * The workload's server refusing or dropping requests at one of its own limits, as its log says
 * (server-limit-refusal.ts): logged at WARNING or INFO, with the pods Ready, so no error count
 * shows it. The limit is the mechanism; the revision that set it — a flag added or lowered, or a
 * server release whose default is lower — is its trigger, and the finding says which it was.
 */
import type { TriageEvidence } from '../evidence.js';
import type { RevisionEvidence } from '../evidence-spec.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';
import { findServerLimitRefusals, hasLoweredDefault, parseStatedLimit, readLimitSetting } from '../server-limit-refusal.js';
import type { ServerLimitRefusals } from '../server-limit-refusal.js';

/** Refused answers below this share of those logged, with a limit no revision just changed: the limit doing its job at a peak. */
const MIN_REFUSED_SHARE = 0.05;

/** How the newest revision brought the limit on, when it did: "revision 44 set --limit-concurrency 20". */
interface LimitChange {
  revision: RevisionEvidence;
  text: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** "; logged at WARNING, not as an error": why no error count showed it. */
function levelOf(line: string): string {
  if (/\b(?:ERROR|SEVERE|FATAL)\b|\[(?:error|crit)\]/.test(line)) return '';
  if (/\bWARN(?:ING)?\b|\[warn\]/.test(line)) return '; logged at WARNING, not as an error';
  return '; logged at INFO or without a level, not as an error';
}

function findLimitChange(ev: TriageEvidence, r: ServerLimitRefusals, setting: string | undefined): LimitChange | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined) return undefined;
  if (!ev.pods.some((p) => r.pods.includes(p.name) && p.revisionHash === newest.hash)) return undefined;
  const was = readLimitSetting(previous.containers.find((c) => c.name === r.container), r.reading);
  const now = readLimitSetting(newest.containers.find((c) => c.name === r.container), r.reading) ?? setting;
  if (now !== undefined && now !== was) return { revision: newest, text: `revision ${newest.revision} ${was === undefined ? `added ${now}` : `changed ${was} to ${now}`}` };
  // A server release whose default is lower: a new image of the container (or its change cause) brought it.
  const lowered = r.reading.lowered;
  const stated = parseStatedLimit(r.stated);
  if (lowered === undefined || now !== undefined || r.version === undefined || !hasLoweredDefault(lowered, r.version) || (stated !== undefined && stated !== lowered.now)) return undefined;
  const image = (x: RevisionEvidence) => x.containers.find((c) => c.name === r.container)?.image;
  if (image(newest) === image(previous)) return undefined;
  return { revision: newest, text: `revision ${newest.revision} brought ${r.reading.server} ${r.version}, whose default ${r.reading.setting} is ${fmt(lowered.now)} (${fmt(lowered.was)} before)` };
}

export function analyzeServerLimitRefusal(ev: TriageEvidence): Finding[] {
  const r = findServerLimitRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (r === undefined) return [];
  const { reading, container, hits, pods } = r;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const spec = podObjects[0]?.containers.find((c) => c.name === container);
  const setting = readLimitSetting(spec, reading);
  const change = findLimitChange(ev, r, setting);
  if (change === undefined && r.answered > 0 && reading.status !== undefined && r.refused < MIN_REFUSED_SHARE * r.answered) return [];
  const ready = podObjects.filter((p) => p.ready).length;
  const stated = parseStatedLimit(r.stated);
  const limit = setting ?? (stated !== undefined ? `${reading.setting} ${fmt(stated)}` : reading.setting);
  const lowered = setting === undefined && change !== undefined ? reading.lowered : undefined;
  const first = lowered === undefined ? undefined : lowered.since[(r.version ?? '').split('.').slice(0, 2).join('.')];
  const defaulted = lowered === undefined ? '' : ` (${reading.server}'s default${first !== undefined ? ` since ${(r.version ?? '').split('.').slice(0, 2).join('.')}.${first}` : ''}; ${fmt(lowered.was)} before)`;
  const server = r.version !== undefined ? `${reading.server} ${r.version}` : reading.server;
  const answered = r.refused > 0 ? `, ${r.refused} of ${r.answered} requests answered ${reading.status ?? ''}` : '';
  const quote = condenseStructuredLine(hits.at(-1)?.line ?? '');
  const said = reading.line.exec(hits.at(-1)?.line ?? '')?.[0] ?? quote.slice(0, 90);
  const title = `${server} ${reading.refuses} past its own limit, ${limit}${defaulted}: ${hits.length} "${said}" line${hits.length === 1 ? '' : 's'} in ${pods.length} ${ready === podObjects.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}${answered}`;
  const podsStart = earliest(podObjects.map((p) => p.startTime ?? p.createdAt));
  const logged = earliest(hits.map((h) => h.at));
  const fix = `${reading.raise} on container ${container}`;
  return [
    {
      id: `server-limit/${reading.id}`,
      kind: 'resource-exhaustion',
      title,
      layer: 'container/process',
      severity: 'warning',
      confidence: setting !== undefined || change !== undefined || hits.length >= 10 ? 'high' : 'medium',
      evidence: [
        `${hits.length} line${hits.length === 1 ? '' : 's'} of ${server} (container ${container}) in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''} saying it refused at its limit${levelOf(quote)}`,
        `log ${hits.at(-1)?.pod ?? ''}/${container}: ${(hits.at(-1)?.line ?? '').slice(0, 400)}`,
        `limit: ${setting !== undefined ? `${setting} (container ${container}'s command, args or env)` : stated !== undefined ? `${reading.setting} ${fmt(stated)}, as the server states it; not set in the container's command, args or env` : `${reading.setting}; its value was not read`}`,
        ...(change !== undefined ? [`${change.text} (${formatAgo(change.revision.createdAt, ev.collectedAt)}${change.revision.changeCause ? `, "${change.revision.changeCause}"` : ''})`] : []),
        ...(r.answered > 0 && reading.status !== undefined ? [`access log of the same pods: ${r.refused} of ${r.answered} requests answered ${reading.status}`] : []),
        `${ready}/${podObjects.length} of these pods Ready`,
      ],
      decisive: quote.slice(0, 300),
      // The limit is in the server from its start when a revision set it; else the refusals date it.
      ...(change !== undefined ? { onset: podsStart ?? change.revision.createdAt, latent: `${change.text}: the limit is in the server since it started, and refuses whenever a request meets it` } : logged !== undefined ? { onset: logged } : {}),
      likelyCause: `${reading.cause}${change !== undefined ? ` Here ${change.text}.` : ''}`,
      nextAction: `Mitigate: ${change !== undefined ? `roll back to the revision before ${change.revision.revision}, or ` : ''}${fix}.`,
      fix,
      confirmCommands: [formatKubectl(ev.target, `logs ${hits.at(-1)?.pod ?? pods[0] ?? ''} -c ${container} --tail=300`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
