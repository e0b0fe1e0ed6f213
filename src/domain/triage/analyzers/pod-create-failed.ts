import { collapseEvents, formatEventLine } from '../collapse-events.js';
import type { JobEvidence, TriageEvidence } from '../evidence.js';
import { findCondition } from '../evidence-lookup.js';
import type { Finding, Layer } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { HISTORY_MS, getDesiredReplicas, severityForPods } from '../pod-status.js';
import { NAMESPACE_TERMINATING, summarizeNamespaceDeletion } from '../namespace-deletion.js';
import { findMissingPriorityClass, findNearPriorityClass } from '../priority-class.js';
import { findLimitRangeRefusal } from '../limit-range-refusal.js';
import { findSurgeRoomRefusal } from '../quota-surge-room.js';
import { readQuotaHolder } from '../quota-holders.js';
import { earliest, formatAgo, isWithin } from '../time-span.js';
import { capitalize } from '../../text.js';

const CONTROLLER_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'Deployment']);

/** A run of the target (the Job asked for, or a CronJob's Job) still waiting for pods it cannot get. */
function findRefusedRun(ev: TriageEvidence, name: string): JobEvidence | undefined {
  const job = ev.jobs?.find((j) => j.name === name);
  if (job === undefined) return undefined;
  const finished = job.conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return finished || job.active >= (job.parallelism ?? 1) ? undefined : job;
}

interface Refusal {
  key: string;
  title: string;
  cause: string;
  action: string;
  layer: Layer;
  /** The fix as the headline states it, when the action's first clause is not it. */
  fix?: string;
  command?: string;
  /** Set when the refusal would meet any pod, of any revision: see Finding.outsideWorkload. */
  outsideWorkload?: string;
  /** Facts read elsewhere that say why (the namespace controller's conditions). */
  facts?: string[];
}

/** "https://istiod.istio-system.svc:443/inject" → the webhook's Service and namespace. */
const WEBHOOK_SERVICE_URL = /https:\/\/([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?(?::\d+)?\//i;

/** A webhook the API server could not call: its backend is down, not the pod template wrong. */
function classifyUnreachableWebhook(ev: TriageEvidence, message: string): Refusal | undefined {
  const name = /failed calling webhook "([^"]+)"/i.exec(message)?.[1];
  if (name === undefined) return undefined;
  const url = WEBHOOK_SERVICE_URL.exec(message);
  const svc = /no endpoints available for service "([^"]+)"/i.exec(message)?.[1] ?? url?.[1];
  const ns = url?.[2];
  const where = svc ? `Service ${svc}${ns ? ` in ${ns}` : ''}` : 'its backend';
  // The API server puts "?timeout=10s" in every webhook URL: that says nothing about why the call failed.
  const said = message.replace(/[?&]timeout=\d+s\b/g, '');
  let why = 'cannot be reached';
  if (/no endpoints available/i.test(said)) why = `has no endpoints (${where} has no ready pod)`;
  else if (/connection refused/i.test(said)) why = `refuses connections (${where})`;
  else if (/deadline exceeded|timeout|timed out/i.test(said)) why = `times out (${where})`;
  else if (/x509|certificate/i.test(said)) why = `presents a certificate the API server rejects (${where})`;
  return {
    key: `webhook-unreachable/${name}`,
    title: `admission webhook ${name} ${why}, so the API server refuses every new pod`,
    cause: `The webhook's failurePolicy is Fail and the API server cannot call it: ${where} is down or unreachable. Every pod created in the namespace now — a rollout, a rollback, a rescheduled pod — is refused the same way.`,
    action: `Bring ${where} back (its Deployment's replicas, its pods' state); a rollback would need new pods too and would be refused the same way.`,
    layer: 'network/routing',
    ...(svc && ns ? { command: formatKubectl({ ...ev.target, namespace: ns }, `get deployment,pods,endpointslices -l app=${svc}`) } : {}),
    outsideWorkload: 'any new pod, of any revision, is refused by the same webhook',
  };
}

