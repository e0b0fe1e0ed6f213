import type { EnvVarEvidence, ResourcesEvidence, RevisionContainerEvidence, RevisionEvidence } from './evidence.js';
import { redactSecrets } from './redact-secrets.js';

/** Env names whose literal values are never shown, even redacted. */
const SENSITIVE_ENV_NAME = /pass|secret|token|key|credential|auth|cert|private|salt|signing/i;

/** An env var as a reviewer should see it: refs named, values redacted, sensitive names hidden. */
export function formatEnvValue(env: EnvVarEvidence): string {
  if ('ref' in env) {
    const target = [env.ref.name, env.ref.key].filter(Boolean).join('/');
    return `from ${env.ref.kind}${target ? ` ${target}` : ''}`;
  }
  if (SENSITIVE_ENV_NAME.test(env.name)) return '(value hidden)';
  const value = env.value.length > 120 ? `${env.value.slice(0, 119)}…` : env.value;
  return JSON.stringify(redactSecrets(value));
}

function diffEnv(container: string, older: readonly EnvVarEvidence[], newer: readonly EnvVarEvidence[]): string[] {
  const lines: string[] = [];
  const before = new Map(older.map((e) => [e.name, e]));
  const after = new Map(newer.map((e) => [e.name, e]));
  for (const [name, e] of after) {
    const old = before.get(name);
    if (!old) lines.push(`${container} env added ${name} = ${formatEnvValue(e)}`);
    else if (JSON.stringify(old) !== JSON.stringify(e)) {
      const a = formatEnvValue(old);
      const b = formatEnvValue(e);
      lines.push(a === b ? `${container} env ${name} changed ${a}` : `${container} env ${name}: ${a} → ${b}`);
    }
  }
  for (const name of before.keys()) if (!after.has(name)) lines.push(`${container} env removed ${name}`);
  return lines;
}

function diffResources(container: string, older: ResourcesEvidence, newer: ResourcesEvidence): string[] {
  const lines: string[] = [];
  for (const kind of ['requests', 'limits'] as const) {
    const names = new Set([...Object.keys(older[kind]), ...Object.keys(newer[kind])]);
    for (const name of names) {
      const a = older[kind][name];
      const b = newer[kind][name];
      if (a === b) continue;
      lines.push(`${container} ${name} ${kind === 'requests' ? 'request' : 'limit'}: ${a ?? 'none'} → ${b ?? 'none'}`);
    }
  }
  return lines;
}

function diffContainer(older: RevisionContainerEvidence, newer: RevisionContainerEvidence): string[] {
  const lines: string[] = [];
  if (older.image !== newer.image) lines.push(`${newer.name} image: ${older.image} → ${newer.image}`);
  lines.push(...diffEnv(newer.name, older.env, newer.env));
  const fromA = older.envFrom.map((s) => `${s.kind} ${s.name}`);
  const fromB = newer.envFrom.map((s) => `${s.kind} ${s.name}`);
  for (const s of fromB) if (!fromA.includes(s)) lines.push(`${newer.name} envFrom added ${s}`);
  for (const s of fromA) if (!fromB.includes(s)) lines.push(`${newer.name} envFrom removed ${s}`);
  lines.push(...diffResources(newer.name, older.resources, newer.resources));
  return lines;
}

/**
 * What changed from one revision to the next, one line per change: images, env (secret
 * values never shown), envFrom, requests and limits. Empty when only other parts of the pod
 * template changed (a `kubectl rollout restart` annotation, labels, probes).
 */
export function diffRevisions(older: RevisionEvidence, newer: RevisionEvidence): string[] {
  const lines: string[] = [];
  for (const c of newer.containers) {
    const old = older.containers.find((o) => o.name === c.name);
    if (old) lines.push(...diffContainer(old, c));
    else lines.push(`container ${c.name} added (${c.image})`);
  }
  for (const o of older.containers) {
    if (!newer.containers.some((c) => c.name === o.name)) lines.push(`container ${o.name} removed`);
  }
  return lines;
}

/** Splits "registry/repo:tag" or "registry/repo@sha256:…" at the tag or digest. */
function splitImage(image: string): { repo: string; version: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { repo: image.slice(0, at), version: image.slice(at) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') ? { repo: image.slice(0, colon), version: image.slice(colon + 1) } : { repo: image, version: 'latest' };
}

/**
 * The headline change of a revision, short enough for a title: "app image 2.14.0 → 2.15.0",
 * else the first diff line.
 */
export function summarizeChange(older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  for (const c of newer.containers) {
    const old = older.containers.find((o) => o.name === c.name);
    if (!old || old.image === c.image) continue;
    const a = splitImage(old.image);
    const b = splitImage(c.image);
    return a.repo === b.repo ? `${c.name} image ${a.version} → ${b.version}` : `${c.name} image ${old.image} → ${c.image}`;
  }
  return diffRevisions(older, newer)[0];
}

/** Revisions newest first. */
export function sortRevisions(revisions: readonly RevisionEvidence[]): RevisionEvidence[] {
  return [...revisions].sort((a, b) => b.revision - a.revision);
}
