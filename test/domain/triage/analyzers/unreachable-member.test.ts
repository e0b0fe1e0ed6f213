// An Akka/Pekko cluster member marked UNREACHABLE that nobody downs — no downing provider (Split
// Brain Resolver) is configured — stays in the membership for ever: the leader cannot perform its
// duties, a replacement stays Joining, the shard coordinator on it is not moved, asks time out.
// The verdict names the member, its lost node and the missing downing provider, and advises
// downing it by hand and configuring the Split Brain Resolver.
import { describe, expect, it } from 'vitest';
import { analyzeUnreachableMembers } from '../../../../src/domain/triage/analyzers/unreachable-member.js';
import { readUnreachableMembers } from '../../../../src/domain/triage/unreachable-member.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, NOW, baseEvidence, minutesAgo, node, pod, withCondition } from '../scenarios/builders.js';

const t = (m: number) => minutesAgo(m).replace('T', ' ').replace('Z', '');
const addr = (ip: string) => `akka://shop@${ip}:25520`;
const [A, B, C, D] = ['10.1.0.11', '10.1.0.12', '10.1.0.13', '10.1.0.14'];
const boot = (self: string) => `${t(600)} INFO  akka.cluster.Cluster - Cluster Node [${addr(self)}] - No downing-provider-class configured, manual cluster downing required, see https://doc.akka.io/docs/akka/current/typed/cluster.html#downing`;
const marked = (self: string, m: number) => `${t(m)} WARN  akka.cluster.Cluster - Cluster Node [${addr(self)}] - Marking node as UNREACHABLE [Member(${addr(C)}, Up)].`;
const stuck = (m: number) => `${t(m)} INFO  akka.cluster.Cluster - Cluster Node [${addr(A)}] - Leader can currently not perform its duties, reachability status: [${addr(A)} -> ${addr(C)}: Unreachable [Unreachable] (1)], member status: [${addr(A)} Up seen=true, ${addr(C)} Up seen=false, ${addr(D)} Joining seen=true]`;
const coordinator = (m: number) => `${t(m)} WARN  akka.cluster.sharding.ShardRegion - Cart: Retry request for shards [3] homes from coordinator. [12] total buffered messages. Coordinator [Member(${addr(C)}, Up)] is unreachable.`;
const ask = (m: number) => `${t(m)} ERROR com.example.Routes - GET /v1/carts/1 failed\nakka.pattern.AskTimeoutException: Ask timed out on [Actor[akka://shop/system/sharding/Cart#1]] after [5000 ms].`;

function scenario(extra: string[] = [], withBoot = true) {
  const pods = [pod(0, { podIPs: [A] }), pod(1, { podIPs: [B] }), pod(2, { podIPs: [C], ready: false }), pod(3, { podIPs: [D], ready: false, nodeName: NODE_A })];
  const lines = [...(withBoot ? [boot(A)] : []), marked(A, 20), coordinator(19), stuck(15), ask(14), ask(10), stuck(5), coordinator(4), ...extra];
  return baseEvidence({
    pods,
    nodes: [node(NODE_A), node(NODE_B), withCondition(node(NODE_C), 'Ready', 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', 21)],
    logs: [{ pod: pods[0]!.name, container: 'app', previous: false, lines }, { pod: pods[1]!.name, container: 'app', previous: false, lines: [...(withBoot ? [boot(B)] : []), marked(B, 20), ask(12)] }],
  });
}

describe('an Akka cluster member that stays UNREACHABLE with no downing provider', () => {
  it('reads the unreachable member, the missing downing provider, the stuck leader and the Joining member', () => {
    const [m, ...rest] = readUnreachableMembers(scenario().logs, NOW);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ address: addr(C), host: C, since: minutesAgo(20), joining: [addr(D)] });
    expect(m?.noDowning).toMatch(/No downing-provider-class/);
    expect(m?.askTimeouts).toHaveLength(3);
  });

  it('names the member, its NotReady node and the missing downing provider in the headline, and advises downing it and the SBR', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(new RegExp(`^Akka cluster member akka://shop@10\\.1\\.0\\.13:25520 \\(pod \\S+ on node ${NODE_C.replace(/\./g, '\\.')}, NotReady \\(Ready=Unknown\\) since 21m ago\\) is UNREACHABLE since 20m ago and never downed: no downing provider is configured`));
    expect(report.headline).toMatch(/operation=Down .*SplitBrainResolverProvider/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to/i);
  });

  it('says nothing once the member was downed or came back, or while it has been unreachable only a moment', () => {
    expect(analyzeUnreachableMembers(scenario([`${t(3)} INFO  akka.cluster.Cluster - Cluster Node [${addr(A)}] - Marking unreachable node [${addr(C)}] as [Down]`]))).toEqual([]);
    expect(analyzeUnreachableMembers(scenario([`${t(3)} INFO  akka.cluster.Cluster - Cluster Node [${addr(A)}] - Marking node as REACHABLE [Member(${addr(C)}, Up)].`]))).toEqual([]);
    const fresh = scenario();
    const brief = { ...fresh, logs: fresh.logs.map((l) => ({ ...l, lines: l.lines.map((x) => x.replace(t(20), t(1))) })) };
    expect(analyzeUnreachableMembers(brief)).toEqual([]);
  });

  it('without the start-up line, leans on the stuck leader and says no downing decision was logged', () => {
    const [f] = analyzeUnreachableMembers(scenario([], false));
    expect(f?.title).toMatch(/never downed: no downing decision was logged/);
  });
});
