/**
 * A MongoDB member that starts with its data intact but finds no entry for itself in the replica
 * set configuration it stored ("NodeNotFound: No host described in new configuration … for
 * replica set rs0 maps to this node"): it goes to REMOVED and never votes, so with every member
 * in that state there is no primary. The usual cause is a set initiated with the members' pod IPs:
 * a rescheduled pod gets a new IP and the stored hosts name no one. Fixed by a forced reconfig
 * that names the members by their stable DNS names, not by restarting anything.
 */

export interface MissingMember {
  /** "rs0". */
  replicaSet?: string;
  /** The member hosts of the stored config, as written: "10.0.81.57:27017". */
  hosts: string[];
  /** Whether those hosts are IP addresses (pod IPs change on every reschedule). */
  byIp: boolean;
  /** The line, condensed for quoting. */
  said: string;
}

const NODE_NOT_FOUND = /NodeNotFound|does not have a valid entry for the current node|maps to this node/;
const IP_HOST = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;

/** The newest line of a mongod log that says its stored config has no entry for it. */
export function findMissingMember(lines: readonly string[]): MissingMember | undefined {
  const line = [...lines].reverse().find((l) => NODE_NOT_FOUND.test(l));
  if (line === undefined) return undefined;
  const replicaSet = /for replica set (\S+?) maps to this node/.exec(line)?.[1] ?? /"_id":"([^"]+)","version"/.exec(line)?.[1];
  const hosts = [...new Set([...line.matchAll(/"host":"([^"]+)"/g)].map((m) => m[1] ?? ''))].filter((h) => h !== '');
  const errmsg = /"errmsg":"([^"]+)"/.exec(line)?.[1];
  const msg = /"msg":"([^"]+)"/.exec(line)?.[1];
  const said = msg !== undefined ? `${msg}${errmsg ? ` (NodeNotFound: ${errmsg})` : ''}` : line.trim().slice(0, 300);
  return { ...(replicaSet ? { replicaSet } : {}), hosts, byIp: hosts.length > 0 && hosts.every((h) => IP_HOST.test(h)), said };
}

/** Whether a mongod log shows the member in state REMOVED. */
export function isRemovedMember(lines: readonly string[]): boolean {
  return lines.some((l) => /"newState":"REMOVED"|\bstate REMOVED\b/.test(l));
}
