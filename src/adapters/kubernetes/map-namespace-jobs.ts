// The namespace's Jobs in brief (owner, state, when made and ended, TTL, the Secrets and ConfigMaps
// their pods take by name, what they run), from the list a CronJob's triage already reads to find its own runs:
// what fills a quota on the count of Jobs costs no request.
import type * as k8s from '@kubernetes/client-node';
import type { NamespaceJobEvidence, NamespaceJobsEvidence } from '../../domain/triage/evidence.js';
import { toIsoTime } from './map-common.js';
import { mapEnvFrom, mapEnvVar, mapVolumes } from './map-spec.js';
import { listConfigRefs } from '../../domain/triage/config-refs.js';

/** Bounds on what is kept of a Job's command line and env: enough to find the host it reaches. */
const MAX_COMMAND_PARTS = 20;
const MAX_PART_CHARS = 400;

function stateOf(j: k8s.V1Job): { state: NamespaceJobEvidence['state']; at?: Date | undefined; reason?: string | undefined } {
  const done = (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  if (done?.type === 'Complete') return { state: 'complete', at: j.status?.completionTime ?? done.lastTransitionTime };
  if (done?.type === 'Failed') return { state: 'failed', at: done.lastTransitionTime, reason: done.reason };
  return { state: j.spec?.suspend === true ? 'suspended' : 'running' };
}

export function mapNamespaceJob(j: k8s.V1Job): NamespaceJobEvidence {
  const owner = j.metadata?.ownerReferences?.find((o) => o.controller);
  const { state, at, reason } = stateOf(j);
  const createdAt = toIsoTime(j.metadata?.creationTimestamp);
  const finishedAt = toIsoTime(at);
  const ttl = j.spec?.ttlSecondsAfterFinished;
  // The Secrets and ConfigMaps its pods take, by name only (never read): what it shares with the workload.
  const spec = j.spec?.template?.spec;
  const configRefs = listConfigRefs({
    containers: [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].map((c) => ({ env: (c.env ?? []).map(mapEnvVar), envFrom: mapEnvFrom(c.envFrom) })),
    volumes: mapVolumes(spec?.volumes),
  });
  // What its pods run and with which literal env values (never a Secret's): the host a backup reaches.
  const commandAndEnv = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]
    .flatMap((c) => [...(c.command ?? []), ...(c.args ?? []), ...(c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [`${e.name}=${e.value}`]))])
    .slice(0, MAX_COMMAND_PARTS)
    .map((t) => (t.length > MAX_PART_CHARS ? t.slice(0, MAX_PART_CHARS) : t));
  return {
    name: j.metadata?.name ?? '',
    ...(owner ? { owner: { kind: owner.kind, name: owner.name } } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(finishedAt ? { finishedAt } : {}),
    state,
    ...(reason ? { failedReason: reason } : {}),
    ...(ttl === undefined || ttl === null ? {} : { ttlSecondsAfterFinished: ttl }),
    ...(configRefs.length > 0 ? { configRefs } : {}),
    ...(commandAndEnv.length > 0 ? { commandAndEnv } : {}),
  };
}

export function mapNamespaceJobs(jobs: readonly k8s.V1Job[], complete: boolean): NamespaceJobsEvidence {
  return { jobs: jobs.map(mapNamespaceJob), complete };
}
