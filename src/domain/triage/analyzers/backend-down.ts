/**
 * The workload is a load balancer (HAProxy) that is Ready and answers 503 to everything: its own
 * health checks marked every server of a backend DOWN, so it has no server to send to (<NOSRV>).
 * A senior SRE reads the check from its config, the reason HAProxy gave (a status the check did
 * not expect, a path gone), and what changed under it: the servers' newest revision, whose own
 * probes may show where the path moved. The fix is where the two disagree: the check or the servers.
 */
import type { TriageEvidence } from '../evidence.js';
import type { PeerRevisionEvidence } from '../evidence-peer-rollout.js';
import type { Finding } from '../finding.js';
import { findBackendDown, probePath } from '../haproxy-backend-down.js';
import { formatKubectl } from '../kubectl-command.js';
import { formatAgo } from '../time-span.js';
import { truncate } from '../../text.js';

/** How long before the first refused request a revision of the servers may have come to be named its trigger. */
const TRIGGER_WINDOW_MS = 6 * 3600_000;

function paths(r: PeerRevisionEvidence | undefined): string[] {
  return (r?.probes ?? []).flatMap((p) => [probePath(p.readiness), probePath(p.liveness), probePath(p.startup)]).filter((x): x is string => x !== undefined);
}

function version(r: PeerRevisionEvidence): string | undefined {
  return /:([\w][\w.-]*)$/.exec(r.images[0]?.replace(/@sha256:[0-9a-f]+$/, '') ?? '')?.[1];
}

