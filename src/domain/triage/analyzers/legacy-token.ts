/**
 * A pod that authenticates to the Kubernetes API with a token mounted from a Secret at the
 * service-account path (automount off, a legacy long-lived token Secret in its place) — or at a
 * path of its own that its args, env or log name as the token file it reads — and whose
 * API calls are rejected 401 Unauthorized: the cluster no longer accepts that token. Since 1.29
 * the API server invalidates legacy token Secrets unused for a year (label
 * kubernetes.io/legacy-token-invalid-since), and a deleted or re-created Secret's token is void
 * too. The pods stay Ready (probes do not call the API) while nothing they do works. The pod
 * spec is the evidence: the Secret itself is never read.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import { isKubeApiUnauthorized, pickRefusalLine } from '../kube-api-refusal.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { truncate } from '../../text.js';

/** Where client libraries read the in-cluster token from. */
const SA_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** Lines before it counts: one refusal during a restart of the API server is not an outage. */
const MIN_LINES = 2;

/** A token file path the process names: `tokenFile="/x/token"`, `--token-file=/x/token`, `BEARER_TOKEN_FILE=/x/token`. */
const TOKEN_PATH = /token\w*["']?\s*[:=]\s*["']?(\/[\w./-]+)|(\/[\w./-]*\/token)\b/gi;

/** The token file paths a container names in its args, env values or log lines. */
function listNamedTokenPaths(pod: PodEvidence, container: string, lines: readonly string[]): string[] {
  const c = pod.containers.find((x) => x.name === container);
  const env = (c?.env ?? []).flatMap((e) => ('value' in e ? [`${e.name}=${e.value}`] : []));
  const texts = [...(c?.command ?? []), ...(c?.args ?? []), ...env, ...lines];
  return texts.flatMap((t) => [...t.matchAll(TOKEN_PATH)].map((m) => m[1] ?? m[2] ?? ''));
}

/** The Secret volume a pod reads its API token from (the service-account path, or a path it names as its token file), with the container that mounts it. */
function tokenSecretMount(pod: PodEvidence, container: string, lines: readonly string[]): { volume: string; secret: string; container: string; mountPath: string } | undefined {
  const named = listNamedTokenPaths(pod, container, lines);
  const c = pod.containers.find((x) => x.name === container);
  for (const m of c?.volumeMounts ?? []) {
    const path = m.mountPath.replace(/\/+$/, '');
    if (path !== SA_PATH && !named.some((n) => n.startsWith(`${path}/`))) continue;
    const v = pod.volumes?.find((x) => x.name === m.name);
    if (v?.source === 'secret' && v.ref !== undefined) return { volume: v.name, secret: v.ref, container, mountPath: m.mountPath };
  }
  return undefined;
}

export function analyzeLegacyToken(ev: TriageEvidence): Finding[] {
  // A crash-looping client's refusals are in its previous run's log: each pod counts once, its current log first.
  const hits = [...ev.logs]
    .sort((a, b) => Number(a.previous) - Number(b.previous))
    .flatMap((l) => {
      const pod = findPod(ev, l.pod);
      const lines = l.lines.filter(isKubeApiUnauthorized);
      const mount = pod === undefined || lines.length < MIN_LINES ? undefined : tokenSecretMount(pod, l.container, l.lines);
      return pod === undefined || mount === undefined ? [] : [{ pod, mount, lines }];
    })
    .filter((h, i, all) => all.findIndex((o) => o.pod.name === h.pod.name) === i);
  const [first] = hits;
  if (first === undefined) return [];
  const { secret, mountPath, volume } = first.mount;
  const pods = unique(hits.map((h) => h.pod.name));
  const podObjects = hits.map((h) => h.pod);
  const automount = ev.revisions.find((r) => r.hash === first.pod.revisionHash)?.template?.automountServiceAccountToken;
  const decisive = truncate((pickRefusalLine(first.lines) ?? '').trim(), 300);
  return [
    {
      id: `credentials-rejected/legacy-token/${secret}`,
      kind: 'credentials-rejected',
      title: `The Kubernetes API rejects the service-account token of ${pods.length} pod${pods.length === 1 ? '' : 's'} (401 Unauthorized): a legacy long-lived token from Secret ${secret}, mounted at ${mountPath}${automount === false ? ' with automountServiceAccountToken false' : ''}`,
      layer: 'container/process',
      severity: severityForPods(ev, pods.length),
      confidence: 'high',
      evidence: [
        `volume ${volume}: Secret ${secret} mounted at ${mountPath} in container ${first.mount.container}${automount === false ? ' (automountServiceAccountToken: false)' : ''}`,
        ...hits.flatMap((h) => h.lines.slice(-2).map((l) => `log ${h.pod.name}: ${l.trim()}`)).slice(0, 4),
      ],
      decisive,
      likelyCause:
        `The pods present the token stored in Secret ${secret} instead of a projected, bound token, and the API server refuses it as unauthenticated (401: the token itself is refused, not what it may do). ` +
        'Legacy long-lived token Secrets stop working when the cluster invalidates them (since Kubernetes 1.29, ones unused for a year get the label kubernetes.io/legacy-token-invalid-since and are later deleted) or when the Secret is deleted or re-created. ' +
        'The probes do not call the API, so the pods stay Ready while every API call fails.',
      nextAction: `Drop the Secret volume ${volume} and let the pods use the projected, bound service-account token (automountServiceAccountToken: true, or a projected serviceAccountToken volume); re-creating a token Secret is only a stopgap.`,
      fix: `use the projected (bound) service-account token instead of Secret ${secret}`,
      confirmCommands: [formatKubectl(ev.target, `get secret ${secret} --show-labels`), describePodCommand(ev.target, first.pod.name)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}
