import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, podEventsCommand } from '../kubectl-command.js';
import { parseMissingProfile, tellMissingProfile } from '../apparmor-profile.js';
import { type ContainerRef, formatContainerRef, formatPodShare, getWaiting, groupBy, limitLines, listAllContainers, listNodesOf, severityForPods, unique } from '../pod-status.js';

/** Waiting reasons where the kubelet cannot build or start the container from its spec. */
const CONFIG_REASONS = new Set(['CreateContainerConfigError', 'CreateContainerError', 'RunContainerError']);

interface Missing {
  what: string;
  cause: string;
  command?: string;
  /** The fix in a few words. */
  fix?: string;
  /** The kind of object the message names, when it names one: only a Secret is one the bot may not read. */
  object?: 'Secret' | 'ConfigMap';
}

/** Names the missing object from the kubelet's message, e.g. `secret "db-credentials" not found`. */
function findMissing(ev: TriageEvidence, message: string): Missing | undefined {
  const key = /couldn't find key (\S+) in (Secret|ConfigMap) ([\w.-]+)\/([\w.-]+)/i.exec(message);
  if (key) {
    const [, k, kind = '', ns = '', name = ''] = key;
    return {
      object: kind.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap',
      what: `key ${k} missing from ${kind} ${name}`,
      cause: `The pod reads key ${k} from ${kind} ${name}, which exists but has no such key: the key was renamed or the object was recreated without it.`,
      command: formatKubectl({ ...ev.target, namespace: ns }, `describe ${kind.toLowerCase()} ${name}`) };
  }
  const obj = /(secret|configmap)s? "([^"]+)" not found/i.exec(message);
  if (obj) {
    const [, kind = '', name = ''] = obj;
    const label = kind.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap';
    return {
      object: label,
      what: `${label} ${name} not found`,
      cause: `The pod spec references ${label} ${name}, which does not exist in ${ev.target.namespace}: not created yet, deleted, or created in another namespace.`,
      command: formatKubectl(ev.target, `get ${kind.toLowerCase()} ${name}`) };
  }
  if (/runAsNonRoot/i.test(message)) {
    return { what: 'runAsNonRoot is set but the image runs as root', cause: 'The security context demands a non-root user and the image\'s user is root (or numeric user unknown).', fix: 'run the image as a non-root user (USER in the image, or runAsUser in the pod)' };
  }
  return undefined;
}

/**
 * CreateContainerConfigError and friends: the pod is scheduled but its container cannot be
 * created, most often a Secret, ConfigMap or key it references does not exist.
 */
export function analyzeContainerConfig(ev: TriageEvidence): Finding[] {
  const stuck = listAllContainers(ev.pods).filter((r) => CONFIG_REASONS.has(getWaiting(r.container)?.reason ?? ''));
  const groups = groupBy(stuck, (r) => `${r.container.name}/${getWaiting(r.container)?.message ?? ''}`);
  return [...groups.values()].map((group) => {
    const first = group[0] as ContainerRef;
    const waiting = getWaiting(first.container) ?? { reason: 'CreateContainerConfigError' };
    const message = waiting.message ?? '';
    const missing = findMissing(ev, message);
    const pods = unique(group.map((r) => r.pod.name));
    // A Localhost AppArmor profile the node lacks: the nodes' to fix, not the spec's.
    const profile = missing ? undefined : parseMissingProfile(message);
    const unloaded = profile ? tellMissingProfile(ev, profile, unique(group.map((r) => r.pod))) : undefined;
    const confirmCommands = [describePodCommand(ev.target, first.pod.name), podEventsCommand(ev.target, first.pod.name)];
    if (missing?.command) confirmCommands.push(missing.command);
    return {
      id: `container-config/${first.container.name}/${missing?.what ?? waiting.reason}`,
      kind: 'container-config',
      title: unloaded
        ? `Container ${first.container.name} cannot be created (${waiting.reason}, ${formatPodShare(ev, pods.length)}): ${unloaded.title}`
        : `Container ${first.container.name} cannot be created: ${missing?.what ?? waiting.reason} (${formatPodShare(ev, pods.length)})`,
      ...(unloaded?.datesChange ? { datesChange: true } : {}),
      layer: unloaded ? 'node/eviction' : 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: missing || unloaded ? 'high' : 'medium',
      evidence: [
        ...limitLines(group.map((r) => `${formatContainerRef(r)}: ${waiting.reason}`), 3),
        ...(message ? [`kubelet: ${message}`] : []),
        ...(unloaded?.evidence ?? []),
      ],
      likelyCause: unloaded
        ? unloaded.cause
        : missing
        ? missing.cause
        : `The kubelet cannot create the container from its spec (${waiting.reason}); its message says what is wrong.`,
      ...(message ? { decisive: message } : {}),
      nextAction: unloaded
        ? unloaded.action
        : missing
        ? // Only the kind the kubelet names: a ConfigMap's pods are not told about Secrets.
          `Restore what is missing through the pipeline that owns it${missing.object === 'Secret' ? ' (the bot never reads Secrets)' : ''}; the pods start on their own once it exists.`
        : `Fix the spec the message points at.`,
      fix: unloaded?.fix ?? missing?.fix ?? (missing ? `create ${missing.what.replace(/ not found$/, '').replace(/^key (\S+) missing from (.*)$/, 'key $1 in $2')}` : 'fix the spec the message names'),
      confirmCommands,
      ...(unloaded ? { outsideWorkload: unloaded.outside } : {}),
      affected: { pods, nodes: listNodesOf(group.map((r) => r.pod)) },
    } satisfies Finding;
  });
}
