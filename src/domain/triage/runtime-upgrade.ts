/**
 * The revision that moved a workload onto a new major version of its runtime or framework (a
 * node:14 → node:22 base image, Spring Boot 2.x → 3.x), read from its history: the image, a base
 * image the CI names in a template annotation, a version env, the change-cause. A default that
 * changed with that major (a server timeout, how a path is matched) is in the process from its
 * start and shows only when some request meets it, so that revision is the "since" however long
 * before the first sign it rolled out: the step back from the revision the signing pods run.
 */
import type { IsoTime, RevisionEvidence } from './evidence.js';
import { listStepsBack, splitImage, summarizeChange } from './revision-diff.js';
import { formatAgo } from './time-span.js';

/** A runtime or framework whose major version a revision's spec or change-cause can name. */
export interface RuntimeName {
  /** How it is named in a finding: "Node.js", "Spring Boot". */
  label: string;
  /** Its version in an image reference (`node:22.4.0-slim`), a base-image annotation's value, or free text (a change-cause). */
  version: RegExp;
  /** An env var that names its version (`NODE_VERSION`). */
  env?: string;
}

export const NODE_RUNTIME: RuntimeName = { label: 'Node.js', version: /(?:^|[/\s"'(])node(?:js)?[:@ ]v?(\d+)(?:\.\d+){0,2}\b[\w.-]*/i, env: 'NODE_VERSION' };
export const SPRING_BOOT: RuntimeName = { label: 'Spring Boot', version: /\bSpring Boot[ :-]?v?(\d+)(?:\.\d+){0,2}\b/i };

/** The major a revision names for the runtime, and where it says so ("base image node:22.4.0-slim"). */
export function findRuntimeMajor(r: RevisionEvidence, runtime: RuntimeName): { major: number; where: string; text: string } | undefined {
  for (const c of r.containers) {
    const m = runtime.version.exec(` ${c.image}`);
    if (m?.[1]) return { major: Number(m[1]), where: `image ${c.image}`, text: m[0].trim().replace(/^[/"'(]/, '') };
    const env = runtime.env ? c.env.find((e) => e.name === runtime.env && 'value' in e) : undefined;
    const fromEnv = env && 'value' in env ? /^v?(\d+)/.exec(env.value)?.[1] : undefined;
    if (env && 'value' in env && fromEnv) return { major: Number(fromEnv), where: `env ${env.name}=${env.value}`, text: env.value };
  }
  for (const [key, value] of Object.entries(r.template?.annotations ?? {})) {
    const m = runtime.version.exec(` ${value}`);
    if (m?.[1]) return { major: Number(m[1]), where: `annotation ${key}: ${value}`, text: m[0].trim().replace(/^[/"'(]/, '') };
  }
  const cause = runtime.version.exec(r.changeCause ?? '');
  return cause?.[1] ? { major: Number(cause[1]), where: `change-cause "${r.changeCause ?? ''}"`, text: cause[0].trim() } : undefined;
}

export interface UpgradeStep {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  /** The runtime's major before and after, when the revisions name it. */
  from?: number;
  to?: number;
  /** What moved, for a title: "base image node:14.21.3-slim → node:22.4.0-slim", else the image change. */
  change: string;
  /** "revision 12 (3h 4m ago: base image node:14… → node:22…)". */
  named: string;
}

/**
 * The step back from the revision `pods` run that moved the runtime to `atLeast` or above from
 * below it; when no revision names the runtime, the newest step that changed an image (the
 * runtime the log reports came with some image). None when the pods share no revision.
 */
export function findUpgradeStep(
  revisions: readonly RevisionEvidence[],
  pods: readonly { revisionHash?: string }[],
  runtime: RuntimeName,
  atLeast: number,
  now: IsoTime,
): UpgradeStep | undefined {
  const steps = listStepsBack(revisions, pods);
  for (const [newer, older] of steps) {
    const [a, b] = [findRuntimeMajor(older, runtime), findRuntimeMajor(newer, runtime)];
    if (b === undefined || b.major < atLeast) continue;
    if (a !== undefined && a.major >= atLeast) continue;
    const change = a !== undefined && a.where.startsWith('annotation') && b.where.startsWith('annotation')
      ? `base image ${a.text} → ${b.text}`
      : a !== undefined && a.where.startsWith('image') && b.where.startsWith('image')
        ? `image ${splitImage(a.where.slice(6)).version} → ${splitImage(b.where.slice(6)).version}`
        : `${summarizeChange(older, newer) ?? 'a new template'}${b.where.startsWith('change-cause') ? ` — ${newer.changeCause ?? ''}` : ` (${runtime.label} ${b.major})`}`;
    return describe(newer, older, change, a?.major, b.major, now);
  }
  // No revision names the runtime: the newest image change is where a new one could have come in.
  const changed = steps.find(([newer, older]) => newer.containers.some((c) => older.containers.find((o) => o.name === c.name)?.image !== c.image));
  if (changed === undefined) return undefined;
  const [newer, older] = changed;
  const change = `${summarizeChange(older, newer) ?? 'a new image'}${newer.changeCause ? ` — ${newer.changeCause}` : ''}`;
  return describe(newer, older, change, undefined, undefined, now);
}

function describe(revision: RevisionEvidence, previous: RevisionEvidence, change: string, from: number | undefined, to: number | undefined, now: IsoTime): UpgradeStep {
  return {
    revision,
    previous,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    change,
    named: `revision ${revision.revision} (${formatAgo(revision.createdAt, now)}: ${change})`,
  };
}
