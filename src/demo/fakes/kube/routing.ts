// Request routing pieces that need no server state: REST path parsing (core and group paths,
// legacy /watch/ prefix), RBAC denial rules, and the discovery documents.
import { groupVersions, resourceFor } from './resources.js';
import type { ResourceDef } from './resources.js';
import { forbidden, pathNotFound } from './status.js';

export interface ForbidRule {
  /** RBAC resource, subresources included: `pods`, `pods/log`, `deployments`. Absent = any. */
  resource?: string;
  /** `get` | `list` | `watch`. Absent = any. */
  verb?: string;
  /**
   * Absent = everywhere. A namespace rule also denies all-namespaces lists/watches of namespaced
   * resources, since a cluster-wide grant would have covered that namespace too.
   */
  namespace?: string;
  /** Absent = any user. */
  user?: string;
}

/** A parsed REST path: `/api/v1/namespaces/ns/pods/name/log` and the `/apis/g/v/…` forms. */
export interface Target {
  def: ResourceDef;
  namespace: string | undefined;
  name: string | undefined;
  subresource: string | undefined;
  watchPath: boolean;
}

export function parseTarget(segs: string[]): Target {
  let apiVersion: string;
  let rest: string[];
  if (segs[0] === 'api' && segs.length >= 3) {
    apiVersion = segs[1] as string;
    rest = segs.slice(2);
  } else if (segs[0] === 'apis' && segs.length >= 4) {
    apiVersion = `${segs[1] as string}/${segs[2] as string}`;
    rest = segs.slice(3);
  } else {
    throw pathNotFound();
  }
  const watchPath = rest[0] === 'watch';
  if (watchPath) rest = rest.slice(1);
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  const def = resource === undefined ? undefined : resourceFor(apiVersion, resource);
  if (def === undefined || extra.length > 0) throw pathNotFound();
  // Namespaced objects are addressed by name only under /namespaces/{ns}; cluster ones never are.
  if (namespace !== undefined && !def.namespaced) throw pathNotFound();
  if (namespace === undefined && def.namespaced && name !== undefined) throw pathNotFound();
  if (subresource !== undefined && !def.subresources.includes(subresource)) throw pathNotFound();
  return { def, namespace, name, subresource, watchPath };
}

/** Throws the apiserver's 403 if a forbid rule matches the request. */
export function authorize(rules: Iterable<ForbidRule>, user: string, verb: string, t: Target): void {
  const rbacResource = t.subresource === undefined ? t.def.resource : `${t.def.resource}/${t.subresource}`;
  for (const rule of rules) {
    if (rule.user !== undefined && rule.user !== user) continue;
    if (rule.verb !== undefined && rule.verb !== verb) continue;
    if (rule.resource !== undefined && rule.resource !== rbacResource) continue;
    if (rule.namespace !== undefined) {
      const allNamespaces = t.def.namespaced && t.namespace === undefined;
      if (t.namespace !== rule.namespace && !allNamespaces) continue;
    }
    throw forbidden({
      user,
      verb,
      group: t.def.group,
      resource: t.def.resource,
      ...(t.subresource === undefined ? {} : { subresource: t.subresource }),
      ...(t.namespace === undefined ? {} : { namespace: t.namespace }),
      ...(t.name === undefined ? {} : { name: t.name }),
    });
  }
}

/** `/api`, `/apis`, `/apis/{group}`, `/api/v1`, `/apis/{group}/{version}`; undefined otherwise. */
export function discovery(segs: string[]): unknown {
  const gvs = groupVersions();
  const resourceList = (gv: string): unknown => {
    const defs = gvs.get(gv);
    if (defs === undefined) throw pathNotFound();
    const resources: unknown[] = [];
    for (const d of defs) {
      // Only the read verbs: this fake refuses every write.
      resources.push({
        name: d.resource,
        singularName: d.kind.toLowerCase(),
        namespaced: d.namespaced,
        kind: d.kind,
        verbs: ['get', 'list', 'watch'],
      });
      for (const sub of d.subresources) {
        resources.push({
          name: `${d.resource}/${sub}`,
          singularName: '',
          namespaced: d.namespaced,
          kind: sub === 'log' ? 'Pod' : d.kind,
          verbs: ['get'],
        });
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources };
  };
  const group = (name: string): unknown => {
    const versions = [...gvs.keys()]
      .filter((gv) => gv.startsWith(`${name}/`))
      .map((gv) => ({ groupVersion: gv, version: gv.slice(name.length + 1) }));
    if (versions.length === 0) throw pathNotFound();
    return { name, versions, preferredVersion: versions[0] };
  };
  if (segs[0] === 'api') {
    if (segs.length === 1) return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] };
    if (segs.length === 2) return resourceList(segs[1] as string);
  }
  if (segs[0] === 'apis') {
    if (segs.length === 1) {
      const grouped = [...gvs.keys()].filter((gv) => gv.includes('/'));
      const names = [...new Set(grouped.map((gv) => gv.split('/')[0] as string))];
      return { kind: 'APIGroupList', apiVersion: 'v1', groups: names.map(group) };
    }
    if (segs.length === 2) return { kind: 'APIGroup', apiVersion: 'v1', ...(group(segs[1] as string) as object) };
    if (segs.length === 3) return resourceList(`${segs[1] as string}/${segs[2] as string}`);
  }
  return undefined;
}
