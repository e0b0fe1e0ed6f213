import { describe, expect, it } from 'vitest';
import { analyzeClusterDns } from '../../../../src/domain/triage/analyzers/cluster-dns.js';
import { needsDnsPodLogs } from '../../../../src/domain/triage/dns-config-error.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_A, NODE_B, NODE_C, REV6, baseEvidence, container, crashLooping, pod, podName, terminated, workload } from '../scenarios/builders.js';

const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.11.1';
const DNS_0 = 'coredns-5d78c9869d-8xk2p';
const DNS_1 = 'coredns-5d78c9869d-r4t7w';

/** A CoreDNS pod of kube-system, healthy unless told otherwise. */
function coreDnsPod(name: string, nodeName: string, over: Partial<PodEvidence> = {}): PodEvidence {
  return pod(0, {
    name,
    nodeName,
    labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': '5d78c9869d' },
    revisionHash: '5d78c9869d',
    containers: [container({ name: 'coredns', image: COREDNS_IMAGE, ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] })],
    ...over,
  });
}

/** CoreDNS crash-looping after a bad Corefile edit (a forwarding loop). */
function crashingCoreDns(name: string, nodeName: string): PodEvidence {
  return coreDnsPod(name, nodeName, {
    ready: false,
    containers: [
      crashLooping(name, terminated(1, 'Error', 2, { runSeconds: 3 }), 12, {
        name: 'coredns',
        image: COREDNS_IMAGE,
        state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=coredns pod=${name}_kube-system(7a1e2c9d-3b4f-4e8a-9c1d-2f3a4b5c6d7e)` } },
      }),
    ],
  });
}

const COREDNS_LOG: LogEvidence = {
  pod: DNS_0,
  container: 'coredns',
  previous: true,
  lines: [
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
    'CoreDNS-1.11.1',
    'linux/amd64, go1.20.7, ae2bbc2',
    '[FATAL] plugin/loop: Loop (127.0.0.1:34536 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
  ],
};

const NODE_LOOKUP = 'Error: getaddrinfo EAI_AGAIN postgres.payments.svc.cluster.local';

/** Three of five payment-service pods crash on start because their DNS lookups get no answer. */
function dnsDownScenario(dnsPods: PodEvidence[]): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => (i < 3 ? pod(i, { ready: false, containers: [crashLooping(podName(REV6.hash, i), terminated(1, 'Error', 1 + i, { runSeconds: 6 }), 6)] }) : pod(i)));
  const logs: LogEvidence[] = [
    ...pods.slice(0, 3).map((p) => ({
      pod: p.name,
      container: 'app',
      previous: true,
      lines: [
        '{"level":30,"time":1795230840000,"msg":"connecting to postgres.payments.svc.cluster.local:5432"}',
        NODE_LOOKUP,
        '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)',
      ],
    })),
    COREDNS_LOG,
  ];
  return baseEvidence({
    pods,
    logs,
    workload: workload({ readyReplicas: 2, availableReplicas: 2 }),
    dns: { namespace: 'kube-system', pods: dnsPods },
  });
}

describe('analyzeClusterDns', () => {
  it('blames the cluster DNS when every CoreDNS pod crash-loops while the workload cannot resolve names', () => {
    const findings = analyzeClusterDns(dnsDownScenario([crashingCoreDns(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('cluster-dns');
    expect(f?.kind).toBe('cluster-dns');
    expect(f?.title).toBe('Cluster DNS is down: 0/2 coredns pods ready in kube-system (CrashLoopBackOff, last exit 1 Error), so lookups from 3 pods fail');
    expect(f?.layer).toBe('network/routing');
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.evidence).toEqual([
      `kube-system/${DNS_0} on ${NODE_A}: CrashLoopBackOff (back-off 5m0s restarting failed container=coredns pod=${DNS_0}_kube-system(7a1e2c9d-3b4f-4e8a-9c1d-2f3a4b5c6d7e))`,
      `kube-system/${DNS_1} on ${NODE_B}: CrashLoopBackOff (back-off 5m0s restarting failed container=coredns pod=${DNS_1}_kube-system(7a1e2c9d-3b4f-4e8a-9c1d-2f3a4b5c6d7e))`,
      `lookup failure in ${podName(REV6.hash, 0)}: ${NODE_LOOKUP}`,
      `${DNS_0}: linux/amd64, go1.20.7, ae2bbc2`,
      `${DNS_0}: [FATAL] plugin/loop: Loop (127.0.0.1:34536 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."`,
    ]);
    expect(f?.decisive).toBe(NODE_LOOKUP);
    expect(f?.fix).toBe('restore the cluster DNS (kube-system coredns)');
    expect(f?.nextAction).toBe('Treat it as a cluster incident: look at the DNS pods\' logs and recent changes to their ConfigMap (kubectl -n kube-system get configmap coredns -o yaml) and restore them; this workload recovers by itself.');
    expect(f?.confirmCommands).toEqual([
      'kubectl get pods -n kube-system -l k8s-app=kube-dns -o wide --context prod-eu-west-1',
      `kubectl logs -n kube-system ${DNS_0} -c coredns --previous --tail=50 --context prod-eu-west-1`,
    ]);
    expect(f?.affected).toEqual({ pods: [podName(REV6.hash, 0), podName(REV6.hash, 1), podName(REV6.hash, 2)], nodes: [NODE_A, NODE_B, NODE_C] });
  });

  it('calls the DNS degraded when some CoreDNS pods are still ready', () => {
    const unready = coreDnsPod(DNS_1, NODE_B, { ready: false, containers: [container({ name: 'coredns', image: COREDNS_IMAGE, ready: false })] });
    const ev = dnsDownScenario([coreDnsPod(DNS_0, NODE_A), unready]);
    const [f] = analyzeClusterDns(ev);
    expect(f?.title).toBe('Cluster DNS is degraded: 1/2 coredns pods ready in kube-system (Running, not ready), so lookups from 3 pods fail');
    expect(f?.evidence[0]).toBe(`kube-system/${DNS_1} on ${NODE_B}: Running, not ready`);
    expect(f?.confirmCommands[1]).toBe(`kubectl logs -n kube-system ${DNS_1} -c coredns --previous --tail=50 --context prod-eu-west-1`);
  });

  it('does not blame the cluster DNS for pods that never ask it (dnsPolicy None with their own nameserver)', () => {
    const ev = dnsDownScenario([crashingCoreDns(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]);
    ev.pods = ev.pods.map((p) => ({ ...p, dnsPolicy: 'None', dnsNameservers: ['10.8.0.53'] }));
    expect(analyzeClusterDns(ev)).toEqual([]);
    // dnsPolicy ClusterFirst (the API's default) asks the cluster DNS.
    ev.pods = ev.pods.map((p) => ({ ...p, dnsPolicy: 'ClusterFirst', dnsNameservers: [] }));
    expect(analyzeClusterDns(ev)).toHaveLength(1);
  });

  it('recognises a Go resolver timeout as a failed lookup', () => {
    const ev = dnsDownScenario([crashingCoreDns(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]);
    const goLine = '{"level":"error","msg":"refresh rates","error":"dial tcp: lookup fx-rates.payments.svc.cluster.local on 172.20.0.10:53: read udp 10.0.1.104:41235->172.20.0.10:53: i/o timeout"}';
    ev.logs = [{ pod: podName(REV6.hash, 3), container: 'app', previous: false, lines: [goLine] }];
    const [f] = analyzeClusterDns(ev);
    expect(f?.title).toBe('Cluster DNS is down: 0/2 coredns pods ready in kube-system (CrashLoopBackOff, last exit 1 Error), so lookups from 1 pod fail');
    expect(f?.decisive).toBe(goLine);
    // One ready pod of five reports it: a warning by reach.
    expect(f?.severity).toBe('warning');
    expect(f?.confirmCommands).toHaveLength(2);
  });

  it('says nothing when CoreDNS is healthy, however the workload fails to resolve', () => {
    expect(analyzeClusterDns(dnsDownScenario([coreDnsPod(DNS_0, NODE_A), coreDnsPod(DNS_1, NODE_B)]))).toEqual([]);
  });

  it('says nothing when the workload logs no DNS failure, even with CoreDNS down', () => {
    const ev = dnsDownScenario([crashingCoreDns(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]);
    ev.logs = ev.logs.map((l) => (l.container === 'app' ? { ...l, lines: ['Error: connect ECONNREFUSED 10.100.23.7:5432', '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)'] } : l));
    expect(analyzeClusterDns(ev)).toEqual([]);
  });

  it("names the Corefile that does not parse, from the crashing DNS pod's own log, the running one's refused reload and the ConfigMap's edit", () => {
    const parse = "plugin/cache: /etc/coredns/Corefile:12 - Error during parsing: Unknown directive 'sucess'";
    const ev = dnsDownScenario([coreDnsPod(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]);
    ev.logs = ev.logs.filter((l) => l.container === 'app');
    ev.dns = {
      namespace: 'kube-system',
      pods: ev.dns?.pods ?? [],
      config: { namespace: 'kube-system', name: 'coredns', corefile: '.:53 {\n}', createdAt: '2025-01-01T00:00:00Z', changedAt: '2026-11-20T22:10:00Z' },
      logs: [
        { pod: DNS_1, container: 'coredns', previous: true, lines: ['[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.server', parse] },
        { pod: DNS_0, container: 'coredns', previous: false, lines: ['CoreDNS-1.11.1', `[ERROR] Restart failed: ${parse}`] },
      ],
    };
    const [f] = analyzeClusterDns(ev);
    expect(f?.title).toMatch(/^Cluster DNS is degraded: 1\/2 coredns pods ready in kube-system \(CrashLoopBackOff, last exit 1 Error\) because its Corefile \(kube-system\/coredns\) does not parse, edited \d+h( \d+m)? ago, so lookups from 3 pods fail$/);
    expect(f?.decisive).toBe(parse);
    expect(f?.evidence).toContain(`${DNS_1}: ${parse}`);
    expect(f?.evidence).toContain(`${DNS_0} (ready): [ERROR] Restart failed: ${parse}`);
    expect(f?.likelyCause).toMatch(/refused that edit at reload/);
    expect(f?.fix).toMatch(/^fix the Corefile in kube-system\/coredns/);
    expect(f?.datesChange).toBe(true);
  });

  it('reads the DNS pods\' logs only when lookups fail while a DNS pod is not ready: the crashing one\'s previous run, one ready one\'s current', () => {
    const ev = dnsDownScenario([coreDnsPod(DNS_0, NODE_A), crashingCoreDns(DNS_1, NODE_B)]);
    expect(needsDnsPodLogs(ev.logs, ev.dns)).toEqual([
      { pod: DNS_1, container: 'coredns', previous: true, restarts: 12 },
      { pod: DNS_0, container: 'coredns', previous: false, restarts: 0 },
    ]);
    expect(needsDnsPodLogs(ev.logs, { namespace: 'kube-system', pods: [coreDnsPod(DNS_0, NODE_A)] })).toEqual([]);
    expect(needsDnsPodLogs(ev.logs.map((l) => ({ ...l, lines: ['connect ECONNREFUSED 10.100.23.7:5432'] })), ev.dns)).toEqual([]);
  });

  it('says nothing when the cluster DNS was not read', () => {
    const ev = dnsDownScenario([crashingCoreDns(DNS_0, NODE_A)]);
    expect(analyzeClusterDns({ ...ev, dns: undefined })).toEqual([]);
    expect(analyzeClusterDns({ ...ev, dns: { namespace: 'kube-system', pods: [] } })).toEqual([]);
  });
});
