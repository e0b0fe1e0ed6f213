import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, NODE_C, minutesAgo, node, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const DOTNET_INOTIFY = [
  'Unhandled exception. System.IO.IOException: The configured user limit (128) on the number of inotify instances has been reached, or the per-process limit on the number of open file descriptors has been reached.',
  '   at System.IO.FileSystemWatcher.StartRaisingEvents()',
  '   at Program.<Main>$(String[] args) in /src/Api/Program.cs:line 12',
];

const ES_BOOTSTRAP = [
  '[2026-11-21T03:10:57,000][ERROR][o.o.b.OpenSearchBootstrap] [search-0] node validation exception',
  '[1] bootstrap checks failed',
  '[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]',
  '[2026-11-21T03:10:57,020][INFO ][o.o.n.Node] [search-0] closed',
];

/** One pod of five failing with `logs`; its node in pool `failingPool`, the others in `pool`. */
function onOneNode(code: number, logs: string[], pools?: { failing: string; healthy: string }): TriageEvidence {
  const ev = crashScenario(1, () => terminated(code, 'Error', 2), { logs });
  if (pools) {
    const label = 'eks.amazonaws.com/nodegroup';
    ev.nodes = [NODE_A, NODE_B, NODE_C].map((n) => node(n, { labels: { [label]: n === NODE_A ? pools.failing : pools.healthy } }));
    // Only the failing pod runs on the failing node.
    ev.pods = ev.pods.map((p, i) => (i === 0 ? p : { ...p, nodeName: i % 2 === 0 ? NODE_B : NODE_C }));
  }
  return ev;
}