/** A PriorityClass name that does not exist: named with the nearest class the namespace's pods run with. */
function classifyMissingPriorityClass(ev: TriageEvidence, message: string): Refusal | undefined {
  const missing = findMissingPriorityClass(message);
  if (missing === undefined) return undefined;
  const near = findNearPriorityClass(missing, ev.priorityClassesInUse ?? []);
  const users = near && near.usedBy.length > 0 ? ` (used by ${near.usedBy.join(', ')})` : '';
  // A Job's run has no earlier revision to fall back on: the template is the CronJob's jobTemplate or the Job's own.
  const run = ev.target.kind === 'Job' || ev.target.kind === 'CronJob';
  const template = ev.target.kind === 'CronJob' ? "the CronJob's jobTemplate" : 'the pod template';
  if (run) {
    return {
      key: `priority-class/${missing}`,
      title: `PriorityClass ${missing} does not exist${near ? `; did the template mean ${near.name}${users}?` : ''}`,
      cause: `${capitalize(template)} names PriorityClass ${missing}, which the cluster does not have (deleted, renamed or never created), so the Priority admission plugin refuses the run's pod${near ? `; ${near.name}${users} is a near name` : ''}.`,
      action: `Point priorityClassName in ${template} at an existing PriorityClass${near ? ` (${near.name}?)` : ''} (kubectl get priorityclass), or recreate ${missing}.`,
      fix: `make ${template}'s priorityClassName name an existing PriorityClass (or recreate ${missing})`,
      layer: 'rollout/change',
      command: formatKubectl(ev.target, 'get priorityclass', 'cluster'),
    };
  }
  return {
    key: `priority-class/${missing}`,
    title: `PriorityClass ${missing} does not exist${near ? `; did the template mean ${near.name}${users}?` : ''}`,
    cause: `The pod template names PriorityClass ${missing}, which the cluster does not have, so the Priority admission plugin refuses every pod of this template${near ? `; ${near.name}${users} is a near name` : ''}. Pods of the previous revision keep running.`,
    action: near ? `Correct priorityClassName to ${near.name} in the template and roll out again.` : `Point priorityClassName at an existing PriorityClass (kubectl get priorityclass), or create ${missing} if it is new.`,
    layer: 'rollout/change',
    command: formatKubectl(ev.target, 'get priorityclass', 'cluster'),
  };
}

/** The namespace itself is being deleted: nothing new can be created in it, whatever the template. */
function classifyNamespaceDeletion(ev: TriageEvidence, message: string): Refusal | undefined {
  const ns = NAMESPACE_TERMINATING.exec(message)?.[1];
  if (ns === undefined) return undefined;
  const d = summarizeNamespaceDeletion(ev, ns);
  const held = d.finalizers ? `; finalizers hold the deletion (${d.finalizers})` : '';
  return {
    key: `namespace-deleted/${ns}`,
    title: `namespace ${ns} is being deleted (${d.state})${held}`,
    cause: `Namespace ${ns} was deleted (${d.state}) and the API server creates nothing in a namespace being deleted, so no pod of any revision can be replaced; the workload itself is not at fault.${d.holds.length > 0 ? ` The namespace controller still waits on: ${d.holds.join('; ')}.` : ''}`,
    action: `Find out who deleted ${ns} and whether it was meant; to recover, let the deletion finish${d.finalizers ? ' (remove the finalizers whose controller is gone with the namespace)' : ''} and recreate the namespace's objects from their source (Git) or a backup.`,
    layer: 'rollout/change',
    command: formatKubectl(ev.target, `get namespace ${ns} -o yaml`, 'cluster'),
    outsideWorkload: 'nothing new can be created in the namespace, for any workload',
    facts: d.holds.map((h) => `Namespace ${ns} ${d.state}: ${h}`),
  };
}

