/**
 * The verdict as a senior SRE states it: the mechanism (what fails and how, with the decisive
 * evidence), the trigger (what changed and when, or that nothing did), the scope (which pods or
 * nodes, of how many, and what separates them from the healthy ones) and the safest next action.
 * Its headline is the first line an engineer reads.
 */
import type { RevisionEvidence, TriageEvidence } from '../evidence.js';
import { CHANGE_KINDS, ORDINAL_TITLE } from '../finding.js';
import type { Confidence, Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { clipAround } from '../collapse-events.js';
import { shortenQuote } from '../quote-shorten.js';
import { compareFailingHealthy, pickSeparation } from './differential.js';
import type { Differential, Split } from './differential.js';
import { findRolloutBlock } from './controller-hold.js';
import { describeRebuilt, listDigestsCommand, pinRebuilt } from './image-digest.js';
import { findTrigger, rollbackFits } from './trigger.js';
import { describeNodeTraits } from './node-traits.js';
import { describeNodeChange } from '../node-change.js';
import { findRestartsInPlace } from '../job-restarts-in-place.js';
import type { NodeChange } from '../node-change.js';
import type { Trigger } from './trigger.js';
import { capitalize } from '../../text.js';
import { describeMarkedObject } from '../restart-marker.js';
import { describeConfigFileLine, locateConfigFileLine } from '../config-file-line.js';

export interface Diagnosis {
  /** The finding that says what fails and how. */
  mechanism: Finding;
  trigger: Trigger;
  /** What separates failing pods from healthy ones, when something does. */
  separation?: Split;
  /** The mitigation first, then the fix; suggested, never performed. */
  action: string;
  /** The read-only-safe command behind the action, when there is one to paste (a rollback). */
  actionCommand?: string;
  /** Read-only commands that would confirm or refute the verdict. */
  confirm: string[];
  confidence: Confidence;
  /** Mechanism + trigger + scope + action, in one paragraph of at most a few hundred characters. */
  headline: string;
}

/** Mechanisms that carry their own "since when" (a node's condition, a paused CronJob, its last success, a preemption, a replica fight, pods of another workload behind the Service, a pod held Terminating, a volume re-created under running pods or under a database): no "no change found" after them. */
const DATES_ITSELF: ReadonlySet<Finding['kind']> = new Set(['node-condition', 'cron-schedule', 'cron-no-success', 'preemption', 'replica-fight', 'replicas-cut', 'service-foreign-endpoints', 'finalizer-held', 'hpa-lost-target', 'volume-replaced', 'store-volume-lost']);

/** Mechanisms that load every replica alike (saturation): which replicas fail first is chance, so where they sit is not named. */
const EVENLY_LOADED: ReadonlySet<Finding['kind']> = new Set(['hpa', 'replica-fight', 'replicas-cut', 'hpa-scale-up-limit', 'hpa-lost-target', 'hpa-scaled-in', 'hpa-blind']);

/** The quote in a headline stays short; the thread has it whole. */
const QUOTE_MAX = 170;

function clip(text: string, max: number): string {
  return clipAround(text.replace(/\s+/g, ' ').trim(), max);
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text.trim());
  return (m?.[1] ?? text).replace(/^Mitigate:\s*/i, '');
}

function lower(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}


/** The first finding that says what fails: not a change, not context. */
export function pickMechanism(findings: readonly Finding[]): Finding | undefined {
  const problems = findings.filter((f) => f.severity !== 'info');
  return problems.find((f) => !CHANGE_KINDS.has(f.kind)) ?? problems[0];
}

function lowerConfidence(c: Confidence): Confidence {
  return c === 'high' ? 'medium' : 'low';
}

