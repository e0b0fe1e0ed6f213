/**
 * A `$(NAME)` dependent env reference the kubelet leaves as written. It expands a reference in an
 * env value only from envFrom and the env entries listed BEFORE it (command and args from the
 * whole env); any other reference reaches the process literally, so the app dials a host called
 * "$(NAME)" or opens a path that starts with it. A sorted or re-ordered env list (a chart that
 * renders a map, a kustomize merge) breaks it without changing any value.
 */
import type { EnvFromEvidence, EnvVarEvidence } from './evidence-spec.js';

export interface UnexpandedRef {
  container: string;
  /** The env var whose value holds the reference, or "command"/"args". */
  holder: string;
  /** The referenced name, without `$( )`. */
  name: string;
  /** Defined after the holder in the env list, or by no env entry at all. */
  where: 'later' | 'undefined';
  /**
   * envFrom sources, which the kubelet sets before any entry: one could still define the name
   * (their keys are not read), so only the process's own log can show the reference stayed literal.
   */
  envFrom: EnvFromEvidence[];
}

interface ContainerEnv {
  name: string;
  env?: readonly EnvVarEvidence[];
  envFrom?: readonly EnvFromEvidence[];
  command?: readonly string[];
  args?: readonly string[];
}

/** `$$` escapes a reference; a name is what a C identifier allows, plus dots and dashes as the kubelet does. */
const REFERENCE = /\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g;

/**
 * Service links (enableServiceLinks) add `<SERVICE>_SERVICE_HOST`, `<SERVICE>_PORT_…` and the like
 * to the env the kubelet expands from: such a reference may be resolved without any entry.
 */
const SERVICE_LINK = /^[A-Z0-9_]+_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/;

/** The names `text` references, escaped ones left out. */
export function listReferences(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(REFERENCE)) if (m[1] !== undefined && !names.includes(m[1])) names.push(m[1]);
  return names;
}

/** The references of a container's env values, command and args that the kubelet cannot expand. */
export function findUnexpandedRefs(c: ContainerEnv): UnexpandedRef[] {
  const env = c.env ?? [];
  const envFrom = [...(c.envFrom ?? [])];
  const defined = new Set(env.map((e) => e.name));
  const out: UnexpandedRef[] = [];
  const add = (holder: string, name: string, where: UnexpandedRef['where']) => {
    if (SERVICE_LINK.test(name) || out.some((r) => r.holder === holder && r.name === name)) return;
    out.push({ container: c.name, holder, name, where, envFrom });
  };
  const before = new Set<string>();
  for (const e of env) {
    if ('value' in e) {
      for (const name of listReferences(e.value)) {
        if (before.has(name)) continue;
        if (defined.has(name)) add(e.name, name, 'later');
        else add(e.name, name, 'undefined');
      }
    }
    before.add(e.name);
  }
  for (const [holder, list] of [['command', c.command], ['args', c.args]] as const) {
    for (const name of listReferences((list ?? []).join(' '))) if (!defined.has(name)) add(holder, name, 'undefined');
  }
  return out;
}

/** The references a newer env cannot expand that the older one could (or did not have): what the change broke. */
export function findBrokenRefs(older: ContainerEnv | undefined, newer: ContainerEnv): UnexpandedRef[] {
  const had = new Set(older === undefined ? [] : findUnexpandedRefs(older).map((r) => `${r.holder}/${r.name}`));
  return findUnexpandedRefs(newer).filter((r) => !had.has(`${r.holder}/${r.name}`));
}

/** The first line that carries the reference as written: the process received it literally. */
export function findLiteralLine(ref: UnexpandedRef, lines: readonly string[]): string | undefined {
  const literal = `$(${ref.name})`;
  // "$$(NAME)" in a line is the escaped form someone logged, not a value the kubelet left.
  return lines.find((l) => l.includes(literal) && !l.includes(`$${literal}`));
}

/** "DATA_URL references $(SOME_HOST) before SOME_HOST is defined" — the reference and why it stays literal. */
export function describeRef(ref: UnexpandedRef): string {
  const where = ref.holder === 'command' || ref.holder === 'args' ? ref.holder : `env ${ref.holder}`;
  const from = ref.envFrom.map((s) => `${s.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${s.name}${s.prefix ? ` (prefix ${s.prefix})` : ''}`);
  const nor = from.length > 0 ? `, and envFrom (${from.join(', ')}) did not supply it` : '';
  if (ref.where === 'later') return `${where} references $(${ref.name}) before ${ref.name} is defined${nor}`;
  return `${where} references $(${ref.name}), which no env entry defines${nor}`;
}
