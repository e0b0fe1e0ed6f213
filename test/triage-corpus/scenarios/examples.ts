// Three stories that show how a corpus scenario is written: a rollout that broke the entrypoint,
// a node that breaks the pods scheduled on it while the same revision runs fine elsewhere, and a
// healthy control.
import {
  NODE_A, NODE_B, NODE_C, backOff, container, crashLoop, deploymentApp, event, exposed, node, scaledReplicaSet, threeNodes,
} from '../kit/index.js';
import type { CorpusScenario } from '../scenario.js';

const IMAGE = (v: string) => `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/checkout:${v}`;

/** Revision 14 moved checkout to a distroless base; the start script the command names is gone. */
function exit127AfterRebuild(): CorpusScenario {
  const app = deploymentApp({
    namespace: 'shop',
    name: 'checkout',
    replicas: 3,
    revisions: [
      { revision: 13, createdAgo: 6 * 24 * 60, template: { containers: [container({ image: IMAGE('4.2.0'), command: ['/app/start.sh'] })] } },
      { revision: 14, createdAgo: 18, changeCause: 'ci: checkout 4.3.0 (distroless base)', template: { containers: [container({ image: IMAGE('4.3.0'), command: ['/app/start.sh'] })] } },
    ],
    pods: [
      // maxSurge 1 / maxUnavailable 0: one new pod crash-loops, the old three keep serving.
      { revision: 14, node: NODE_B, createdAgo: 17, containers: { app: crashLoop({ exitCode: 127, reason: 'StartError', message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/start.sh": stat /app/start.sh: no such file or directory: unknown', finishedAgo: 2, ranSeconds: 0 }, 8) } },
      { revision: 13, node: NODE_A },
      { revision: 13, node: NODE_B },
      { revision: 13, node: NODE_C },
    ],
  });
  const [broken] = app.pods;
  return {
    id: 'example-exit-127-start-script-missing',
    class: 'containers',
    truth: 'Revision 14 (distroless base) has no /app/start.sh; the new pod exits 127 at start, the rollout is stuck, revision 13 still serves.',
    ask: { service: 'checkout' },
    objects: [
      ...threeNodes(),
      ...app.objects,
      ...exposed({ namespace: 'shop', name: 'checkout', selector: { app: 'checkout' }, pods: app.pods }),
      scaledReplicaSet(app.objects[0] ?? {}, app.objects[2]?.metadata?.name ?? '', 1, 0, 18),
      ...(broken ? [backOff(broken, 'app', { count: 70, firstAgo: 16 })] : []),
    ],
    expect: {
      verdict: 'problems',
      headline: [/\b127\b/, /start\.sh/, /revision 14/i],
      facts: [/no such file or directory/, /revision 13/i, /4\.3\.0/],
      never: [/\bOOM/i, /node ip-10-0-2-41/i],
    },
  };
}

/**
 * Revision 31 rolled out an hour ago and runs fine on two nodes; the two pods on
 * ip-10-0-3-17 crash with a segfault since that node's kernel was live-patched. The rollout is
 * not the cause: the node separates failing from healthy pods.
 */
function nodeBreaksSameRevision(): CorpusScenario {
  const tpl = (v: string) => ({ containers: [container({ image: `registry.example.com/search/indexer:${v}`, memory: '1Gi' })] });
  const segv = { exitCode: 139, reason: 'Error', finishedAgo: 3, ranSeconds: 4 };
  const app = deploymentApp({
    namespace: 'search',
    name: 'indexer',
    replicas: 6,
    revisions: [
      { revision: 30, createdAgo: 9 * 24 * 60, template: tpl('7.1.2') },
      { revision: 31, createdAgo: 62, template: tpl('7.2.0') },
    ],
    pods: [
      { revision: 31, node: NODE_A, createdAgo: 60 },
      { revision: 31, node: NODE_A, createdAgo: 59 },
      { revision: 31, node: NODE_B, createdAgo: 58 },
      { revision: 31, node: NODE_B, createdAgo: 57 },
      { revision: 31, node: NODE_C, createdAgo: 56, containers: { app: crashLoop(segv, 14) } },
      { revision: 31, node: NODE_C, createdAgo: 55, containers: { app: crashLoop(segv, 13) } },
    ],
  });
  const logs = '2026-11-21T03:10:58Z INFO indexer 7.2.0 starting, 8 shards\n2026-11-21T03:11:01Z INFO mmap segment store /data/segments (12.4 GiB)\n';
  return {
    id: 'example-node-breaks-same-revision',
    class: 'nodes',
    truth: 'The two indexer pods on ip-10-0-3-17 segfault (exit 139) while the same revision 31 runs fine on the other two nodes: the node, not the rollout.',
    ask: { service: 'indexer', namespace: 'search' },
    objects: [
      node({ name: NODE_A, zone: 'eu-west-1a' }),
      node({ name: NODE_B, zone: 'eu-west-1b' }),
      node({ name: NODE_C, zone: 'eu-west-1c' }),
      ...app.objects,
      ...app.pods.slice(4).map((p) => backOff(p, 'app', { count: 160, firstAgo: 54 })),
      event({ on: { kind: 'Node', name: NODE_C }, reason: 'KernelOops', message: 'kernel: BUG: unable to handle page fault for address: ffffb9a4c0e3f000', count: 3, firstAgo: 70, lastAgo: 20, component: 'kernel-monitor' }),
    ],
    logs: app.pods.slice(4).map((p) => ({ namespace: 'search', pod: p.metadata?.name ?? '', container: 'app', previous: logs })),
    expect: {
      verdict: 'problems',
      headline: [/ip-10-0-3-17/, /\b139\b|segfault|segmentation/i],
      facts: [/revision 31/i, /2\/6|two of six|4 healthy|4 pods?.*healthy/i],
      never: [/roll back to revision 30/i, /\bOOM/i],
    },
  };
}

/** Healthy control: five ready pods, a rollout 3 days ago, nothing else going on. */
function healthyAfterOldRollout(): CorpusScenario {
  const tpl = (v: string) => ({ containers: [container({ image: `registry.example.com/payments/ledger:${v}` })] });
  const app = deploymentApp({
    namespace: 'payments',
    name: 'ledger',
    replicas: 5,
    revisions: [
      { revision: 8, createdAgo: 20 * 24 * 60, template: tpl('3.0.1') },
      { revision: 9, createdAgo: 3 * 24 * 60, template: tpl('3.1.0') },
    ],
    pods: [0, 1, 2, 3, 4].map((i) => ({ revision: 9, node: [NODE_A, NODE_B, NODE_C][i % 3] ?? NODE_A, createdAgo: 3 * 24 * 60 - i })),
  });
  return {
    id: 'example-healthy-after-old-rollout',
    class: 'healthy',
    truth: 'Nothing is wrong: 5/5 ready, last rollout three days ago.',
    ask: { service: 'ledger' },
    objects: [...threeNodes(), ...app.objects, ...exposed({ namespace: 'payments', name: 'ledger', selector: { app: 'ledger' }, pods: app.pods })],
    logs: app.pods.map((p) => ({ namespace: 'payments', pod: p.metadata?.name ?? '', container: 'app', current: '2026-11-21T03:13:40Z INFO GET /healthz 200 1ms\n2026-11-21T03:13:42Z INFO POST /v1/entries 201 14ms\n' })),
    expect: {
      verdict: 'healthy',
      headline: [/healthy/i, /5\/5/],
      facts: [/revision 9/i],
      never: [/roll back/i, /crash/i, /\bOOM/i],
    },
  };
}

export const EXAMPLE_SCENARIOS: CorpusScenario[] = [exit127AfterRebuild(), nodeBreaksSameRevision(), healthyAfterOldRollout()];
