/**
 * Where a token validator's trusted issuer is set, as the container spec names it: an argument,
 * a literal env value, a ConfigMap key read by env or envFrom (key names only: values of a
 * ConfigMap are never kept, so the setting is named, not quoted, unless the spec holds it).
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import { formatAgo } from './time-span.js';

/** Names of an issuer setting: OIDC_ISSUER_URL, JWT_ISSUER, AUTH_AUTHORITY, spring's ISSUER_URI. */
const ISSUER_NAME = /ISSUER|AUTHORITY/i;
const ISSUER_ARG = /^--?[\w.-]*(?:issuer|authority)[\w.-]*=(\S+)$/i;

export interface IssuerSetting {
  /** The variable or flag: "OIDC_ISSUER_URL", "--oidc-issuer-url". */
  name: string;
  /** Its value, when the spec holds it literally. */
  value?: string;
  /** The ConfigMap it comes from, and when that was last changed. */
  configMap?: { name: string; changedAt?: IsoTime };
}

export function findIssuerSetting(c: ContainerSpecEvidence | undefined, objects: readonly NamespaceObjectEvidence[] = []): IssuerSetting | undefined {
  return findTokenSetting(c, objects, ISSUER_NAME, ISSUER_ARG);
}

/** The setting of a token validator whose variable names match `nameRe` (or whose flag matches `argRe`, value in group 1). */
export function findTokenSetting(c: ContainerSpecEvidence | undefined, objects: readonly NamespaceObjectEvidence[], nameRe: RegExp, argRe: RegExp): IssuerSetting | undefined {
  if (c === undefined) return undefined;
  const changedAtOf = (name: string): IsoTime | undefined => {
    const o = objects.find((x) => x.kind === 'ConfigMap' && x.name === name);
    return o?.changedAt ?? o?.createdAt;
  };
  const withConfigMap = (name: string, cm: string): IssuerSetting => {
    const changedAt = changedAtOf(cm);
    return { name, configMap: { name: cm, ...(changedAt ? { changedAt } : {}) } };
  };
  for (const a of [...(c.command ?? []), ...(c.args ?? [])]) {
    const m = argRe.exec(a.trim());
    if (m?.[1] !== undefined) return { name: a.trim().split('=')[0] ?? a, value: m[1] };
  }
  for (const e of c.env ?? []) {
    if (!nameRe.test(e.name)) continue;
    if ('value' in e) return { name: e.name, value: e.value };
    if (e.ref.kind === 'configMap' && e.ref.name !== undefined) return withConfigMap(e.name, e.ref.name);
  }
  for (const f of c.envFrom ?? []) {
    if (f.kind !== 'configMap') continue;
    const key = objects.find((o) => o.kind === 'ConfigMap' && o.name === f.name)?.keys?.find((k) => nameRe.test(k));
    if (key !== undefined) return withConfigMap(`${f.prefix ?? ''}${key}`, f.name);
  }
  return undefined;
}

/** The setting as a headline names it: `NAME=value` on the container, or the ConfigMap that holds it and when it last changed. */
export function describeTokenSetting(s: IssuerSetting, collectedAt: IsoTime): string {
  if (s.configMap === undefined) return `${s.name}${s.value !== undefined ? `=${s.value}` : ''}`;
  const changed = s.configMap.changedAt ? `, last changed ${formatAgo(s.configMap.changedAt, collectedAt)}` : '';
  return `${s.name} (ConfigMap ${s.configMap.name}${changed})`;
}
