/**
 * A squid allow-list as its rules state it: the destination acls (`dstdomain`, `dstdom_regex`) that
 * an `http_access allow` rule names, whether one of them lists a host (a leading dot matches the
 * domain and every subdomain, a bare name only itself), and the rule that refuses the rest
 * (`http_access deny all`). Values squid reads from a file ("/etc/squid/domains.txt") are not seen.
 */

const DOMAIN_TYPES = new Set(['dstdomain', 'dstdom_regex']);

export interface AllowListAcl {
  name: string;
  type: string;
  values: string[];
}

export interface AllowList {
  /** The destination acls an allow rule names, with their values (every acl line of a name merged). */
  acls: AllowListAcl[];
  /** The acl that lists the host, when one does. */
  listedIn?: string;
  /** Values read from a file, which may list it. */
  fromFile: boolean;
  /** The last http_access rule, when it refuses what no rule allowed (`http_access deny all`). */
  denyRest?: string;
}

function lists(acl: AllowListAcl, host: string): boolean {
  const h = host.toLowerCase();
  return acl.values.some((v) => {
    if (acl.type === 'dstdom_regex') {
      try {
        return new RegExp(v, 'i').test(h);
      } catch {
        return false;
      }
    }
    const d = v.toLowerCase();
    return d.startsWith('.') ? h === d.slice(1) || h.endsWith(d) : h === d;
  });
}

/** The allow-list the rules state for a host; undefined when no allow rule names a destination acl. */
export function readAllowList(rules: readonly string[], host: string): AllowList | undefined {
  const acls = new Map<string, AllowListAcl>();
  for (const line of rules) {
    const [word, name, type, ...rest] = line.trim().split(/\s+/);
    if (word?.toLowerCase() !== 'acl' || name === undefined || type === undefined || !DOMAIN_TYPES.has(type.toLowerCase())) continue;
    const values = rest.filter((v) => !/^-[a-z]$/i.test(v));
    const known = acls.get(name);
    if (known) known.values.push(...values);
    else acls.set(name, { name, type: type.toLowerCase(), values });
  }
  const access = rules.filter((l) => /^http_access\s/i.test(l.trim()));
  const allowed = new Set(access.flatMap((l) => {
    const [, verb, ...names] = l.trim().split(/\s+/);
    return verb?.toLowerCase() === 'allow' ? names.filter((n) => !n.startsWith('!')) : [];
  }));
  const used = [...acls.values()].filter((a) => allowed.has(a.name));
  if (used.length === 0) return undefined;
  const listedIn = used.find((a) => lists(a, host))?.name;
  const last = access.at(-1)?.trim();
  return {
    acls: used,
    ...(listedIn ? { listedIn } : {}),
    fromFile: used.some((a) => a.values.some((v) => v.startsWith('"'))),
    ...(last !== undefined && /^http_access\s+deny\s+all$/i.test(last) ? { denyRest: last } : {}),
  };
}