function describeSeparation(ev: TriageEvidence, s: Split, mechanism: Finding, d: Differential): string | undefined {
  if (s.attribute === 'image digest') return describeRebuilt(d);
  if (s.attribute === 'revision' || s.attribute === 'image') return undefined;
  const values = s.failing.join(', ');
  if (mechanism.title.includes(values)) return undefined;
  // A group of machines is named with the nodes in it, so the engineer knows where to look.
  const nodes = [...new Set(d.failing.flatMap((p) => (p.nodeName ? [p.nodeName] : [])))];
  const onNodes = s.attribute !== 'node' && nodes.length > 0 && nodes.length <= 2 && !nodes.every((n) => mechanism.title.includes(n)) ? `node ${nodes.join(', ')}; ` : '';
  const noun = s.attribute === 'os image' ? 'os image' : s.attribute;
  // What those nodes share that the healthy pods' nodes lack (new nodes, another AMI): why there.
  const traits = describeNodeTraits(ev, d, s.attribute);
  const shared = traits.length > 0 ? `: ${traits.join('; ')}` : '';
  return `all on ${s.attribute} ${values}${shared} (${onNodes}healthy pods run on ${s.healthy.length} other ${noun}${s.healthy.length === 1 ? '' : noun.endsWith('s') ? 'es' : 's'})`;
}

/** The image tag of a revision's first container ("2.7.1"), when it has one. */
function versionOf(r: RevisionEvidence): string | undefined {
  const image = r.containers[0]?.image ?? '';
  const tag = /:([\w][\w.-]*)$/.exec(image.replace(/@sha256:[0-9a-f]+$/, ''))?.[1];
  return tag === undefined || tag === 'latest' ? undefined : tag;
}

function decideAction(ev: TriageEvidence, mechanism: Finding, trigger: Trigger, separation: Split | undefined, d: Differential, nodeChange?: NodeChange): { action: string; command?: string } {
  const fix = mechanism.fix ?? lower(firstSentence(mechanism.nextAction));
  // Another build behind the same tag: a rollback would pull it again.
  const pin = separation?.attribute === 'image digest' ? pinRebuilt(ev, d, lower(fix)) : undefined;
  if (pin !== undefined) return pin;
  if (!CHANGE_KINDS.has(mechanism.kind) && mechanism.passesBy === undefined && mechanism.noRollback === undefined && rollbackFits(trigger, d)) {
    const command = formatKubectl(ev.target, `rollout undo ${formatWorkloadRef(ev.target)} --to-revision=${trigger.previous.revision}`);
    // After a rollback, the safe revision is the one it replaced: anything older repeats the mistake.
    if (trigger.rollback !== undefined) {
      const version = versionOf(trigger.previous);
      return { action: `Roll forward to revision ${trigger.previous.revision} (${version ? `${version}, ` : ''}what ran before the rollback), not to anything older; or ${lower(fix)}`, command };
    }
    // The revision meant well (a password added) and the probe lags: fix forward; the rollback undoes the intent.
    if (mechanism.rollbackUndoes !== undefined) {
      return { action: `${capitalize(fix)}; rolling back to revision ${trigger.previous.revision} would also ${mechanism.rollbackUndoes}, so keep it as the fallback`, command };
    }
    // The rollback brings back what read the data; the step the change skipped comes after it, not instead.
    if (mechanism.rollbackThen !== undefined) return { action: `Roll back to revision ${trigger.previous.revision}, then ${lower(mechanism.rollbackThen)}`, command };
    return { action: `Roll back to revision ${trigger.previous.revision}, or ${lower(fix)}`, command };
  }
  // Replicas added by hand brought on a limit they share: fewer of them undo it, a rollback nothing.
  if (trigger.kind === 'scale-up' && trigger.back !== undefined && (mechanism.scalesWithReplicas || trigger.workload !== undefined)) {
    const who = trigger.workload ?? ev.target.name;
    const command = formatKubectl(ev.target, `scale ${trigger.workload !== undefined ? `deployment/${trigger.workload}` : formatWorkloadRef(ev.target)} --replicas=${trigger.back}`);
    return { action: `Scale ${who} back to ${trigger.back} replica${trigger.back === 1 ? '' : 's'}, or ${lower(fix)}`, command };
  }
  // The revision brought it on, yet going back is no way out (a cloud role the identity lacks): the fix, and why not the rollback.
  if (trigger.kind === 'revision' && mechanism.noRollback !== undefined) return { action: `${capitalize(fix)}; ${mechanism.noRollback}` };
  // Only a restart stamped by time: going back runs the same template.
  if (trigger.kind === 'revision' && trigger.reloaded !== undefined && trigger.reloaded.content === undefined) {
    return { action: `${capitalize(fix)}; a rollback would not help: it runs the same template` };
  }
  // Only a restart marker changed: the object the pods re-read is the change, and going back re-reads it too.
  if (trigger.kind === 'revision' && trigger.reloaded !== undefined) {
    const what = describeMarkedObject(trigger.reloaded);
    const restore = trigger.reloaded.object?.name !== undefined ? ` (or restore ${what}'s previous content)` : '';
    return { action: `${capitalize(fix)}${restore}; a rollback would not help: the pods of any revision read the same ${trigger.reloaded.object?.kind ?? 'objects'}` };
  }
  // A restart of the same template made new pods read the changed object: the way back is its previous content, not a revision.
  if (trigger.kind === 'object-change' && trigger.restartOf !== undefined && trigger.object.kind === 'ConfigMap') {
    const what = `${trigger.object.kind} ${trigger.object.name}`;
    const rollback = `a rollback would not help: the pods of any revision read the same ${trigger.object.kind}`;
    // The log quotes a file of that ConfigMap (and its parser the line): the fix names where to edit.
    const at = fix.includes(what) ? undefined : locateConfigFileLine([mechanism.title, mechanism.decisive ?? '', ...mechanism.evidence].join('\n'), d.failing.length > 0 ? d.failing : ev.pods, trigger.object.name);
    if (at !== undefined) return { action: `${capitalize(fix)} — ${describeConfigFileLine(at)} in ${what} (or restore its previous content); ${rollback}` };
    const restore = fix.includes(what) ? '' : ` (or restore ${what}'s previous content)`;
    // A fix told as a sentence ("… before calling it healthy.") runs on into the restore.
    return { action: `${capitalize(fix).replace(/\.$/, '')}${restore}; ${rollback}` };
  }
  return { action: decideFixForward(mechanism, trigger, separation, fix, nodeChange) };
}