export function analyzeBackendDown(ev: TriageEvidence): Finding[] {
  const down = findBackendDown(ev.logs);
  if (down === undefined) return [];
  const bd = ev.backendDown?.check.backend === down.backend ? ev.backendDown : undefined;
  const check = bd?.check;
  const code = /code: (\d{3})/.exec(down.reason ?? '')?.[1];
  // The workload behind the Service the servers resolve (a headless Service names no workload of its own).
  const service = bd?.rollout?.deployment ?? bd?.service;
  const servers = down.servers.length > 0 ? `${down.servers.length > 1 ? `all ${down.servers.length}` : 'the only'} server${down.servers.length > 1 ? 's' : ''} (${down.servers.join(', ')})` : 'every server';
  const checkWhat = check?.checkPath !== undefined ? `GET ${check.checkPath}` : check?.checkLine;

  // The trigger: the servers' newest revision, when it came shortly before the backend lost them.
  const [newest, before] = bd?.rollout?.revisions ?? [];
  const until = down.firstRefusedAt ?? ev.collectedAt;
  const dt = newest === undefined ? NaN : Date.parse(until) - Date.parse(newest.createdAt);
  const trigger = newest !== undefined && before !== undefined && dt >= 0 && dt <= TRIGGER_WINDOW_MS ? newest : undefined;
  const nowPaths = paths(trigger);
  const moved = trigger !== undefined && check?.checkPath !== undefined && paths(before).includes(check.checkPath) && !nowPaths.includes(check.checkPath) && nowPaths.length > 0;
  const newPath = moved ? (probePath(trigger.probes?.find((p) => p.readiness !== undefined)?.readiness) ?? nowPaths[0]) : undefined;
  const v = trigger === undefined ? undefined : version(trigger);
  const since = trigger !== undefined && service !== undefined
    ? ` since ${service} revision ${trigger.revision} (${[v, formatAgo(trigger.createdAt, ev.collectedAt)].filter(Boolean).join(', ')})${moved ? `, whose own probes moved from ${check?.checkPath} to ${newPath}` : ''}`
    : down.firstRefusedAt !== undefined ? ` since ${formatAgo(down.firstRefusedAt, ev.collectedAt)}` : '';

  const where = bd !== undefined ? ` in ConfigMap ${bd.configMap}` : '';
  const fix = moved && newPath !== undefined && check?.checkLine !== undefined
    ? `point the health check of backend ${down.backend} at ${newPath}${where} (now "${check.checkLine}"), or restore ${check.checkPath} in ${service}`
    : check?.checkPath !== undefined && code !== undefined
      ? `make the check of backend ${down.backend} ("${check.checkLine}"${where}) match what ${service ?? 'its servers'} answer${service !== undefined ? 's' : ''}: ${check.checkPath} gets ${code}`
      : `find why backend ${down.backend}'s health checks fail${down.reason !== undefined ? ` (${down.reason})` : ''} and make them pass${where}`;

  const title = `${ev.target.name} answers ${down.answer?.split(' ')[0] ?? '503'} to every request (<NOSRV>${down.answer !== undefined ? ` ${down.answer.split(' ')[1]}` : ''}): HAProxy marked ${servers} of backend ${down.backend} DOWN${
    checkWhat !== undefined ? ` — its check ${checkWhat}${code !== undefined ? ` gets ${code}` : ' fails'}${service !== undefined ? ` from ${service}` : ''}` : down.reason !== undefined ? ` (${down.reason})` : ''
  }${since}`;
  return [{
    id: `dependency-error/backend-down/${down.backend}`,
    kind: 'dependency-error',
    title,
    layer: 'network/routing',
    severity: 'critical',
    confidence: check !== undefined ? 'high' : 'medium',
    evidence: [
      `${ev.target.name}'s log (HAProxy): ${down.servers.length > 0 ? `${down.servers.map((s) => `${down.backend}/${s}`).join(', ')} DOWN${down.reason !== undefined ? ` ("${down.reason}")` : ''}, ` : ''}backend ${down.backend} has no server available, then ${down.refused} requests answered ${down.answer ?? '503'} with <NOSRV> (${down.pods.join(', ')})`,
      ...(check !== undefined && bd !== undefined ? [`ConfigMap ${bd.configMap} (${bd.key}), backend ${down.backend}: ${[check.checkLine, check.expectLine, check.host !== undefined ? `servers resolve ${check.host}` : undefined].filter(Boolean).join('; ')}`] : []),
      ...(trigger !== undefined && service !== undefined ? [`${service} revision ${trigger.revision} (${trigger.images.join(', ')}${trigger.changeCause !== undefined ? `, "${trigger.changeCause}"` : ''}) rolled out ${formatAgo(trigger.createdAt, ev.collectedAt)}${nowPaths.length > 0 ? `; its probes now ask ${[...new Set(nowPaths)].join(', ')}` : ''}${paths(before).length > 0 ? `, revision ${before?.revision}'s asked ${[...new Set(paths(before))].join(', ')}` : ''}`] : []),
      ...down.lines.map((l) => `log: ${truncate(l, 300)}`),
    ],
    decisive: truncate(down.lines[0] ?? '', 180),
    likelyCause:
      `HAProxy sends requests only to servers its own health check finds UP. ${check?.checkLine !== undefined ? `Backend ${down.backend} checks with "${check.checkLine}"` : `Backend ${down.backend}'s check`}${code !== undefined ? `, which now gets ${code}` : ' fails'}, so every server is DOWN and HAProxy answers 503 itself, though the servers${service !== undefined ? ` of ${service}` : ''} may serve fine${moved ? ` — revision ${trigger?.revision} of ${service} moved its health endpoint to ${newPath} (its own probes were updated, the balancer's check was not)` : ''}.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; HAProxy marks the servers UP after its next checks pass.`,
    fix,
    ...(trigger !== undefined ? { datesChange: true as const } : {}),
    outsideWorkload: `the balancer's own pods and revision are unchanged; its check of backend ${down.backend} fails against its servers`,
    confirmCommands: [
      ...(bd !== undefined ? [formatKubectl(ev.target, `get configmap ${bd.configMap} -o yaml`)] : []),
      ...(down.pods[0] !== undefined ? [formatKubectl(ev.target, `logs ${down.pods[0]} -c ${down.container} --tail=100`)] : []),
      ...(bd?.rollout?.deployment !== undefined ? [formatKubectl(ev.target, `rollout history deployment/${bd.rollout.deployment}`)] : []),
    ],
    affected: { pods: down.pods, nodes: [] },
  }];
}
