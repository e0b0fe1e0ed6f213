/**
 * An ASP.NET Core key ring each replica keeps for itself (data-protection-keys.ts): cookies and
 * antiforgery tokens one pod issued are refused by the others, users are logged out and form posts
 * fail while the pods stay Ready. More replicas bring it on — a scale-up of the same revision is its
 * trigger and one replica undoes it — and the lasting fix is a key ring the replicas share.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { findPerPodKeyRing } from '../data-protection-keys.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { countReadyPods, getDesiredReplicas, listNodesOf, severityForPods } from '../pod-status.js';
import { joinAnd, truncate } from '../../text.js';

export function analyzeDataProtectionKeys(ev: TriageEvidence): Finding[] {
  const running = ev.pods.filter((p) => p.phase === 'Running');
  const ring = findPerPodKeyRing(ev.logs, new Set(running.map((p) => p.name)));
  if (ring === undefined) return [];
  const replicas = Math.max(getDesiredReplicas(ev), running.length);
  const kinds = [...new Set(ring.refused.map((r) => (/antiforgery/i.test(r.line) ? '"The antiforgery token could not be decrypted"' : /Unprotect ticket/i.test(r.line) ? '"Unprotect ticket failed"' : /key ring/i.test(r.line) ? '"The key {…} was not found in the key ring"' : 'session cookie not unprotected')))];
  const title = `ASP.NET Core Data Protection keys are not shared: each of the ${replicas} replicas keeps its own key ring${ring.where ? ` (${ring.where})` : ''}, so cookies and antiforgery tokens one pod issued cannot be decrypted by another: ${ring.refused.length} requests in ${ring.pods.length} pods (${joinAnd(kinds.slice(0, 2))})`;
  const fix = 'persist the key ring to a store the replicas share (PersistKeysToStackExchangeRedis, …ToDbContext, …ToAzureBlobStorage, or a shared volume) with one SetApplicationName';
  const ref = formatWorkloadRef(ev.target);
  const last = ring.refused.at(-1);
  const podObjects = running.filter((p) => ring.pods.includes(p.name));
  return [{
    id: 'session-affinity/data-protection-keys',
    kind: 'session-affinity',
    title,
    layer: 'container/process',
    severity: severityForPods(ev, countReadyPods(ev)),
    confidence: ring.where ? 'high' : 'medium',
    evidence: [
      ...(ring.where ? [`key ring: ${ring.where}, as the Data Protection start-up warning says`] : []),
      ...ring.pods.slice(0, 3).map((p) => `${p}: ${ring.refused.filter((r) => r.pod === p).length} requests whose cookie or token another pod protected`),
      ...(last ? [`log ${last.pod}: ${truncate(last.line, 300)}`] : []),
    ],
    decisive: truncate(last?.line ?? '', 220),
    scalesWithReplicas: true,
    ...(ring.first ? { onset: ring.first } : {}),
    likelyCause: `Data Protection encrypts the auth cookie, antiforgery tokens and TempData with the keys of its key ring. Nothing persists the ring to a shared store, so each pod made its own key at start${ring.where ? ` (${ring.where})` : ''}. With one replica every request comes back to the pod that protected it; with ${replicas}, the next pod does not know the key, so users are logged out at random and form posts fail with 400. The pods stay Ready; a restart makes new keys and logs out everyone again, and a rollback changes nothing.`,
    nextAction: `Scale ${ev.target.name} to one replica now (${formatKubectl(ev.target, `scale ${ref} --replicas=1`)}), then ${fix}.`,
    fix,
    confirmCommands: [formatKubectl(ev.target, `logs ${ring.pods[0] ?? ''} --tail=300 | grep -i -e "key ring" -e antiforgery -e unprotect -e DataProtection`)],
    affected: { pods: ring.pods, nodes: listNodesOf(podObjects) },
  }];
}
