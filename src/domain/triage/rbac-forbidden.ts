/**
 * A process refused by the API server's authorization: `pods is forbidden: User
 * "system:serviceaccount:ops:cleanup" cannot list resource "pods" in API group "" in the namespace
 * "batch"`, as kubectl ("Error from server (Forbidden): …") and client-go write it. The image and
 * the code are not at fault: no Role or ClusterRole bound to the identity grants that verb, most
 * often because a RoleBinding was removed or never applied to that namespace. Names the identity,
 * each refused verb, resource and namespace, and the grant that lifts it.
 */

export interface RbacRefusal {
  verb: string;
  /** "pods", "deployments.apps", "pods/exec". */
  resource: string;
  /** Absent: refused at the cluster scope. */
  namespace?: string;
}

export interface RbacForbidden {
  /** "system:serviceaccount:ops:cleanup", or another user name. */
  user: string;
  /** The ServiceAccount behind the user, when it is one. */
  serviceAccount?: { namespace: string; name: string };
  /** Every distinct refusal the log holds, in order. */
  refusals: RbacRefusal[];
  /** The first refusal's line, as logged. */
  line: string;
}

const FORBIDDEN = /is forbidden: User "(?<user>[^"]+)" cannot (?<verb>[\w-]+) resource "(?<resource>[^"]+)" in API group "(?<group>[^"]*)"(?: in the namespace "(?<namespace>[^"]+)"| at the cluster scope)?/;

/** The identity refused and what it was refused, from the log's "is forbidden: User …" lines. */
export function findRbacForbidden(lines: readonly string[]): RbacForbidden | undefined {
  let found: RbacForbidden | undefined;
  for (const raw of lines) {
    const m = FORBIDDEN.exec(raw);
    const g = m?.groups;
    if (!g) continue;
    const user = g['user'] ?? '';
    if (found !== undefined && found.user !== user) continue;
    const group = g['group'] ?? '';
    const resource = group === '' ? g['resource'] ?? '' : `${g['resource'] ?? ''}.${group}`;
    const refusal: RbacRefusal = { verb: g['verb'] ?? '', resource, ...(g['namespace'] ? { namespace: g['namespace'] } : {}) };
    if (found === undefined) {
      const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(user);
      found = { user, refusals: [], line: raw.trim(), ...(sa ? { serviceAccount: { namespace: sa[1] ?? '', name: sa[2] ?? '' } } : {}) };
    }
    if (!found.refusals.some((r) => r.verb === refusal.verb && r.resource === refusal.resource && r.namespace === refusal.namespace)) found.refusals.push(refusal);
  }
  return found;
}

/** "list pods in namespace batch", "get nodes at the cluster scope". */
function describeRefusal(r: RbacRefusal): string {
  return `${r.verb} ${r.resource} ${r.namespace ? `in namespace ${r.namespace}` : 'at the cluster scope'}`;
}

export interface RbacForbiddenTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/**
 * The finding's words. `lastSuccess` ("3h14m ago"): when the same identity last ran cleanly, which
 * dates the lost permission.
 */
export function tellRbacForbidden(f: RbacForbidden, lastSuccess?: string): RbacForbiddenTold {
  const who = f.serviceAccount ? `ServiceAccount ${f.serviceAccount.namespace}/${f.serviceAccount.name}` : `user ${f.user}`;
  const [first] = f.refusals;
  const refused = f.refusals.slice(0, 3).map(describeRefusal).join(', ');
  const more = f.refusals.length > 3 ? ` and ${f.refusals.length - 3} more` : '';
  const scoped = first?.namespace !== undefined;
  const binding = scoped ? `a Role and RoleBinding in ${first?.namespace ?? ''}` : 'a ClusterRole and ClusterRoleBinding';
  const canI = first ? `kubectl auth can-i ${first.verb} ${first.resource}${first.namespace ? ` -n ${first.namespace}` : ''} --as=${f.user}` : undefined;
  const grant = first ? `grant ${first.verb} on ${first.resource}${first.namespace ? ` in ${first.namespace}` : ''} to ${who} (${binding})` : `grant ${who} what it needs`;
  const since = lastSuccess ? ` Runs as the same identity succeeded until ${lastSuccess}: the permission went away after that, most likely a RoleBinding removed or renamed.` : '';
  return {
    title: `: RBAC forbids ${who} to ${refused}${more}`,
    cause: `The API server refuses ${who} (${f.user}): ${refused}${more}. No Role or ClusterRole bound to it grants that, so every run fails the same way; the image, the script and the nodes are not at fault.${since}`,
    action: `${grant[0]?.toUpperCase() ?? ''}${grant.slice(1)}; check whether its RoleBinding was removed${canI ? ` (${canI})` : ''}.`,
    fix: grant,
    evidence: [`refused by RBAC as ${f.user}: ${f.refusals.map(describeRefusal).join('; ')}`],
  };
}