/** A quota the workload's own pods fill at its steady size: no revision's surge pod fits, so no rollback. */
function classifySurgeRoom(ev: TriageEvidence, name: string, message: string): Refusal | undefined {
  const full = findSurgeRoomRefusal(ev, name, message);
  if (full === undefined) return undefined;
  const kind = ev.target.kind;
  const scope = full.scope ? ` (${full.scope})` : '';
  const pods = `${full.ownPods} running pod${full.ownPods === 1 ? '' : 's'}`;
  const surge = `${full.surge} surge pod${full.surge === 1 ? '' : 's'}`;
  const fill = full.ownFill
    ? `the ${kind}'s own ${pods} fill its ${full.resource} limit of ${full.limited}`
    : `${full.resource} ${full.used} used of ${full.limited} with the ${kind} at its steady size (${pods})`;
  const room = `raise the ${full.resource} limit of ${name} ${full.roomAt !== undefined ? `to at least ${full.roomAt} (room for maxSurge's ${surge})` : `to leave room for maxSurge's ${surge}`}`;
  const unavailable = full.noUnavailable ? `, or set maxUnavailable above 0 on the ${kind} so the rollout replaces pods instead of adding them` : '';
  // Another workload holds most of the quota: it is what to free, the surge only meets the wall.
  const holder = full.ownFill ? undefined : readQuotaHolder(ev, name);
  if (holder) {
    return {
      key: `quota/${name}`,
      title: `ResourceQuota ${name}${scope} exhausted: ${full.resource} ${full.used} used of ${full.limited}, ${holder.clause}; no room for the ${kind}'s surge pod`,
      cause: `${holder.cause} The ${kind} runs its desired size (${pods}), so the rolling update cannot add the pod it starts with (maxSurge); any rollout of this ${kind}, of any revision, meets the same wall.`,
      action: `${capitalize(holder.fix)}; then the rollout proceeds. Otherwise ${room}${unavailable}; a rollback would not make room.`,
      fix: holder.fix,
      layer: 'capacity',
      command: formatKubectl(ev.target, `describe resourcequota ${name}`),
      outsideWorkload: `any revision's surge pod meets the same full quota`,
      facts: holder.evidence,
    };
  }
  return {
    key: `quota/${name}`,
    title: `ResourceQuota ${name}${scope} exhausted: ${fill}, no room for a surge pod`,
    cause: `The ${kind} runs its desired size and ResourceQuota ${name}${scope} has no ${full.resource} left at that size, so the rolling update cannot add the pod it starts with (maxSurge); any rollout of this ${kind}, of any revision, meets the same wall.`,
    action: `${room.charAt(0).toUpperCase()}${room.slice(1)}${unavailable}; a rollback would not make room.`,
    fix: `${room}${unavailable}`,
    layer: 'capacity',
    command: formatKubectl(ev.target, `describe resourcequota ${name}`),
    outsideWorkload: `any revision's surge pod meets the same full quota`,
  };
}

/** Why the API server refused to create the pods, from the controller's message. */
function classifyRefusal(ev: TriageEvidence, message: string): Refusal {
  const quota = /exceeded quota: ([\w.-]+)/i.exec(message);
  const full = quota?.[1] ? classifySurgeRoom(ev, quota[1], message) : undefined;
  if (full) return full;
  if (quota?.[1]) {
    const holder = readQuotaHolder(ev, quota[1]);
    if (holder) {
      return {
        key: `quota/${quota[1]}`,
        title: `ResourceQuota ${quota[1]} exhausted: ${holder.clause}`,
        cause: holder.cause,
        action: `${capitalize(holder.fix)}; lowering this pod's requests also works if they are inflated.`,
        fix: holder.fix,
        layer: 'capacity',
        command: formatKubectl(ev.target, `describe resourcequota ${quota[1]}`),
        facts: holder.evidence,
      };
    }
    return {
      key: `quota/${quota[1]}`,
      title: `ResourceQuota ${quota[1]} exhausted`,
      cause: `The namespace's ResourceQuota ${quota[1]} has no room for another pod of this size; the message lists requested, used and limited amounts.`,
      action: `Mitigate: free quota (scale down something else in ${ev.target.namespace}) or ask for a larger quota; lowering this pod's requests also works if they are inflated.`,
      layer: 'capacity',
      command: formatKubectl(ev.target, `describe resourcequota ${quota[1]}`),
    };
  }
  // LimitRange admission: a bound per container or pod (maximum, minimum, limit-to-request ratio).
  const range = findLimitRangeRefusal(ev, message);
  if (range) {
    const one = range.ranges.length === 1 ? ` ${range.ranges[0] ?? ''}` : '';
    return {
      key: `limit-range/${range.ranges.join('+') || 'unknown'}`,
      title: `${range.who} refuses the pods: ${range.what}`,
      cause: `The namespace's LimitRange bounds what each container or pod may ask for, and the pod template's ${range.resource} is outside it, so admission refuses every pod of this template, whatever room the nodes have; pods created before keep running.`,
      action: range.remedy
        ? `${capitalize(range.remedy)} in the template (what ${range.who} allows), or have its owner change the bound if the new sizes are needed.`
        : `Bring the ${range.resource} back within the LimitRange, or have its owner raise the bound if the new size is needed.`,
      layer: 'capacity',
      command: formatKubectl(ev.target, `describe limitrange${one}`),
    };
  }
  const psa = /violates PodSecurity "([\w:.-]+)"/i.exec(message);
  if (psa?.[1]) {
    return {
      key: 'pod-security',
      title: `pods violate PodSecurity "${psa[1]}"`,
      cause: `The namespace enforces the ${psa[1]} Pod Security level and the pod template breaks it (the message lists the fields).`,
      action: 'Fix the securityContext fields the message lists (or relax the namespace\'s enforce level if it changed by mistake).',
      layer: 'rollout/change',
      command: formatKubectl(ev.target, `get namespace ${ev.target.namespace} --show-labels`, 'cluster'),
    };
  }
  const unreachable = classifyUnreachableWebhook(ev, message);
  if (unreachable) return unreachable;
  const webhook = /admission webhook "([^"]+)" denied the request/i.exec(message);
  if (webhook?.[1]) {
    return {
      key: `webhook/${webhook[1]}`,
      title: `admission webhook ${webhook[1]} denies the pods`,
      cause: `A validating admission webhook (${webhook[1]}) rejects the pod template; its message gives the policy.`,
      action: 'Fix what the policy names in the pod template (the message says which rule and field).',
      layer: 'rollout/change',
    };
  }
  const priority = classifyMissingPriorityClass(ev, message);
  if (priority) return priority;
  const deleted = classifyNamespaceDeletion(ev, message);
  if (deleted) return deleted;
  const sa = /serviceaccounts? "([^"]+)" not found/i.exec(message);
  if (sa?.[1]) {
    return {
      key: `service-account/${sa[1]}`,
      title: `ServiceAccount ${sa[1]} not found`,
      cause: `The pod template names ServiceAccount ${sa[1]}, which does not exist in ${ev.target.namespace}.`,
      action: 'Create the ServiceAccount through its owner pipeline, or point the template at an existing one.',
      layer: 'rollout/change',
      command: formatKubectl(ev.target, `get serviceaccount ${sa[1]}`),
    };
  }
  return { key: 'other', title: 'pod creation refused', cause: 'The API server refuses to create the pods; the message says why.', action: 'Read the message and fix what it names.', layer: 'rollout/change' };
}

