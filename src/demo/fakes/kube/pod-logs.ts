// pods/log: the container checks the apiserver makes and the errors the kubelet returns, with
// tailLines / limitBytes / timestamps applied the way `kubectl logs` sees them.
import { badRequest, notFound } from './status.js';
import type { KubeObject } from './resources.js';

export interface PodLogs {
  current?: string;
  previous?: string;
}

interface Entry extends PodLogs {
  /** RFC 3339 with nanoseconds, like kubelet's `timestamps=true` prefix. */
  at: string;
}

export interface LogQuery {
  container?: string;
  previous: boolean;
  tailLines?: number;
  limitBytes?: number;
  timestamps: boolean;
}

function intParam(v: string | null, name: string): number | undefined {
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid ${name}: ${v}`);
  return n;
}

export function parseLogQuery(q: URLSearchParams): LogQuery {
  const container = q.get('container');
  const tailLines = intParam(q.get('tailLines'), 'tailLines');
  const limitBytes = intParam(q.get('limitBytes'), 'limitBytes');
  return {
    ...(container === null || container === '' ? {} : { container }),
    previous: q.get('previous') === 'true' || q.get('previous') === '1',
    ...(tailLines === undefined ? {} : { tailLines }),
    ...(limitBytes === undefined ? {} : { limitBytes }),
    timestamps: q.get('timestamps') === 'true' || q.get('timestamps') === '1',
  };
}

function names(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .map((c: unknown) => (c !== null && typeof c === 'object' ? (c as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string');
}

export class PodLogStore {
  private readonly entries = new Map<string, Entry>();

  set(namespace: string, pod: string, container: string, logs: PodLogs): void {
    const at = new Date().toISOString().replace(/Z$/, '000000Z');
    this.entries.set(`${namespace}/${pod}/${container}`, { ...logs, at });
  }

  private containersWithLogs(namespace: string, pod: string): string[] {
    const prefix = `${namespace}/${pod}/`;
    return [...this.entries.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** The bytes the apiserver would stream for this request, or the StatusError it would return. */
  render(namespace: string, podName: string, pod: KubeObject | undefined, q: LogQuery): Buffer {
    if (pod === undefined) throw notFound('', 'pods', podName);
    const spec = (pod['spec'] ?? {}) as Record<string, unknown>;
    const declared = names(spec['containers']);
    const all = [...declared, ...names(spec['initContainers']), ...names(spec['ephemeralContainers'])];
    let container = q.container;
    if (container === undefined) {
      // A pod without a spec in a test still gets its only logged container, like a 1-container pod.
      const candidates = declared.length > 0 ? declared : this.containersWithLogs(namespace, podName);
      if (candidates.length !== 1) {
        throw badRequest(
          `a container name must be specified for pod ${podName}, choose one of: [${candidates.join(' ')}]`,
        );
      }
      container = candidates[0] as string;
    } else if (all.length > 0 && !all.includes(container)) {
      throw badRequest(`container ${container} is not valid for pod ${podName}`);
    }
    const entry = this.entries.get(`${namespace}/${podName}/${container}`);
    let text: string;
    if (q.previous) {
      if (entry?.previous === undefined) {
        throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
      }
      text = entry.previous;
    } else if (entry?.current !== undefined) {
      text = entry.current;
    } else {
      const waiting = waitingReason(pod, container);
      if (waiting !== undefined) {
        throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${waiting}`);
      }
      text = '';
    }
    let lines: string[] = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    if (q.tailLines !== undefined) lines = lines.slice(Math.max(0, lines.length - q.tailLines));
    if (q.timestamps) {
      const at = entry?.at ?? '';
      lines = lines.map((l) => `${at} ${l}`);
    }
    const out = Buffer.from(lines.join(''), 'utf8');
    return q.limitBytes === undefined ? out : out.subarray(0, q.limitBytes);
  }
}

/**
 * A container that never ran (no terminated last state) has no log file: the kubelet says it is
 * waiting. A crash-looping one still serves its last run's output.
 */
function waitingReason(pod: KubeObject, container: string): string | undefined {
  const status = (pod['status'] ?? {}) as Record<string, unknown>;
  const all = [
    ...((status['containerStatuses'] as unknown[] | undefined) ?? []),
    ...((status['initContainerStatuses'] as unknown[] | undefined) ?? []),
  ] as Array<Record<string, unknown>>;
  const cs = all.find((s) => s['name'] === container);
  if (cs === undefined) return undefined;
  const state = cs['state'] as { waiting?: { reason?: string } } | undefined;
  const last = cs['lastState'] as { terminated?: unknown } | undefined;
  if (state?.waiting === undefined || last?.terminated !== undefined) return undefined;
  return state.waiting.reason ?? 'ContainerCreating';
}