describe('a process stopped by a kernel limit of its node', () => {
  it('names the inotify limit and the node, not the app, when .NET runs out of inotify instances', () => {
    const r = buildTriageReport(onOneNode(134, DOTNET_INOTIFY), times);
    expect(r.headline).toMatch(/inotify/);
    expect(r.headline).toContain(NODE_A);
    expect(r.headline).toContain('fs.inotify.max_user_instances=128');
    const [f] = r.findings;
    expect(f?.likelyCause).toMatch(/per user id across every container of the node/);
    expect(f?.evidence.join('\n')).toMatch(/the same image runs on \d other nodes/);
    expect(f?.nextAction).toMatch(new RegExp(`Keep the pods off ${NODE_A}`));
  });

  it.each([
    ['Error: ENOSPC: System limit for number of file watchers reached, watch \'/app/config\'', 'fs.inotify.max_user_watches'],
    ['level=fatal msg="failed to create fsnotify watcher: too many open files"', 'fs.inotify.max_user_instances'],
  ])('reads %s as the node running out of %s', (line, setting) => {
    const r = buildTriageReport(onOneNode(1, ['starting', line]), times);
    expect(r.headline).toContain(setting);
    expect(r.headline).toContain(NODE_A);
  });

  it('quotes the bootstrap check that failed rather than its count, and names the sysctl and the node pool', () => {
    const r = buildTriageReport(onOneNode(78, ES_BOOTSTRAP, { failing: 'data-new', healthy: 'data-old' }), times);
    expect(r.headline).toContain('vm.max_map_count is 65530 on node');
    expect(r.headline).toContain('(pool data-new), it needs at least 262144');
    expect(r.findings[0]?.decisive).toBe('[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]');
    expect(r.findings[0]?.evidence.join('\n')).toContain('the same image runs on pool data-old');
    expect(r.headline).toMatch(/sysctl DaemonSet that covers/);
    expect(r.headline).not.toMatch(/roll back/i);
  });

  it('quotes the check itself out of Elasticsearch 8\'s one-record JSON log', () => {
    const record = `{"@timestamp":"2026-11-21T03:10:57.000Z", "log.level":"ERROR", "message":${JSON.stringify('node validation exception\n[1] bootstrap checks failed. You must address the points described in the following [1] lines before starting Elasticsearch.\nbootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]; for more information see [https://www.elastic.co/guide/en/elasticsearch/reference/8.15/_maximum_map_count_check.html]')}, "log.logger":"org.elasticsearch.bootstrap.Elasticsearch"}`;
    const r = buildTriageReport(onOneNode(78, [record, 'ERROR: Elasticsearch did not exit normally - check the logs at /usr/share/elasticsearch/logs/search.log']), times);
    expect(r.findings[0]?.decisive).toBe('bootstrap check failure [1] of [1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]');
  });

  const HOTSPOT_COMMIT = (errno: string) => [
    'Picked up JAVA_TOOL_OPTIONS: -Xms256m -Xmx256m',
    `OpenJDK 64-Bit Server VM warning: INFO: os::commit_memory(0x00000000f0000000, 268435456, 0) failed; error='${errno}`,
    '#',
    '# There is insufficient memory for the Java Runtime Environment to continue.',
    '# Native memory allocation (mmap) failed to map 268435456 bytes for committing reserved memory.',
    '# An error report file with more information is saved as:',
    '# /tmp/hs_err_pid1.log',
  ];

  it('reads a JVM whose heap commit the kernel refuses (errno=12) as the node pool\'s strict overcommit, not the hs_err trailer nor an out-of-memory kill', () => {
    const r = buildTriageReport(onOneNode(1, HOTSPOT_COMMIT('Cannot allocate memory\' (errno=12)'), { failing: 'compute-strict', healthy: 'compute-std' }), times);
    expect(r.headline).toContain('the kernel refuses to commit 256Mi (errno=12) on node pool compute-strict: strict overcommit accounting (vm.overcommit_memory=2)');
    expect(r.findings[0]?.decisive).toBe("os::commit_memory(0x00000000f0000000, 268435456, 0) failed; error='Cannot allocate memory' (errno=12)");
    expect(r.findings[0]?.likelyCause).toContain('well within its 512Mi container limit');
    expect(r.findings[0]?.evidence.join('\n')).toContain('the same image runs on node pool compute-std');
    expect(r.findings[0]?.nextAction).toMatch(/^Keep the pods off node pool compute-strict meanwhile \(node affinity to node pool compute-std/);
    expect(r.findings[0]?.fix).toMatch(/^set vm.overcommit_memory back to 0/);
    expect(r.headline).not.toMatch(/OOM.?Kill|roll back|hs_err/i);
  });

  it('dates a refused commit by the new nodes it happens on, instead of finding no change', () => {
    const ev = onOneNode(1, HOTSPOT_COMMIT('Not enough space\' (errno=12)'), { failing: 'compute-strict', healthy: 'compute-std' });
    ev.nodes = ev.nodes.map((n) => ({ ...n, createdAt: n.name === NODE_A ? minutesAgo(95) : minutesAgo(60 * 24 * 40) }));
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/its nodes were added 1h 35m ago, the failing pods placed there \d/);
    expect(r.headline).not.toMatch(/no change found/);
  });

  it('leaves a commit refused for another reason than ENOMEM to the app\'s own reading', () => {
    const r = buildTriageReport(onOneNode(1, HOTSPOT_COMMIT('Resource temporarily unavailable\' (errno=11)'), { failing: 'compute-strict', healthy: 'compute-std' }), times);
    expect(r.headline).not.toMatch(/overcommit/);
  });

  it('reads a headless browser that cannot build its sandbox as user namespaces unavailable on the node pool', () => {
    const chrome = 'Failed to launch the browser process!\nFailed to move to new namespace: PID namespaces supported, Network namespace supported, but failed: errno = Operation not permitted\n[23:23:1121/031502.123456:FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you want to live dangerously and need an immediate workaround, you can try using --no-sandbox.\n';
    const logs = [
      '{"level":30,"time":1,"pid":1,"msg":"launching browser"}',
      `{"level":60,"time":2,"pid":1,"err":{"type":"Error","message":${JSON.stringify(chrome)}},"msg":"browser pool init failed"}`,
      '{"level":50,"time":3,"pid":1,"msg":"fatal startup error, exiting","code":1}',
    ];
    const r = buildTriageReport(onOneNode(1, logs, { failing: 'general-new', healthy: 'general-old' }), times);
    expect(r.headline).toMatch(/user namespaces/);
    expect(r.headline).toContain('user.max_user_namespaces');
    expect(r.headline).toContain('pool general-new');
    expect(r.findings[0]?.decisive).toContain('No usable sandbox!');
    expect(r.headline).not.toMatch(/used up|roll back/i);
  });
});