/**
 * The controller cannot create pods at all (FailedCreate events, ReplicaFailure condition):
 * quota, Pod Security, admission webhooks, a missing ServiceAccount. Nothing shows up as a
 * failing pod, which is why this has its own analyzer.
 */
export function analyzePodCreateFailures(ev: TriageEvidence): Finding[] {
  const events = ev.events.filter(
    (e) => e.reason === 'FailedCreate' && e.type === 'Warning' && (CONTROLLER_KINDS.has(e.object.kind) || (e.object.kind === 'Job' && findRefusedRun(ev, e.object.name) !== undefined)) && isWithin(e.lastSeen, ev.collectedAt, HISTORY_MS),
  );
  // A run refused its pod has none, so nothing ran: the failure is the Job's, whatever its earlier runs did.
  const run = events.map((e) => (e.object.kind === 'Job' ? findRefusedRun(ev, e.object.name) : undefined)).find((j) => j !== undefined);
  const condition = ev.workload ? findCondition(ev.workload.conditions, 'ReplicaFailure') : undefined;
  const messages = events.map((e) => e.message);
  if (condition?.status === 'True' && condition.message && events.length === 0) messages.push(condition.message);
  if (messages.length === 0) return [];

  const byKey = new Map<string, { refusal: Refusal; messages: string[] }>();
  for (const m of messages) {
    const refusal = classifyRefusal(ev, m);
    const entry = byKey.get(refusal.key) ?? { refusal, messages: [] };
    entry.messages.push(m);
    byKey.set(refusal.key, entry);
  }
  const missing = Math.max(0, getDesiredReplicas(ev) - ev.pods.length);
  return [...byKey.values()].map(({ refusal, messages: msgs }) => {
    const mine = collapseEvents(events.filter((e) => msgs.includes(e.message)), { acrossObjects: true });
    // When the refusals began: a revision rolled out just before is their trigger (pods show none).
    const onset = mine.length > 0 ? earliest(mine.map((e) => e.firstSeen)) : condition?.lastTransitionTime;
    const evidence = mine.length > 0 ? mine.slice(0, 3).map((e) => formatEventLine(e, { maxLength: 400 })) : [`ReplicaFailure: ${msgs[0] ?? ''}`];
    const runFacts = run ? [`Job ${run.name}${run.createdAt ? ` (created ${formatAgo(run.createdAt, ev.collectedAt)})` : ''}: ${run.active === 0 ? 'no pod' : `${run.active} of ${run.parallelism ?? 1} pods`} (${run.active} active, ${run.succeeded} succeeded, ${run.failed} failed)`] : [`${ev.pods.length} pods exist of ${getDesiredReplicas(ev)} desired`];
    evidence.push(...(refusal.facts ?? []), ...runFacts);
    // The Job keeps retrying, but keeps the template it was created with: a fix to the template needs a new run.
    const again = ev.target.kind === 'CronJob' ? `start the run again (\`kubectl create job --from=cronjob/${ev.target.name} ${ev.target.name}-manual\` — the bot will not)` : 'create it again from its source';
    const rerun = run ? ` Job ${run.name} keeps the template it was created with: after a fix to the template, delete it and ${again}.` : '';
    return {
      id: `pod-create-failed/${refusal.key}`,
      kind: 'pod-create-failed',
      title: run ? `Job ${run.name}${run.createdAt ? `, created ${formatAgo(run.createdAt, ev.collectedAt)},` : ''} cannot create its pod: ${refusal.title}` : `Pods cannot be created: ${refusal.title}`,
      layer: refusal.layer,
      severity: run ? 'critical' : missing > 0 ? severityForPods(ev, missing) : 'warning',
      confidence: refusal.key === 'other' ? 'medium' : 'high',
      evidence,
      // The refusal itself, without the "pods "x" is forbidden:" preamble every pod repeats.
      decisive: (msgs[msgs.length - 1] ?? '').replace(/^\(combined from similar events\): /, '').replace(/^(Error creating: )?pods "[^"]*" is forbidden: /, '').replace(/^Error creating: /, ''),
      fix: refusal.fix ?? refusal.action.split(/[.(;]/)[0]?.trim().replace(/^./, (c) => c.toLowerCase()) ?? refusal.action,
      ...(refusal.outsideWorkload ? { outsideWorkload: refusal.outsideWorkload } : {}),
      ...(onset !== undefined ? { onset } : {}),
      likelyCause: run ? `${refusal.cause} The Job controller keeps retrying, but no pod of this Job is created and nothing runs.` : refusal.cause,
      nextAction: `${refusal.action}${rerun}`,
      confirmCommands: [
        formatKubectl(ev.target, `describe ${formatWorkloadRef(ev.target)}`),
        formatKubectl(ev.target, 'get events --field-selector reason=FailedCreate'),
        ...(refusal.command ? [refusal.command] : []),
      ],
    } satisfies Finding;
  });
}
