/**
 * Vault Agent beside the app (injected by Vault's webhook, or declared): it logs in to Vault,
 * renders the credentials the app reads from a file (a database's dynamic user, its password)
 * and keeps its token and their leases renewed. When Vault refuses it (403 permission denied on
 * renew, login or read), the file keeps credentials whose lease is gone, and the app's logins to
 * the dependency fail: the app's log shows only the rejection, the agent's own log says why.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import { findRejections, MIN_LINES } from './analyzers/credentials-rejections.js';

/** Containers read at most: the agent of two rejecting pods is enough to tell. */
const MAX_AGENTS = 2;

/** Vault's own image run as an agent (`vault agent -config=…`), or a container named for it. */
export function isVaultAgent(c: Pick<ContainerSpecEvidence, 'name' | 'image' | 'command' | 'args'>): boolean {
  const image = /(?:^|\/)vault(?:-enterprise|-k8s)?[:@]/i.test(c.image);
  const runs = [...(c.command ?? []), ...(c.args ?? [])].some((a) => /\bvault agent\b/.test(a));
  return /vault-?agent/i.test(c.name) || (image && runs);
}

/** The running Vault Agents of the pods whose logs show their credentials rejected, not yet read: at most two. */
export function pickVaultAgentLogs(pods: readonly PodEvidence[], logs: readonly LogEvidence[]): { pod: string; container: string; restarts: number }[] {
  const { hits, pods: rejecting } = findRejections({ logs: [...logs], pods: [...pods] });
  if (hits.length < MIN_LINES) return [];
  const read = new Set(logs.map((l) => `${l.pod}/${l.container}`));
  return rejecting.flatMap((name) => {
    const pod = pods.find((p) => p.name === name);
    const agents = [...(pod?.containers ?? []), ...(pod?.initContainers.filter((c) => c.sidecar) ?? [])].filter((c) => isVaultAgent(c) && c.state !== undefined && 'running' in c.state && !read.has(`${name}/${c.name}`));
    return agents.slice(0, 1).map((c) => ({ pod: name, container: c.name, restarts: c.restartCount }));
  }).slice(0, MAX_AGENTS);
}
