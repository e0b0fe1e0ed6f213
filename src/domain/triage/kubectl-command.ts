import type { TriageTarget } from './evidence.js';

/**
 * A read-only kubectl command with the target's namespace and context filled in, so it can
 * be pasted as is. Names come from the cluster (DNS-1123), so they need no shell quoting;
 * callers quote jsonpath and field-selector arguments themselves.
 */
export function formatKubectl(target: TriageTarget, args: string, scope: 'namespaced' | 'cluster' = 'namespaced'): string {
  const ns = scope === 'namespaced' ? ` -n ${target.namespace}` : '';
  const ctx = target.context === undefined ? '' : ` --context ${target.context}`;
  // kubectl's flags go before `--` (what follows runs in the pod) or a pipe (what follows is another program).
  const end = findKubectlEnd(args);
  return `kubectl ${args.slice(0, end)}${ns}${ctx}${args.slice(end)}`;
}

/** Where kubectl's own arguments end: the first ` -- ` or ` | ` outside quotes, else the end. */
function findKubectlEnd(args: string): number {
  let quote: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (args.startsWith(' -- ', i) || args.startsWith(' | ', i)) {
      return i;
    }
  }
  return args.length;
}

/** `deployment/payment-service`, as kubectl rollout and logs accept it. */
export function formatWorkloadRef(target: TriageTarget): string {
  return `${target.kind.toLowerCase()}/${target.name}`;
}

/** `app=payment-service,tier=api` for `-l`. */
export function formatSelector(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function describePodCommand(target: TriageTarget, pod: string): string {
  return formatKubectl(target, `describe pod ${pod}`);
}

export function podEventsCommand(target: TriageTarget, pod: string): string {
  return formatKubectl(target, `get events --field-selector involvedObject.name=${pod} --sort-by=.lastTimestamp`);
}

export function previousLogsCommand(target: TriageTarget, pod: string, container: string): string {
  return formatKubectl(target, `logs ${pod} -c ${container} --previous --tail=100`);
}

export function describeNodeCommand(target: TriageTarget, node: string): string {
  return formatKubectl(target, `describe node ${node}`, 'cluster');
}

/** The workload's selector for `-l`; `app=<name>` when the workload could not be read. */
export function formatWorkloadSelector(target: TriageTarget, selector: Record<string, string> | undefined): string {
  return selector && Object.keys(selector).length > 0 ? formatSelector(selector) : `app=${target.name}`;
}

/** `kubectl get pods -o wide -l <selector>`: where every pod of the workload runs. */
export function listPodsCommand(target: TriageTarget, selector: Record<string, string> | undefined): string {
  return formatKubectl(target, `get pods -o wide -l ${formatWorkloadSelector(target, selector)}`);
}
