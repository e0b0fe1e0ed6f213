/**
 * The workload refuses every bearer token because their audience is not the one it accepts: its
 * audience setting changed (most often by a revision, ahead of the callers) or the callers now
 * ask for tokens of another audience. A configuration mismatch between the workload and its
 * callers, not their bad tokens: every caller gets 401 while the pods stay Ready.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeTokenSetting } from '../issuer-setting.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo, formatClock } from '../time-span.js';
import { findAudienceMismatch, findAudienceSetting, quoteAudienceRefusal } from '../token-audience-mismatch.js';

interface SettingChange { revision: number; createdAt: string; before?: string; after?: string }

/** The newest revision whose literal value of the setting differs from the revision before it. */
function findSettingChange(ev: TriageEvidence, container: string, name: string): SettingChange | undefined {
  const valueIn = (r: ReturnType<typeof sortRevisions>[number]): string | undefined => {
    const e = (r.containers.find((c) => c.name === container) ?? r.containers[0])?.env.find((x) => x.name === name);
    return e !== undefined && 'value' in e ? e.value : undefined;
  };
  const sorted = sortRevisions(ev.revisions);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const newer = sorted[i];
    const older = sorted[i + 1];
    if (newer === undefined || older === undefined) continue;
    const after = valueIn(newer);
    const before = valueIn(older);
    if (after === before) continue;
    return { revision: newer.revision, createdAt: newer.createdAt, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  }
  return undefined;
}

export function analyzeAudienceMismatch(ev: TriageEvidence): Finding[] {
  const r = findAudienceMismatch(ev.logs, ev.collectedAt);
  if (r === undefined) return [];
  const who = ev.target.name;
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === r.hits[0]?.container) ?? podObjects[0]?.containers[0];
  const setting = findAudienceSetting(container, ev.namespaceObjects);
  const change = setting && setting.configMap === undefined && container ? findSettingChange(ev, container.name, setting.name) : undefined;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const since = r.first ? (r.onsetSeen ? ` since ${formatClock(r.first)} (${formatAgo(r.first, ev.collectedAt)})` : ` since before ${formatClock(r.first)}`) : '';
  const quote = quoteAudienceRefusal(condenseStructuredLine(r.hits.at(-1)?.line ?? ''));
  const settingText = setting ? describeTokenSetting(setting, ev.collectedAt) : undefined;
  const changedBy = change && setting
    ? `revision ${change.revision} (${formatAgo(change.createdAt, ev.collectedAt)}) changed ${setting.name} ${change.before !== undefined ? `"${change.before}"` : '(unset)'} → ${change.after !== undefined ? `"${change.after}"` : '(unset)'}`
    : undefined;
  // The revision that changed the setting dates the refusals: it leads, as the trigger.
  const lead = changedBy ? `Since ${changedBy}: ` : '';
  const expects = changedBy ? '' : settingText ? `: its audience setting is ${settingText}` : '';
  const carried = r.got ? `aud "${r.got}"` : change?.before !== undefined ? `the audience it accepted before ("${change.before}")` : 'another audience';
  const answered = r.served401 > 0 ? ', answered 401' : '';
  const none = r.servedOkAfter === 0 ? ', none served' : '';
  const title = `${lead}${who} refuses every bearer token for its audience (aud)${changedBy ? '' : since} — "${quote}"${expects}; the callers' tokens ${changedBy ? 'still ' : ''}carry ${carried}; ${plural(r.hits.length, 'refusal')} in ${plural(r.pods.length, 'pod')}${answered}${none}`;
  const where = setting ? `${setting.name}${setting.configMap ? ` in ConfigMap ${setting.configMap.name}` : ''}` : `${who}'s audience setting`;
  const oldAud = change?.before ?? r.got;
  const fix = `make ${who} accept the callers' audience as well${oldAud ? ` ("${oldAud}")` : ''} until every caller asks its identity provider for the new one, or set ${where} back`;
  return [{
    id: 'token-rejected/audience-mismatch',
    kind: 'token-rejected',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, podObjects.length) === 'critical' || r.servedOkAfter === 0 ? 'critical' : 'warning',
    confidence: setting !== undefined ? 'high' : 'medium',
    evidence: [
      ...[...new Set(r.hits.map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line)}`))].slice(-2),
      `refused${since}${r.last ? `, last ${formatClock(r.last)}` : ''}; after the first refusal ${r.served401} answers 401, ${r.servedOkAfter} served`,
      ...(settingText ? [`audience setting: ${settingText}`] : []),
      ...(changedBy ? [changedBy] : []),
    ],
    decisive: quote,
    ...(r.first && r.onsetSeen ? { onset: r.first } : {}),
    ...(changedBy ? { datesChange: true as const } : {}),
    rollbackUndoes: `the new audience setting, which the callers must move to anyway`,
    likelyCause:
      `Every token names the API it is meant for (aud); ${who} accepts only the audience it is configured with${settingText ? ` (${settingText})` : ''}. ` +
      `${changedBy ? `Since ${changedBy}, ` : 'Since the onset '}the tokens its callers get from the identity provider no longer carry that audience, so every request is refused 401 before it reaches the handler — a configuration mismatch between ${who} and its callers, not a fault of any one caller. The pods stay Ready and the validator logs it below ERROR.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    confirmCommands: [
      ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200 | grep -i aud`)),
      formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)}${change ? ` --revision=${change.revision}` : ''}`),
      ...(setting?.configMap ? [formatKubectl(ev.target, `get configmap ${setting.configMap.name} -o yaml`)] : []),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
