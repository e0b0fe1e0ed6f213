/**
 * The workload's Spring MVC server answering 404 to paths that end in a slash, again and again,
 * while its pods are healthy (trailing-slash-match.ts): Spring Framework 6 (Spring Boot 3) no
 * longer matches "/…/" to the "/…" handler. The revision that moved it to Spring Boot 3 is the
 * since (runtime-upgrade.ts): read from the change-cause or the image, else the newest image change
 * before the first miss.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { SPRING_BOOT, findUpgradeStep } from '../runtime-upgrade.js';
import { earliest, msBetween } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { findTrailingSlashMisses } from '../trailing-slash-match.js';

export function analyzeTrailingSlash404(ev: TriageEvidence): Finding[] {
  const found = findTrailingSlashMisses(ev.logs);
  if (found === undefined) return [];
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const onset = earliest(found.hits.map((h) => h.at));
  const step = findUpgradeStep(ev.revisions, podObjects, SPRING_BOOT, 3, ev.collectedAt);
  // The upgrade came before the first miss the log holds.
  const since = step !== undefined && (onset === undefined || msBetween(step.revision.createdAt, onset) >= 0) ? step : undefined;
  const last = found.hits[found.hits.length - 1];
  const routes = found.routes.slice(0, 2).map((r) => `"${r}"`).join(' and ');
  const counted = `${found.hits.length} in ${found.pods.length} ${ready === found.pods.length ? 'ready ' : ''}pod${found.pods.length === 1 ? '' : 's'}`;
  const framework = found.noResourceException ? 'Spring Framework 6.1+ (Spring Boot 3.2+)' : 'Spring Framework 6 (Spring Boot 3)';
  // Within the trigger window the verdict names the revision itself; before it, the title does.
  const sinceText = since !== undefined && !isInTriggerWindow(since.revision.createdAt, onset) ? ` since ${since.named}` : '';
  const rollback = since ? `roll back to revision ${since.previous.revision}, or ` : '';
  const fix = 'restore trailing-slash handling (a filter that redirects or rewrites "/…/" to "/…", or explicit "/…/" mappings), and have the callers drop the trailing slash from their URLs';
  return [{
    id: `container-config/trailing-slash-404/${found.container}`,
    kind: 'container-config',
    title: `${ev.target.name} answers 404 to URLs with a trailing slash (${routes}${found.routes.length > 2 ? ', …' : ''}; ${counted})${sinceText}: ${framework} no longer matches a trailing slash to the handler without it`,
    ...(since ? { datesChange: true as const } : {}),
    layer: 'network/routing',
    severity: 'warning',
    confidence: found.noResourceException || since?.to !== undefined ? 'high' : 'medium',
    evidence: [
      `404 on paths ending in "/": ${counted}${found.others > 0 ? `; ${found.others} other miss${found.others === 1 ? '' : 'es'} without the slash` : ''}`,
      `log ${last?.pod ?? ''}/${found.container}: ${condenseStructuredLine(last?.line ?? '').slice(0, 300)}`,
      ...(since ? [`${since.named}: ${since.revision.containers.map((c) => c.image).join(', ')}${since.revision.changeCause ? ` — ${since.revision.changeCause}` : ''}; revision ${since.previous.revision} before it ran ${since.previous.containers.map((c) => c.image).join(', ')}`] : []),
      `${ready}/${podObjects.length} of these pods Ready: the probes' paths have no trailing slash`,
    ],
    decisive: condenseStructuredLine(last?.line ?? ''),
    ...(onset ? { onset } : {}),
    likelyCause:
      `Spring Framework 6 (Spring Boot 3) turned trailing-slash matching off by default: a request to "/…/" no longer maps to the "/…" handler, falls through to the static resource handler and is answered 404 ` +
      `(${found.noResourceException ? 'NoResourceFoundException "No static resource …", logged at WARN' : '"No mapping for …"'}). Callers that build their URLs with a trailing slash fail, while the same paths without it, and every other call, answer 200; the pods are healthy.` +
      `${since ? ` ${since.named} brought the new framework.` : ''}`,
    nextAction: `${rollback ? `${rollback.charAt(0).toUpperCase()}${rollback.slice(1)}` : ''}${rollback ? fix : `${fix.charAt(0).toUpperCase()}${fix.slice(1)}`}. Restarting the pods will not help.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${last?.pod ?? ''} -c ${found.container} --tail=200`),
      ...(since ? [formatKubectl(ev.target, `rollout history ${ev.target.kind.toLowerCase()}/${ev.target.name} --revision=${since.revision.revision}`)] : []),
    ],
    affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
  }];
}