function decideFixForward(mechanism: Finding, trigger: Trigger, separation: Split | undefined, fix: string, nodeChange?: NodeChange): string {
  if (separation !== undefined && (separation.attribute === 'node' || separation.attribute === 'node pool' || separation.attribute === 'architecture') && trigger.kind === 'none') {
    const where = separation.failing.join(', ');
    // A mechanism that names the node's own fault says what to fix there.
    const then = mechanism.outsideWorkload !== undefined && mechanism.fix !== undefined && mechanism.affected?.nodes?.includes(where) ? lower(fix) : (nodeChange?.then ?? 'find what is wrong with the node');
    // The cordon is said first: a fix that repeats it ("…; meanwhile cordon the node …") says it once.
    if (separation.attribute === 'node') return `Cordon ${where} and delete its failing pods so they start elsewhere (the bot will not); then ${then.replace(/;\s*meanwhile cordon [^;]*$/i, '')}`;
    return `Keep the pods off ${separation.attribute} ${where} (nodeSelector or affinity) until it is fixed; then ${lower(fix)}`;
  }
  if (trigger.kind === 'first-install' && trigger.historyGone) {
    const cause = trigger.revision.changeCause ? ` (change cause: "${clip(trigger.revision.changeCause, QUOTE_MAX)}")` : '';
    return `No earlier revision is kept to roll back to${cause}: redeploy what ran before by hand, or ${lower(fix)}`;
  }
  if (trigger.kind === 'first-install') return `No earlier revision exists: ${lower(fix)}`;
  return capitalize(fix);
}

