/**
 * The workload refuses every bearer token because their issuer is not the one it trusts: the
 * identity provider now signs as another issuer (its hostname or realm changed) or the
 * workload's issuer setting was changed. It is a configuration mismatch between the workload and
 * its provider, not callers' bad tokens, and a rollback of the workload changes nothing while its
 * issuer setting stays the same: aligning the two does.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeTokenSetting, findIssuerSetting } from '../issuer-setting.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';
import { findIssuerMismatch, quoteRefusal } from '../token-issuer-mismatch.js';
import { findIssuerProviderChange } from '../issuer-provider-change.js';

export function analyzeIssuerMismatch(ev: TriageEvidence): Finding[] {
  const r = findIssuerMismatch(ev.logs, ev.collectedAt);
  if (r === undefined) return [];
  const who = ev.target.name;
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === r.hits[0]?.container) ?? podObjects[0]?.containers[0];
  const setting = findIssuerSetting(container, ev.namespaceObjects);
  const settingText = setting ? describeTokenSetting(setting, ev.collectedAt) : undefined;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  // The tails may begin after the onset: then the first refusal read is only where they begin.
  const since = r.first ? (r.onsetSeen ? ` since ${formatClock(r.first)} (${formatAgo(r.first, ev.collectedAt)})` : ` since before ${formatClock(r.first)}`) : '';
  const quote = quoteRefusal(condenseStructuredLine(r.hits.at(-1)?.line ?? ''));
  const setBy = settingText ? `its ${settingText}` : 'its issuer setting';
  // The validator's own sentence names both issuers: quoted once, not told twice.
  const issuers = r.expected !== undefined && r.got !== undefined && quote.includes(r.expected) && quote.includes(r.got)
    ? `"${quote}" — the expected one is ${setBy}`
    : `${r.got ? `the tokens carry iss "${r.got}"` : 'the tokens carry another issuer'}, ${setBy} expects ${r.expected ? `"${r.expected}"` : 'another'}`;
  const answered = r.served401 > 0 ? `, answered 401` : '';
  const none = r.servedOkAfter === 0 ? ', none served' : '';
  // The provider's own rollout that moved its issuer, when the cluster runs it: the trigger.
  const change = findIssuerProviderChange(ev.issuerProvider, r.first, ev.collectedAt);
  const lead = change ? `Since ${change.text}: ` : '';
  const title = `${lead}${who} refuses every bearer token${since}: ${issuers}; ${plural(r.hits.length, 'refusal')} in ${plural(r.pods.length, 'pod')}${answered}${none}`;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const where = setting ? `${setting.name}${setting.configMap ? ` in ConfigMap ${setting.configMap.name}` : ''}` : `${who}'s issuer setting`;
  const fix = r.got
    ? `set ${where} to ${r.got} and restart ${who}, or revert ${change ? `${change.setting.name} of ${change.ref}` : "the identity provider's hostname"}`
    : `align ${where} with the issuer the identity provider now signs as and restart ${who}`;
  return [{
    id: 'token-rejected/issuer-mismatch',
    kind: 'token-rejected',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, podObjects.length) === 'critical' || r.servedOkAfter === 0 ? 'critical' : 'warning',
    confidence: r.expected !== undefined && r.got !== undefined ? 'high' : 'medium',
    evidence: [
      ...[...new Set(r.hits.map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line)}`))].slice(-2),
      `refused${since}${r.last ? `, last ${formatClock(r.last)}` : ''}; after the first refusal ${r.served401} answers 401, ${r.servedOkAfter} served`,
      ...(settingText ? [`issuer setting: ${settingText}`] : []),
      ...(change ? [`identity provider: ${change.ref}, revision ${ev.issuerProvider?.revision ?? '?'} (${change.at}) changed ${change.setting.name} ${change.setting.before} → ${change.setting.value}`] : []),
    ],
    decisive: quote,
    ...(r.first && r.onsetSeen ? { onset: r.first } : {}),
    datesChange: true,
    outsideWorkload: `the tokens' issuer and ${who}'s issuer setting no longer match: any revision of ${who} with the same setting refuses them alike`,
    likelyCause:
      `Every token names its issuer (iss); ${who} accepts only tokens from the issuer it is configured with${r.expected ? ` (${r.expected})` : ''}${settingText ? `, set by ${settingText}` : ''}. ` +
      `${r.got ? `Since the onset every token carries ${r.got}` : 'Since the onset every token carries another issuer'}: the identity provider now signs as another issuer (its hostname, frontend URL or realm changed) while ${who}'s setting still names the old one — a configuration mismatch, not callers' bad tokens. Every user gets 401.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (\`${restart}\` — the bot will not).${change ? '' : ' Check which change at the identity provider moved its issuer.'}`,
    fix,
    confirmCommands: [
      ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
      ...(setting?.configMap ? [formatKubectl(ev.target, `get configmap ${setting.configMap.name} -o yaml`)] : []),
      ...(change ? [formatKubectl({ ...ev.target, namespace: ev.issuerProvider?.namespace ?? ev.target.namespace }, `rollout history ${change.ref.split(' ')[0]?.toLowerCase()}/${ev.issuerProvider?.name ?? ''}`)] : []),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
