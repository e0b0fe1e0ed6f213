/**
 * A Redis stream's consumer group gone: `NOGROUP No such key 'orders' or consumer group 'billing'`.
 * Consumers usually create their group once, at start (XGROUP CREATE … MKSTREAM, BUSYGROUP
 * ignored); a Redis that restarts without persistence (no RDB save, no AOF, data on an emptyDir)
 * comes back empty, and every XREADGROUP fails until someone creates the group again — the
 * consumers stay Ready while nothing is consumed. Pure: the refused lines and the server's pod.
 */
import type { PodEvidence } from './evidence-pod.js';
import { formatAgo } from './time-span.js';

export const REDIS_NOGROUP = /NOGROUP No such key '([^']+)' or consumer group '([^']+)'/;

/** The value after a redis-server flag in its args (`--save ""` is an empty word). */
function flagValue(words: readonly string[], flag: string): string | undefined {
  const i = words.indexOf(flag);
  return i >= 0 ? words[i + 1] : undefined;
}

/**
 * Whether the server keeps its data across a restart, from its pod: RDB saves and AOF as its
 * command line sets them, and what its data directory is mounted on. Undefined for a Redis whose
 * command line and volumes say nothing of it (its config file decides).
 */
export function readRedisPersistence(pod: PodEvidence, now?: string): { said: string; evidence: string } | undefined {
  const c = pod.containers.find((x) => /redis|valkey/i.test(x.image));
  if (!c) return undefined;
  const words = [...(c.command ?? []), ...(c.args ?? [])];
  const save = flagValue(words, '--save');
  const aof = flagValue(words, '--appendonly');
  const noSave = save !== undefined && save.trim() === '';
  const noAof = aof === 'no' || (aof === undefined && noSave);
  const volumes = new Map((pod.volumes ?? []).map((v) => [v.name, v]));
  const data = (c.volumeMounts ?? []).find((m) => /^\/data\b/.test(m.mountPath));
  const onEmptyDir = data ? volumes.get(data.name)?.source === 'emptyDir' : (c.volumeMounts ?? []).every((m) => volumes.get(m.name)?.source !== 'pvc');
  if (!(noSave && noAof) && !onEmptyDir) return undefined;
  const parts = [
    ...(noSave ? ['--save "" (no RDB snapshots)'] : []),
    ...(noAof ? ['--appendonly no'] : []),
    ...(onEmptyDir ? [data ? `${data.mountPath} on an emptyDir` : 'no persistent volume'] : []),
  ];
  const started = pod.startTime ?? pod.createdAt;
  const since = started && now ? `; pod ${pod.name} started ${formatAgo(started, now)}` : '';
  return {
    said: `no persistence: ${parts.join(', ')}, so a restart empties it${since}`,
    evidence: `${pod.name} runs ${c.name} with ${parts.join(', ')}${started ? ` (started ${started})` : ''}`,
  };
}

/** The fix with the stream's and group's names, from the refused lines. */
export function fixLostGroup(lines: readonly string[]): string | undefined {
  const m = lines.map((l) => REDIS_NOGROUP.exec(l)).find((x) => x !== null);
  if (!m) return undefined;
  return `recreate the consumer group (XGROUP CREATE ${m[1] ?? ''} ${m[2] ?? ''} 0 MKSTREAM, from 0 so what was added since is consumed) or restart the workers that create it at start; then give Redis persistence (AOF on a PersistentVolumeClaim) and make the consumers recreate the group on NOGROUP`;
}

export const LOST_GROUP_WHY =
  'Consumers create their stream\'s consumer group once, at start (XGROUP CREATE … MKSTREAM), and from then on only read through it (XREADGROUP). A Redis that restarts without persistence comes back empty: the stream and its group are gone, so every XREADGROUP is answered NOGROUP and nothing is consumed, while producers XADD into a new stream and every pod stays Ready.';

export const LOST_GROUP_CLIENT_SIDE =
  'Redis is up and answers every other command: what it lost is the group, which these consumers create only when they start, so they will not bring it back while they run — a restart of theirs (or one XGROUP CREATE) does, and the messages added since the restart are still in the new stream.';

export const LOST_GROUP_OUTLASTS = 'the group is gone from Redis whatever revision of the consumers runs, until something creates it again';

export const LOST_GROUP_FIX =
  'recreate the consumer group (XGROUP CREATE <stream> <group> 0 MKSTREAM) or restart the workers that create it at start; then give Redis persistence (AOF on a PersistentVolumeClaim) and make the consumers recreate the group on NOGROUP';
