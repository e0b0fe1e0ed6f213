/**
 * The workload refuses every bearer token for its signing algorithm: the issuer now signs with
 * another algorithm (RS256 where it used HS256) and the workload's verifier was not migrated. A
 * rollback of the workload changes nothing while its allowed algorithms stay the same: allowing the
 * issuer's algorithm (and verifying against its public keys) does, or reverting the issuer's change.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describeTokenSetting, findTokenSetting } from '../issuer-setting.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatAgo, formatClock } from '../time-span.js';
import { ALG_SETTING, findAlgorithmMismatch, findSigningChange } from '../token-algorithm-mismatch.js';

const ALG_ARG = /^--?[\w.-]*alg[\w.-]*=(\S+)$/i;

export function analyzeAlgorithmMismatch(ev: TriageEvidence): Finding[] {
  const r = findAlgorithmMismatch(ev.logs, ev.collectedAt);
  if (r === undefined) return [];
  const who = ev.target.name;
  const podObjects = r.pods.flatMap((p) => findPod(ev, p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === r.hits[0]?.container) ?? podObjects[0]?.containers[0];
  const setting = findTokenSetting(container, ev.namespaceObjects ?? [], ALG_SETTING, ALG_ARG);
  const settingText = setting ? describeTokenSetting(setting, ev.collectedAt) : undefined;
  const allowed = r.allowed.length > 0 ? r.allowed.join(', ') : setting?.value;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const since = r.first ? (r.onsetSeen ? ` since ${formatClock(r.first)} (${formatAgo(r.first, ev.collectedAt)})` : ` since before ${formatClock(r.first)}`) : '';
  const quote = condenseStructuredLine(r.hits.at(-1)?.line ?? '');
  const signed = r.got ? `the tokens are signed ${r.got}` : 'the tokens are signed with another algorithm';
  const allows = `${who} allows only ${allowed ?? 'another algorithm'}${settingText ? ` (${settingText})` : ''}`;
  const answered = r.served401 > 0 ? ', answered 401' : '';
  const none = r.servedOkAfter === 0 ? ', none served' : '';
  // The issuer's own rollout that changed how it signs, when it runs in the namespace: the trigger.
  const change = findSigningChange(ev.namespaceRollouts, r, ev.target.namespace, ev.collectedAt);
  const lead = change ? `Since ${change.text}: ` : '';
  const title = `${lead}${who} refuses every bearer token for its signing algorithm (invalid algorithm)${since}: ${signed}, ${allows}; ${plural(r.hits.length, 'refusal')} in ${plural(r.pods.length, 'pod')}${answered}${none}`;
  const restart = formatKubectl(ev.target, `rollout restart ${formatWorkloadRef(ev.target)}`);
  const where = setting ? setting.name : `${who}'s allowed algorithms`;
  const accept = r.got?.startsWith('HS') === false
    ? `allow ${r.got} in ${where} and verify against the issuer's public keys (its JWKS)`
    : `align ${where} with the algorithm the issuer now signs with`;
  const fix = change
    ? `${accept}, or revert ${change.setting.name} of ${ev.target.namespace}/${change.deployment} to ${change.setting.before} until ${who} accepts ${r.got ?? 'it'}`
    : accept;
  return [{
    id: 'token-rejected/algorithm-mismatch',
    kind: 'token-rejected',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, podObjects.length) === 'critical' || r.servedOkAfter === 0 ? 'critical' : 'warning',
    confidence: r.got !== undefined && allowed !== undefined ? 'high' : 'medium',
    evidence: [
      ...[...new Set(r.hits.map((h) => `log ${h.pod}: ${condenseStructuredLine(h.line)}`))].slice(-2),
      `refused${since}${r.last ? `, last ${formatClock(r.last)}` : ''}; after the first refusal ${r.served401} answers 401, ${r.servedOkAfter} served`,
      ...(settingText ? [`algorithm setting: ${settingText}`] : []),
      ...(change ? [`token issuer: Deployment ${ev.target.namespace}/${change.deployment}, revision ${change.revision} (${formatAgo(change.at, ev.collectedAt)}) changed ${change.setting.name} ${change.setting.before} → ${change.setting.value}`] : []),
    ],
    decisive: quote,
    ...(r.first && r.onsetSeen ? { onset: r.first } : {}),
    datesChange: true,
    outsideWorkload: `the tokens' signing algorithm and ${who}'s allowed algorithms no longer match: any revision of ${who} with the same setting refuses them alike`,
    likelyCause:
      `Every token names the algorithm that signed it (alg); ${who} accepts only ${allowed ?? 'the algorithms it is configured with'}${settingText ? `, set by ${settingText}` : ''}. ` +
      `${r.got ? `Since the onset every token is signed ${r.got}` : 'Since the onset every token is signed with another algorithm'}: the token issuer changed how it signs${change ? ` (${change.text})` : ''} while ${who}'s verifier was not migrated — a configuration mismatch, not callers' bad tokens. Every authenticated call gets 401.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; then restart ${who} if its setting is read at start (\`${restart}\` — the bot will not).`,
    fix,
    confirmCommands: [
      ...r.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
      ...(change ? [formatKubectl(ev.target, `rollout history deployment/${change.deployment}`)] : []),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(podObjects) },
  }];
}
