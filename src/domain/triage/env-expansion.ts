/**
 * Values Kubernetes computes for a container's environment before the process sees it: `$(VAR)`
 * references in env values, command and args, expanded the way the kubelet does, and Downward
 * API resource values (resourceFieldRef) computed from the container's limits and their divisor.
 * A flag such as `-Xmx$(MEM_LIMIT)m` means nothing until it is expanded: without a divisor,
 * limits.memory arrives in bytes, and the flag asks for a million times the memory.
 */
import type { ContainerSpecEvidence, EnvVarEvidence } from './evidence.js';
import { parseQuantity } from './quantity.js';

/** A variable the kubelet computes, with where its value comes from when it is not a literal. */
export interface ComputedVar {
  name: string;
  value: string;
  /** "limits.memory of container app through the Downward API, in bytes (no divisor)". */
  origin?: string;
  /** The Downward API value has no divisor: memory in bytes, CPU in whole cores. */
  noDivisor?: boolean;
}

/** A text after expansion, with the variables it referenced. */
export interface Expanded {
  text: string;
  used: ComputedVar[];
}

/**
 * limits.memory or requests.cpu of the container, divided by the divisor and rounded up, as the
 * kubelet computes it. A limit the container does not set defaults to the node's allocatable,
 * which the evidence does not hold: unresolved.
 */
function resolveResource(e: Extract<EnvVarEvidence, { ref: unknown }>, c: ContainerSpecEvidence): ComputedVar | undefined {
  const { key, name, divisor } = e.ref;
  if (key === undefined || (name !== undefined && name !== '' && name !== c.name)) return undefined;
  const m = /^(limits|requests)\.(.+)$/.exec(key);
  if (!m) return undefined;
  const [, side = '', resource = ''] = m;
  const amount = parseQuantity((side === 'limits' ? c.resources.limits : c.resources.requests)[resource]);
  const by = parseQuantity(divisor ?? '1');
  if (amount === undefined || by === undefined || by <= 0) return undefined;
  const unit = divisor === undefined ? (resource === 'cpu' ? 'in whole cores' : 'in bytes') : `in units of ${divisor}`;
  return {
    name: e.name,
    value: String(Math.ceil(amount / by - 1e-9)),
    origin: `${key} of container ${c.name} through the Downward API, ${unit}${divisor === undefined ? ' (no divisor)' : ''}`,
    ...(divisor === undefined ? { noDivisor: true } : {}),
  };
}

/**
 * `$(VAR)` becomes the variable's value when it is defined; `$$(VAR)` is an escaped, literal
 * `$(VAR)`; an undefined reference is left as written (the kubelet's rule).
 */
export function expandReferences(text: string, vars: ReadonlyMap<string, ComputedVar>): Expanded {
  const used: ComputedVar[] = [];
  const out = text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (whole, name: string | undefined) => {
    if (name === undefined) return '$';
    const v = vars.get(name);
    if (v === undefined) return whole;
    if (!used.includes(v)) used.push(v);
    return v.value;
  });
  return { text: out, used };
}

/** The container's variables in order, each expanded with the ones defined before it. */
export function computeEnv(c: ContainerSpecEvidence): Map<string, ComputedVar> {
  const vars = new Map<string, ComputedVar>();
  for (const e of c.env ?? []) {
    if ('value' in e) {
      const x = expandReferences(e.value, vars);
      // A literal built from a Downward API value carries that value's origin along.
      const from = x.used.find((u) => u.origin !== undefined);
      vars.set(e.name, { name: e.name, value: x.text, ...(from ? { origin: `$(${from.name}): ${from.origin ?? ''}`, ...(from.noDivisor ? { noDivisor: true } : {}) } : {}) });
    } else if (e.ref.kind === 'resource') {
      const v = resolveResource(e, c);
      if (v) vars.set(e.name, v);
      else vars.delete(e.name);
    } else {
      vars.delete(e.name);
    }
  }
  return vars;
}

/** A container spec with env values, command and args as the process receives them. */
export function expandContainer(c: ContainerSpecEvidence): { container: ContainerSpecEvidence; vars: Map<string, ComputedVar> } {
  const vars = computeEnv(c);
  const env = (c.env ?? []).map((e) => {
    const v = vars.get(e.name);
    return 'value' in e && v !== undefined ? { name: e.name, value: v.value } : e;
  });
  const argv = (list: string[] | undefined) => list?.map((a) => expandReferences(a, vars).text);
  const command = argv(c.command);
  const args = argv(c.args);
  return {
    container: { ...c, ...(c.env ? { env } : {}), ...(command ? { command } : {}), ...(args ? { args } : {}) },
    vars,
  };
}
