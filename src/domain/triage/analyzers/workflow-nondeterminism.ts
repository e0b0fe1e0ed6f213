/**
 * Temporal workers whose workflow tasks fail replay with a nondeterminism error: the workflow code
 * now schedules other commands than the history recorded (an activity inserted, removed or
 * reordered without workflow.GetVersion / Workflow.getVersion / patched). Workflows started before
 * the change are stuck retrying their workflow task forever, while the pods stay Ready and new
 * workflows complete. The change that does it is the workers' newest revision when it rolled out
 * before the failures; rolling back lets the old code replay them, then the change is re-shipped
 * behind a version check.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { sortRevisions, splitImage } from '../revision-diff.js';
import { earliest, formatAgo } from '../time-span.js';
import { isInTriggerWindow } from '../trigger-window.js';
import { findWorkflowNondeterminism, readNondeterminismWords } from '../workflow-nondeterminism.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function analyzeWorkflowNondeterminism(ev: TriageEvidence): Finding[] {
  const found = findWorkflowNondeterminism(ev.logs.filter((l) => !l.previous));
  if (found === undefined) return [];
  const now = ev.collectedAt;
  const onset = earliest(found.hits.map((h) => readLineTime(h.line)));
  const [newest, before] = sortRevisions(ev.revisions);
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  // Blame the newest revision only when the failing pods run it and it came in before the failures.
  const onNewest = newest !== undefined && podObjects.length > 0 && podObjects.every((p) => p.revisionHash === newest.hash);
  const blamed = newest !== undefined && before !== undefined && onNewest && isInTriggerWindow(newest.createdAt, onset ?? now) ? newest : undefined;
  const version = (r: { containers: { image: string }[] }): string | undefined => {
    const image = r.containers[0]?.image;
    return image ? splitImage(image).version || undefined : undefined;
  };
  const named = (r: NonNullable<typeof newest>): string => `revision ${r.revision}${version(r) ? ` (${version(r) ?? ''})` : ''}`;
  const types = found.workflowTypes.length > 0 ? found.workflowTypes.slice(0, 3).join(', ') : 'workflow';
  const stuck = found.workflowIds.length > 0 ? `${plural(found.workflowIds.length, 'workflow')} (${found.workflowIds.slice(0, 2).join(', ')}${found.workflowIds.length > 2 ? ', …' : ''})` : 'in-flight workflows';
  const last = found.hits[found.hits.length - 1];
  const quote = last ? condenseStructuredLine(last.line).slice(0, 260) : '';
  const since = blamed
    ? `since ${named(blamed)}, rolled out ${formatAgo(blamed.createdAt, now)}, changed the workflow code without versioning`
    : 'the workflow code no longer matches the history those workflows recorded (a change shipped without versioning)';
  const words = last ? readNondeterminismWords(last.line) : undefined;
  const title = `${types} workflows started before the change fail replay with a nondeterminism error${words ? ` (${words})` : ''}: ${stuck} stuck retrying their workflow task (${plural(found.hits.length, 'failure')} logged) ${since}`;
  const rollback = blamed && before ? `roll the workers back to ${named(before)} so the old code replays them, then re-ship the change behind GetVersion/patched()` : 'version the change with workflow.GetVersion / Workflow.getVersion / patched() (or worker versioning) and redeploy';
  const fix = `${rollback}; then reset workflows still stuck`;
  return [{
    id: `dependency-error/workflow-nondeterminism/${types}`,
    kind: 'dependency-error',
    title,
    ...(blamed ? { datesChange: true as const } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: blamed ? 'high' : 'medium',
    evidence: [
      `nondeterminism failures: ${plural(found.hits.length, 'line')} in ${found.pods.join(', ')}`,
      ...(last ? [`log ${last.pod}: ${quote}`] : []),
      ...(blamed ? [`${named(blamed)} created ${formatAgo(blamed.createdAt, now)}${blamed.changeCause ? ` — ${blamed.changeCause}` : ''}; before it ${before ? named(before) : 'none'}`] : []),
    ],
    decisive: quote,
    likelyCause: `A Temporal worker replays each workflow's history through the current code; when the code now issues another command than the history recorded (an activity added, removed or reordered without a version check), the SDK fails the workflow task with a nondeterminism error and the server retries it forever. Workflows started after the change replay fine, so nothing else looks wrong.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(onset ? { onset } : {}),
    confirmCommands: [
      ...found.pods.slice(0, 2).map((p) => formatKubectl(ev.target, `logs ${p} --since=1h | grep -i nondetermin`)),
      ...(blamed ? [formatKubectl(ev.target, `rollout history ${ev.target.kind.toLowerCase()}/${ev.target.name}`)] : []),
    ],
    affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
  }];
}
