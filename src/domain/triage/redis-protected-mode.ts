/**
 * A Redis that answers its clients "DENIED … protected mode": protected mode is on and the default
 * user has no password, so it accepts connections from its own loopback only. That is Redis's
 * default, so a server that meant to accept other pods runs without its configuration — most often
 * it started with no config file (its log says "no config file specified, using the default
 * config"), because the file it reads is no longer where it is mounted. Its own probe (redis-cli
 * ping, from inside the pod) still passes: the pod is Ready while every client is refused.
 */
import type { PodEvidence } from './evidence-pod.js';
import type { ServerExplanation } from './server-explanation.js';

export const REDIS_PROTECTED_MODE = /DENIED Redis is running in protected mode/i;

/** Redis's own start line when it was given no config file: it runs on the built-in defaults. */
export const REDIS_NO_CONFIG_FILE: ServerExplanation = {
  pattern: /no config file specified, using the default config/i,
  describe: () => ({ said: 'it started with no config file ("no config file specified, using the default config")' }),
};

export const PROTECTED_MODE_WHY =
  'Redis answers DENIED when protected mode is on and the default user has no password; it then accepts connections only from its own loopback interface. Both are its built-in defaults, so a Redis meant to serve other pods runs without its configuration (bind, protected-mode no or a password) — most often it started without its config file, because the file is not where its command reads it (a moved mount, a changed path or argument). Its own probe (redis-cli ping inside the pod) still passes, so it stays Ready while every client is refused.';

export const PROTECTED_MODE_FIX =
  'give Redis its config file again: mount the ConfigMap where its command reads it (or pass the mounted path to redis-server), or roll the Redis workload back to where it found the file — then restart it; setting protected-mode no or a password only in the running server is lost on its next restart';

/** "ConfigMap cache-conf mounted at /etc/redis": where the Redis pod mounts its ConfigMaps, the file its command must find there. */
export function describeConfigMounts(pod: PodEvidence): { said: string; evidence: string } | undefined {
  const maps = new Map((pod.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [[v.name, v.ref] as const] : [])));
  const mounts = pod.containers.flatMap((c) => (c.volumeMounts ?? []).flatMap((m) => {
    const ref = maps.get(m.name);
    return ref === undefined ? [] : [{ ref, path: `${m.mountPath}${m.subPath ? ` (subPath ${m.subPath})` : ''}`, container: c.name }];
  }));
  if (mounts.length === 0) return undefined;
  const said = mounts.slice(0, 2).map((m) => `ConfigMap ${m.ref} mounted at ${m.path}`).join(', ');
  const command = pod.containers.find((c) => mounts.some((m) => m.container === c.name));
  const runs = command ? [...(command.command ?? []), ...(command.args ?? [])].join(' ') : '';
  return { said, evidence: `${pod.name}: ${mounts.map((m) => `${m.container} mounts ConfigMap ${m.ref} at ${m.path}`).join('; ')}${runs ? `; it runs: ${runs.slice(0, 200)}` : ''}` };
}
