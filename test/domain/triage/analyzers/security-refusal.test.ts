import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { RevisionContainerEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import {
  NS, NOW, REV7, baseEvidence, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload,
} from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/**
 * Revision 7 (20 minutes ago) changed only security settings; its two pods exit 1 at start with
 * `log`, while three pods of revision 6 keep serving.
 */
function hardenedRollout(opts: { podSc?: string; appSc?: string; oldAppSc?: string; ports?: string[]; startError?: string; log: string[] }): TriageEvidence {
  const exit = opts.startError !== undefined ? terminated(128, 'StartError', 1, { message: opts.startError, runSeconds: 0 }) : terminated(1, 'Error', 1, { runSeconds: 1 });
  const fresh = [0, 1].map((i) => {
    const p = pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(19), startTime: minutesAgo(19) });
    return { ...p, ready: false, containers: [crashLooping(p.name, exit, 8)] };
  });
  const base = baseEvidence({
    pods: [...fresh, ...[2, 3, 4].map((i) => pod(i))],
    events: fresh.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(${p.uid ?? ''})`, count: 60, firstSeen: minutesAgo(18), lastSeen: minutesAgo(0.5) })),
    logs: fresh.map((p) => ({ pod: p.name, container: 'app', previous: true, lines: opts.log })),
    workload: workload({ readyReplicas: 3, availableReplicas: 3, updatedReplicas: 2, currentRevision: 7 }),
  });
  const ports = opts.ports ? { ports: opts.ports } : {};
  const hardened: RevisionContainerEvidence = revisionContainer({ ...ports, ...(opts.appSc ? { securityContext: opts.appSc } : {}) });
  const older: RevisionContainerEvidence = revisionContainer({ ...ports, ...(opts.oldAppSc ? { securityContext: opts.oldAppSc } : {}) });
  const template = { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } };
  return {
    ...base,
    revisions: [
      ...base.revisions.map((r) => ({ ...r, containers: [older], template })),
      revision(REV7, minutesAgo(20), { replicas: 2, containers: [hardened], template: { ...template, ...(opts.podSc ? { securityContext: opts.podSc } : {}) } }),
    ],
  };
}

const ZIG_EPERM = [
  '2026-11-21 03:12:11.400Z info(main): starting replica',
  '2026-11-21 03:12:12.000Z error(io): io_uring is not available',
  "2026-11-21 03:12:12.000Z error(io): likely cause: the syscall is disabled by sysctl, try 'sysctl -w kernel.io_uring_disabled=0'",
  '2026-11-21 03:12:12.000Z error: PermissionDenied',
];

describe('a process refused by the kernel after its revision tightened the sandbox', () => {
  it('blames a pod-level seccomp profile for EPERM and names the refused system call, not the app\'s kernel-setting hint', () => {
    const ev = hardenedRollout({ podSc: '{"seccompProfile":{"type":"RuntimeDefault"}}', appSc: '{"allowPrivilegeEscalation":false}', log: ZIG_EPERM });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods: the seccomp profile RuntimeDefault (new in revision 7) refuses it a system call (io_uring)');
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('EPERM');
    expect(f?.fix).toContain('Localhost seccomp profile');
    expect(`${f?.likelyCause ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/sysctl/);
  });

  it('leads the headline with the seccomp change, not the first line of the diff', () => {
    const ev = hardenedRollout({ podSc: '{"seccompProfile":{"type":"RuntimeDefault"}}', appSc: '{"allowPrivilegeEscalation":false}', log: ZIG_EPERM });
    const { headline } = buildTriageReport(ev, times);
    expect(headline).toMatch(/^Since revision 7 \(20m ago: pod securityContext: \{\} → \{"seccompProfile":\{"type":"RuntimeDefault"\}\}\): Container app exits with code 1/);
    expect(headline).toContain('Roll back to revision 6, or allow the refused system call (io_uring)');
  });

  it('reads "Operation not permitted" under a container-level Localhost profile the same way', () => {
    const ev = hardenedRollout({ appSc: '{"seccompProfile":{"type":"Localhost","localhostProfile":"profiles/app.json"}}', log: ['panic: unshare: operation not permitted'] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('the seccomp profile Localhost (new in revision 7) refuses it a system call (unshare)');
  });

  it('blames dropped capabilities when the refusal is a low port and only capabilities were tightened', () => {
    const ev = hardenedRollout({ appSc: '{"capabilities":{"drop":["ALL"]}}', log: ['2026/11/21 03:12:12 [emerg] 1#1: bind() to 0.0.0.0:80 failed (13: Permission denied)'] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('revision 7 dropped capabilities (capabilities drop ALL)');
    expect(f?.fix).toContain('capabilities.add');
    expect(buildTriageReport(ev, times).headline).toMatch(/^Since revision 7 \(20m ago: app securityContext: \{\} → \{"capabilities"/);
  });

  it('names the capability the revision before added, and gives no port advice for it', () => {
    const ev = hardenedRollout({ oldAppSc: '{"capabilities":{"add":["CAP_SYS_PTRACE"]}}', appSc: '{"capabilities":{"drop":["ALL"]},"allowPrivilegeEscalation":false}', log: ['agent: attaching to pid 7', 'Error: Operation not permitted (os error 1)'] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('revision 7 no longer grants it SYS_PTRACE (capabilities drop ALL)');
    expect(f?.likelyCause).toMatch(/Revision 6 added SYS_PTRACE, which lets a process trace/);
    expect(f?.fix).toBe('add SYS_PTRACE back to this container (securityContext.capabilities.add beside drop ALL)');
    expect(`${f?.fix ?? ''} ${f?.nextAction ?? ''}`).not.toMatch(/1024/);
  });

  it('counts an add the new revision left out as a loss even without a new drop, unless the runtime grants it by default', () => {
    const lost = hardenedRollout({ oldAppSc: '{"capabilities":{"add":["NET_ADMIN"]}}', appSc: '{"runAsUser":0}', log: ['fatal: setting up routes: operation not permitted'] });
    expect(analyzeExitCodes(lost)[0]?.title).toContain('no longer grants it NET_ADMIN (capabilities.add NET_ADMIN removed)');
    const kept = hardenedRollout({ oldAppSc: '{"capabilities":{"add":["CHOWN"]}}', log: ['fatal: setting up routes: operation not permitted'] });
    expect(analyzeExitCodes(kept)[0]?.title).toBe('Container app exits with code 1 on 2/5 pods');
  });

  const EXEC_EPERM = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec /opt/srv/bin/gateway: operation not permitted: unknown';

  it('reads an exec refused EPERM after drop ALL as file capabilities the bounding set lacks, not the seccomp profile brought beside it', () => {
    const ev = hardenedRollout({
      appSc: '{"runAsUser":1001,"capabilities":{"drop":["ALL"]},"allowPrivilegeEscalation":false,"seccompProfile":{"type":"RuntimeDefault"}}',
      oldAppSc: '{"runAsUser":1001}', ports: ['8443/TCP "admin"', '443/TCP "https"'], startError: EXEC_EPERM, log: [],
    });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('/opt/srv/bin/gateway carries file capabilities (setcap, most likely NET_BIND_SERVICE) that revision 7\'s capabilities drop ALL took out of the bounding set');
    expect(f?.title).not.toMatch(/seccomp/);
    expect(f?.likelyCause).toContain('uid 1001 and serves port 443, below 1024');
    expect(f?.fix).toMatch(/^add NET_BIND_SERVICE back/);
    expect(f?.decisive).toBe('error during container init: exec /opt/srv/bin/gateway: operation not permitted');
  });

  it('does not guess a capability for a refused exec when nothing tells which', () => {
    const ev = hardenedRollout({ appSc: '{"capabilities":{"drop":["ALL"]}}', ports: ['8080/TCP'], startError: EXEC_EPERM, log: [] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('carries file capabilities (setcap) that revision 7');
    expect(f?.fix).toContain('getcap /opt/srv/bin/gateway');
  });

  it('blames readOnlyRootFilesystem for "Read-only file system"', () => {
    const ev = hardenedRollout({ appSc: '{"readOnlyRootFilesystem":true}', log: ["OSError: [Errno 30] Read-only file system: '/app/cache'"] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('the root file system is read-only since revision 7 (readOnlyRootFilesystem)');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toContain('emptyDir');
  });

  const HARDENED_WEB = [
    'entrypoint: info: can not modify /etc/httpd/conf.d/site.conf (read-only file system?)',
    'entrypoint: configuration complete; ready for start up',
    '2026/11/21 03:12:12 [emerg] 1#1: bind() to 0.0.0.0:443 failed (13: Permission denied)',
  ];

  it('blames the non-root user for a port below 1024 refused, not an earlier hedged read-only message', () => {
    const ev = hardenedRollout({ podSc: '{"runAsNonRoot":true,"runAsUser":2000}', appSc: '{"capabilities":{"drop":["ALL"]},"readOnlyRootFilesystem":true}', log: HARDENED_WEB });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('runAsUser 2000');
    expect(f?.title).toMatch(/port 443 \(below 1024\)/);
    expect(f?.title).not.toMatch(/read-only/);
    expect(f?.fix).toMatch(/above 1024/);
    expect(buildTriageReport(ev, times).headline).toMatch(/^Since revision 7 \(20m ago: pod securityContext: \{\} → \{"runAsNonRoot"/);
  });

  it('reads a Go or Node refusal of a low port the same way', () => {
    for (const line of ['listen tcp :80: bind: permission denied', 'Error: listen EACCES: permission denied 0.0.0.0:80']) {
      const ev = hardenedRollout({ podSc: '{"runAsUser":2000}', appSc: '{"readOnlyRootFilesystem":true}', log: ['info: /etc/app is read-only file system?', line] });
      const [f] = analyzeExitCodes(ev);
      expect(f?.title).toMatch(/runAsUser 2000\).*port 80 \(below 1024\)/);
    }
  });

  it('blames no setting when the revision tightened none, though the log says EPERM', () => {
    const ev = hardenedRollout({ log: ZIG_EPERM });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods');
    expect(f?.title).not.toMatch(/seccomp/);
  });

  it('blames no setting when the refusal is not the kernel\'s (a database grant)', () => {
    const ev = hardenedRollout({ podSc: '{"seccompProfile":{"type":"RuntimeDefault"}}', log: ['FATAL: permission denied for table ledger_entries'] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).not.toMatch(/seccomp/);
  });

  it('blames no setting for an error that is not a refusal', () => {
    const ev = hardenedRollout({ podSc: '{"seccompProfile":{"type":"RuntimeDefault"}}', log: ['{"level":"fatal","msg":"database unreachable","error":"dial tcp: lookup db on 172.20.0.10:53: no such host"}'] });
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).not.toMatch(/seccomp/);
  });
});
