/**
 * Sessions kept in each pod's own memory while several replicas serve (in-process-sessions.ts):
 * users lose their login and their form posts at random, the pods stay Ready. More replicas bring
 * it on — a scale-up of the same revision is its trigger and one replica undoes it — and the
 * lasting fix is a store the replicas share. A rollback changes nothing.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { LOST_LOGIN_STATE, findInProcessSessions } from '../in-process-sessions.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { countReadyPods, getDesiredReplicas, listNodesOf, severityForPods } from '../pod-status.js';
import { listSelectingServices } from '../service-match.js';
import { joinAnd, truncate } from '../../text.js';

export function analyzeInProcessSessions(ev: TriageEvidence): Finding[] {
  const running = ev.pods.filter((p) => p.phase === 'Running');
  if (running.length < 2) return [];
  const containers = ev.pods[0]?.containers ?? [];
  const s = findInProcessSessions(ev.logs, containers, new Set(running.map((p) => p.name)), ev.settingConfig ?? []);
  if (s === undefined) return [];
  const podObjects = running.filter((p) => s.pods.includes(p.name));
  const replicas = Math.max(getDesiredReplicas(ev), running.length);
  const services = listSelectingServices(ev);
  const sticky = services.filter((v) => v.clientIpAffinity !== undefined);
  const affinity = services.length === 0
    ? ''
    : sticky.length === 0
      ? `; Service ${joinAnd(services.map((v) => v.name))} has no sessionAffinity, so each request may land on any pod`
      : `; Service ${joinAnd(sticky.map((v) => v.name))} pins clients by IP, which does not hold behind a proxy or NAT that shares their address`;
  const kinds = [...new Set(s.lost.map((h) => (/" 419\b/.test(h.line) ? '419 Page Expired on their form posts' : LOST_LOGIN_STATE.test(h.line) ? 'login callbacks failing the OAuth state check, "state mismatch"' : /csrf token mismatch/i.test(h.line) ? '"CSRF token mismatch"' : /csrf/i.test(h.line) ? '"invalid csrf token"' : /no session/i.test(h.line) ? '"no session for sid"' : 'session not found')))];
  const where = /\bfiles?\b|filesystem/i.test(s.store) ? "on each pod's own disk" : "in each pod's memory";
  const title = `Sessions are kept ${where} (${s.store}) and the ${replicas} replicas do not share them: ${s.lost.length} requests in ${s.pods.length} pods came without the session another pod holds (${joinAnd(kinds)})${affinity}`;
  const fix = 'move the sessions to a store the replicas share (Redis, the database) before running more than one replica';
  const ref = formatWorkloadRef(ev.target);
  const last = s.lost.at(-1);
  return [{
    id: 'session-affinity/in-process-sessions',
    kind: 'session-affinity',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, countReadyPods(ev)),
    confidence: 'medium',
    evidence: [
      `session store: ${s.store}`,
      ...s.pods.slice(0, 3).map((p) => `${p}: ${s.lost.filter((h) => h.pod === p).length} requests without their session`),
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
      ...services.map((v) => `Service ${v.name}: sessionAffinity ${v.clientIpAffinity ? 'ClientIP' : 'None'}`),
    ],
    decisive: truncate(condenseStructuredLine(last?.line ?? ''), 220),
    scalesWithReplicas: true,
    ...(s.first ? { onset: s.first } : {}),
    likelyCause: `Each pod keeps the sessions it created in its own process memory. With one replica every request finds its session; with ${replicas}, a login stored on one pod is unknown to the next pod the Service sends the user to, so users are sent back to the login page at random and their form posts fail the CSRF check whose secret the session holds. The pods stay Ready; a restart or a rollback changes nothing, and every pod restart also logs out everyone it held.`,
    nextAction: `Scale ${ev.target.name} to one replica now (${formatKubectl(ev.target, `scale ${ref} --replicas=1`)}) or set sessionAffinity: ClientIP on its Service as a stopgap, then ${fix}.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${s.pods[0] ?? ''} --tail=200 | grep -i -e session -e csrf`),
      ...services.slice(0, 1).map((v) => formatKubectl(ev.target, `get service ${v.name} -o jsonpath='{.spec.sessionAffinity}'`)),
    ],
    affected: { pods: s.pods, nodes: listNodesOf(podObjects) },
  }];
}
