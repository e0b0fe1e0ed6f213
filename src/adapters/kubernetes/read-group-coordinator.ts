// What the Kafka brokers say about a consumer group whose consumers found no committed offset and
// reset to the beginning (offset-reset.ts): the brokers' Service and pods (read-dependency-members.ts,
// through the coordinator address the consumers logged), one log read of the coordinator pod (at most
// SEARCH_TAIL_LINES lines / SEARCH_LIMIT_BYTES; only its lines about that group and about expired
// offsets kept), and — unless the brokers' env sets it — a get of the ConfigMaps one broker mounts (at
// most two, in their namespace, never a Secret; only offsets.retention.minutes kept).
import type { GroupCoordinatorEvidence } from '../../domain/triage/evidence-group-coordinator.js';
import type { PodEvidence } from '../../domain/triage/evidence.js';
import { findConfigFileSettings, listMountedConfigMaps } from '../../domain/triage/server-config-file.js';
import type { CollectContext } from './collect-context.js';
import { splitLogLines } from './read-pod-details.js';
import { readDependencyMembers } from './read-dependency-members.js';

const SEARCH_TAIL_LINES = 5000;
const SEARCH_LIMIT_BYTES = 1_000_000;
/** Lines kept from the coordinator's log: the group's last transitions and the sweeps that removed offsets. */
const KEEP_LINES = 10;
const RETENTION = 'offsets.retention.minutes';
/** Bitnami's KAFKA_CFG_…, Confluent's KAFKA_…. */
const RETENTION_ENV = /^KAFKA_(?:CFG_)?OFFSETS_RETENTION_MINUTES$/;

function findRetentionEnv(pods: readonly PodEvidence[]): GroupCoordinatorEvidence['retention'] {
  for (const pod of pods) {
    for (const c of pod.containers) {
      const e = (c.env ?? []).find((x) => RETENTION_ENV.test(x.name) && 'value' in x);
      if (e !== undefined && 'value' in e) return { value: e.value.trim(), where: `env ${e.name} of ${pod.name}` };
    }
  }
  return undefined;
}

const GROUP_LINE = /is now empty|transitioned to Dead|Stabilized group/;
const REMOVED = /Removed [1-9]\d* expired offsets/;

/** The group's last transitions, and the offset sweeps logged beside its death (else the newest two): other groups' sweeps are dropped. */
function keepGroupLines(all: readonly string[], group: string): string[] {
  const name = new RegExp(`\\b${group.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  const keep = new Set<number>();
  const removals: number[] = [];
  all.forEach((l, i) => {
    if (GROUP_LINE.test(l) && name.test(l)) keep.add(i);
    if (REMOVED.test(l)) removals.push(i);
  });
  const deaths = [...keep].filter((i) => /transitioned to Dead/.test(all[i] ?? ''));
  const beside = removals.filter((r) => deaths.some((d) => Math.abs(d - r) <= 2));
  for (const r of beside.length > 0 ? beside : removals.slice(-2)) keep.add(r);
  return [...keep].sort((a, b) => a - b).map((i) => all[i] ?? '').slice(-KEEP_LINES);
}

export async function readGroupCoordinator(ctx: CollectContext, pick: { service: { name: string; namespace: string }; pod?: string; group: string }): Promise<GroupCoordinatorEvidence | undefined> {
  const members = await readDependencyMembers(ctx, pick.service, 'its consumers found no committed offset and restarted from the beginning');
  if (members === undefined) return undefined;
  const { namespace } = members;
  const pod = members.pods.find((p) => p.name === pick.pod) ?? members.pods.find((p) => p.ready);
  const container = pod?.containers[0]?.name;
  const envRetention = findRetentionEnv(members.pods);
  const [log, configs] = await Promise.all([
    pod === undefined || container === undefined
      ? undefined
      : ctx.reads.one(`log of ${pod.name}/${container} in ${namespace} (the coordinator of group ${pick.group}: did it expire the group's offsets?)`, 'dependencyMembers', (o) =>
          ctx.clients.core.readNamespacedPodLog({ name: pod.name, namespace, container, tailLines: SEARCH_TAIL_LINES, limitBytes: SEARCH_LIMIT_BYTES }, o),
        ),
    envRetention !== undefined || pod === undefined
      ? []
      : ctx.reads.each(listMountedConfigMaps(pod), { label: `ConfigMaps the brokers of ${members.service} mount (how long they keep an empty group's offsets)`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
          ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
        ),
  ]);
  const lines = log === undefined ? [] : keepGroupLines(splitLogLines(log), pick.group);
  const set = configs.flatMap(({ item, value }) => findConfigFileSettings(value.data ?? {}, [RETENTION]).map((s) => ({ value: s.value, where: `ConfigMap ${namespace}/${item} (${s.key})` })))[0];
  const retention = envRetention ?? set;
  return { namespace, service: members.service, group: pick.group, ...(pod !== undefined ? { pod: pod.name } : {}), lines, ...(retention !== undefined ? { retention } : {}) };
}