function confirmCommands(ev: TriageEvidence, mechanism: Finding, trigger: Trigger, separation: Split | undefined): string[] {
  const out = mechanism.confirmCommands.slice(0, 2);
  if (separation?.attribute === 'image digest') out.push(listDigestsCommand(ev));
  if (trigger.kind === 'revision') out.push(formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${trigger.revision.revision}`));
  if (trigger.kind === 'none') for (const j of trigger.ranBefore?.jobs ?? []) out.push(formatKubectl(ev.target, `logs job/${j.name} --tail=100`));
  if (trigger.kind === 'none' && trigger.ranBefore?.rolledOut !== undefined) out.push(formatKubectl(ev.target, `logs deployment/${trigger.ranBefore.rolledOut} --tail=200`));
  if (trigger.kind === 'object-change') out.push(formatKubectl(ev.target, `get ${trigger.object.kind.toLowerCase()} ${trigger.object.name} -o yaml`));
  if (trigger.kind === 'resources-set') {
    const { by, name } = trigger.origin;
    // Kyverno's ClusterPolicy and Gatekeeper's Assign are cluster-scoped (the annotations name no namespace).
    const kind = { VPA: 'vpa', LimitRange: 'limitrange', Kyverno: 'clusterpolicy', Gatekeeper: 'assign' }[by];
    const scope = by === 'Kyverno' || by === 'Gatekeeper' ? 'cluster' : 'namespaced';
    if (name !== undefined && !name.includes(',')) out.push(formatKubectl(ev.target, `get ${kind} ${name} -o yaml`, scope));
  }
  return [...new Set(out)];
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?…]$/.test(t) ? t : `${t}.`;
}

export function diagnose(ev: TriageEvidence, findings: readonly Finding[]): Diagnosis | undefined {
  const mechanism = pickMechanism(findings);
  if (mechanism === undefined) return undefined;
  const d = compareFailingHealthy(ev);
  const trigger = findTrigger(ev, CHANGE_KINDS.has(mechanism.kind) ? undefined : mechanism, d);
  const separation = EVENLY_LOADED.has(mechanism.kind) || mechanism.everyNode || mechanism.scopedTo !== undefined ? undefined : pickSeparation(d);
  // Nothing of the workload changed and only one node fails: what started on that node is its change.
  const failingNode = separation?.attribute === 'node' && separation.failing.length === 1 ? separation.failing[0] : undefined;
  const nodeChange = trigger.kind === 'none' && !trigger.exonerated && failingNode !== undefined ? describeNodeChange(ev, failingNode) : undefined;

  let lead = '';
  if (trigger.kind === 'revision' || trigger.kind === 'object-change' || trigger.kind === 'scale-up' || trigger.kind === 'resources-set' || trigger.kind === 'hpa-change') lead = `Since ${trigger.text}: `;
  // A Job that ran just before deleted what the pods read: it is the "since".
  else if (trigger.kind === 'none' && trigger.ranBefore?.rolledOut !== undefined) lead = `${capitalize(trigger.ranBefore.text)}: `;
  else if (trigger.kind === 'none' && trigger.ranBefore?.gone !== undefined) lead = `Since ${trigger.ranBefore.text}: `;
  else if (trigger.kind === 'first-install') lead = trigger.historyGone ? `Since ${trigger.text.replace(/: nothing earlier.*$/, '')}: ` : `${capitalize(trigger.text.replace(/: nothing earlier.*$/, ''))}: `;
  const quote = mechanism.decisive && !mechanism.title.includes(mechanism.decisive) ? ` — "${shortenQuote(mechanism.decisive.replace(/\s+/g, ' ').trim(), QUOTE_MAX)}"` : '';
  const where = separation ? describeSeparation(ev, separation, mechanism, d) : undefined;
  // One or two pods are named; a pod that holds back others says so.
  const pods = mechanism.affected?.pods ?? [];
  const named = pods.length > 0 && pods.length <= 2 && !pods.some((p) => mechanism.title.includes(p)) ? ` (${pods.join(', ')})` : '';
  const holdsBack = mechanism.explains?.find((t) => t.startsWith(ORDINAL_TITLE));
  const consequence = holdsBack ? `; ${holdsBack.replace(/:.*$/, '')}` : '';
  const exonerated = trigger.kind === 'none' && trigger.exonerated ? `; ${trigger.exonerated}` : '';
  // Another build behind the same tag is the change, though no revision changed.
  const noChange = nodeChange !== undefined ? `; ${nodeChange.text}` : trigger.kind === 'none' && !trigger.exonerated && separation?.attribute !== 'image digest' && !CHANGE_KINDS.has(mechanism.kind) && !DATES_ITSELF.has(mechanism.kind) && !mechanism.datesChange ? `; ${trigger.text.replace(/;.*$/, '')}` : '';
  const decided = decideAction(ev, mechanism, trigger, separation, d, nodeChange);
  // A rollback the controller would refuse (a paused Deployment) is rewritten by the hold.
  const heldBack = findRolloutBlock(ev, d, decided.command !== undefined && rollbackFits(trigger, d) ? trigger.previous : undefined);
  const { action: fixAction, command } = heldBack?.action ? { action: heldBack.action, command: undefined } : decided;
  // A Job restarting its container in place stays active however often it crashes: say why it has not failed, and how it would.
  const inPlace = findRestartsInPlace(ev, fixAction);
  // A CronJob's run came just before, and its schedule is known: when it runs is the lever.
  const scheduled = trigger.kind === 'none' && trigger.ranBefore?.advice ? `; ${trigger.ranBefore.advice}` : '';
  // What the Job deleted is the fix: stop it, and bring the data back.
  const deleted = trigger.kind === 'none' && trigger.ranBefore?.gone !== undefined ? trigger.ranBefore.advice : undefined;
  const fixed = deleted !== undefined ? capitalize(deleted) : `${fixAction}${scheduled}`;
  const action = inPlace ? `${fixed}; then ${inPlace.advice}` : fixed;
  const stuck = inPlace ? `; ${inPlace.text}` : '';
  const held = heldBack ? `; ${heldBack.text}` : '';
  // A Job of the namespace that ran just before the onset: what changed, to check (the workload itself did not).
  // Not again when the mechanism names them already as its cause (a Job on the same key as the workload).
  const namedJobs = new Set(mechanism.affected?.jobs ?? []);
  const gone = trigger.kind === 'none' ? trigger.ranBefore?.gone : undefined;
  const ranBefore = gone !== undefined
    ? `; the store answers that ${gone}, which the pods read, does not exist: most likely ${trigger.kind === 'none' && trigger.ranBefore?.rolledOut !== undefined ? `that rollout of ${trigger.ranBefore.rolledOut} renamed or deleted it` : 'that Job deleted it'}`
    : trigger.kind === 'none' && trigger.ranBefore && !trigger.ranBefore.jobs.every((j) => namedJobs.has(j.owner?.name ?? j.name)) ? `; ${trigger.ranBefore.text}` : '';
  const headline = `${lead}${mechanism.title}${named}${quote}${where ? `, ${where}` : ''}${consequence}${held}${exonerated}${held ? '' : noChange}${ranBefore}${stuck}. ${sentence(action)}`;

  const essentialGaps = ev.readFailures.some((f) => f.reason !== 'skipped' && (f.source === 'pods' || f.source === 'events' || f.source === 'logs'));
  const confidence = essentialGaps ? lowerConfidence(mechanism.confidence) : mechanism.confidence;
  return {
    mechanism,
    trigger,
    ...(separation ? { separation } : {}),
    action,
    ...(command ? { actionCommand: command } : {}),
    confirm: [...confirmCommands(ev, mechanism, trigger, separation), ...(nodeChange ? [nodeChange.confirm] : [])],
    confidence,
    headline,
  };
}
