/**
 * The same class not found, again and again, on requests of Ready pods (missing-class.ts): the
 * routes that use it fail every time while the pods pass their probes. A handful of such lines is
 * not noise to wave through as "too few to call failing": each is a request that failed with a
 * fatal error, and nothing but a new image fixes it. Its onset dates it, so the revision that
 * brought it is the trigger and the one before is the way back.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { readLogLineTime } from '../log-line-time.js';
import { type MissingClassLine, parseMissingClass } from '../missing-class.js';
import { isPodFailing, listNodesOf, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { earliest } from '../time-span.js';
import { capitalize } from '../../text.js';

/** Lines naming the same class before it counts: one could be a request to a route being retired. */
const REPEATED = 3;

interface Hit {
  pod: string;
  container: string;
  line: string;
  missing: MissingClassLine;
}

export function analyzeMissingClass(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = [];
  for (const log of ev.logs) {
    if (log.previous) continue;
    const pod = ev.pods.find((p) => p.name === log.pod);
    // Crashed or unready pods have their own readings; this is the fault their probes do not see.
    if (pod === undefined || !pod.ready || isPodFailing(pod, ev.collectedAt)) continue;
    for (const line of log.lines) {
      const missing = parseMissingClass(line);
      if (missing) hits.push({ pod: log.pod, container: log.container, line, missing });
    }
  }
  const byName = new Map<string, Hit[]>();
  for (const h of hits) byName.set(h.missing.name, [...(byName.get(h.missing.name) ?? []), h]);
  const [top] = [...byName.values()].sort((a, b) => b.length - a.length);
  if (top === undefined || top.length < REPEATED) return [];
  const first = top[0] as Hit;
  const last = top[top.length - 1] as Hit;
  const pods = unique(top.map((h) => h.pod));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const onset = earliest(top.map((h) => readLogLineTime(h.line, ev.collectedAt)));
  const [newest, before] = sortRevisions(ev.revisions);
  // Only the newest revision's pods log it, and none of an older one: the image it ships lacks the class.
  const older = ev.pods.filter((p) => p.revisionHash !== undefined && newest !== undefined && p.revisionHash !== newest.hash);
  const olderLogIt = ev.logs.some((l) => !l.previous && older.some((p) => p.name === l.pod) && l.lines.some((x) => parseMissingClass(x)?.name === first.missing.name));
  const ofNewest = newest !== undefined && !olderLogIt && podObjects.every((p) => p.revisionHash === newest.hash);
  const image = ofNewest ? ` revision ${newest.revision}'s image` : ' the image';
  const quote = first.missing.quote;
  const kindWord = first.missing.what.toLowerCase();
  const counted = `${top.length} fatal errors in ${pods.length} ready pod${pods.length === 1 ? '' : 's'}`;
  const back = ofNewest && before !== undefined ? `roll back to revision ${before.revision}` : undefined;
  const fix = `ship the ${kindWord}'s file under the exact name the autoloader expects (git mv it to the ${kindWord}'s letter case, or add it to the image) and rebuild`;
  return [{
    id: `container-config/missing-class/${first.missing.name}`,
    kind: 'container-config',
    title: `Requests fail with ${quote} (${counted}): the autoloader cannot find the ${kindWord} in${image} — its file is missing, or its name differs from the ${kindWord}'s only in letter case (works on a case-insensitive macOS filesystem, not on Linux)`,
    layer: 'container/process',
    severity: 'warning',
    confidence: 'medium',
    evidence: [
      `"${quote}": ${counted} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''})`,
      `log ${last.pod}/${last.container}: ${last.line.slice(0, 300)}`,
      ...(ofNewest ? [`only pods of revision ${newest.revision} log it`] : []),
    ],
    decisive: quote,
    likelyCause: `The code calls ${first.missing.name}, but the autoloader finds no file for it in the image the pods run: every request on a route that uses it fails with an uncaught Error (HTTP 500) while the other routes and the probes work. Usually a file renamed only in letter case on a case-insensitive filesystem (git keeps the old name, PSR-4 autoloading on Linux looks for the exact one), a namespace that does not match the directory, or a file left out of the image (.dockerignore, an optimized classmap built before it existed). Confirm with ls on the class's directory in the image.`,
    nextAction: `${back ? `${capitalize(back)} to restore the failing routes; then ${fix}` : `${capitalize(fix)}`}.`,
    fix,
    ...(onset ? { onset } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last.pod} -c ${last.container} --tail=200`),
      ...(ev.target.kind === 'Deployment' ? [formatKubectl(ev.target, `rollout history deployment/${ev.target.name}`)] : []),
    ],
    affected: { pods, nodes: listNodesOf(podObjects) },
  }];
}
