// A start refused with ETXTBSY ("text file busy"): the executable is being written as it is exec'd,
// typically by another container of the pod that copies it into a volume both mount. The writer and
// the atomic write are the story; the file's mode (and the permission words of an exit-126 reading)
// never are, and the revision that added the writer is the change the headline names.
import { describe, expect, it } from 'vitest';
import type { ContainerEvidence, PodEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findBusyExecutable } from '../../../src/domain/triage/busy-executable.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, crashLooping, minutesAgo, pod, revision, revisionContainer, running, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:00Z' };
const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };
const TOOL = '/srv/toolbox/bin/render';
const MOUNT = [{ name: 'toolbox', mountPath: '/srv/toolbox/bin' }];
const RUNC = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${TOOL}": text file busy: unknown`;
const REFRESH = ['sh', '-c', `while :; do curl -fsSo ${TOOL} https://artifacts.internal/render/latest; sleep 15; done`];

function refresher(over: Partial<ContainerEvidence> = {}): ContainerEvidence {
  return container({ name: 'tool-refresh', image: 'registry.internal/tools/curl:8.10.1', command: REFRESH, volumeMounts: MOUNT, sidecar: true, state: running(30), ready: true, restartCount: 0, ...over });
}

function failing(i: number, last = terminated(128, 'StartError', 1, { message: RUNC, runSeconds: 0 }), init: ContainerEvidence[] = [refresher()]): PodEvidence {
  return pod(i, {
    revisionHash: REV7.hash,
    ready: false,
    createdAt: minutesAgo(30),
    containers: [crashLooping(`p${i}`, last, 6, { command: [TOOL], volumeMounts: MOUNT })],
    initContainers: init,
    volumes: [{ name: 'toolbox', source: 'emptyDir' }],
  });
}

function evidence(pods: PodEvidence[], logs: TriageEvidence['logs'] = []): TriageEvidence {
  const template = (withRefresher: boolean) => ({
    initContainers: withRefresher ? [revisionContainer({ name: 'tool-refresh', image: 'registry.internal/tools/curl:8.10.1', command: REFRESH })] : [revisionContainer({ name: 'tool-fetch', image: 'registry.internal/tools/curl:8.10.1', command: ['sh', '-c', `curl -fsSo ${TOOL} https://artifacts.internal/render/latest`] })],
    volumes: [{ name: 'toolbox', source: 'emptyDir' as const }],
    imagePullSecrets: [],
    placement,
  });
  return baseEvidence({
    pods: [...pods, pod(3), pod(4)],
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { template: template(false) }),
      revision(REV7, minutesAgo(31), { template: template(true) }),
    ],
    logs,
  });
}

describe('findBusyExecutable', () => {
  it('names the sidecar that rewrites the file in a shared volume, in a loop', () => {
    const p = failing(0);
    const found = findBusyExecutable({ message: RUNC, lines: [], container: p.containers[0]!, pod: p, logsOf: () => [`curl: (23) Failure writing output to destination, ${TOOL}: Text file busy`] });
    expect(found).toMatchObject({ path: TOOL, writer: { name: 'tool-refresh', role: 'sidecar', volume: 'toolbox', repeats: true, namesFile: true } });
    expect(found?.writer?.refusedLine).toMatch(/Text file busy/);
  });

  it('reads a shell\'s own words for a start that exits 126, and names no writer that does not mount the volume', () => {
    const p = failing(0, terminated(126, 'Error', 1), [refresher({ volumeMounts: [{ name: 'other', mountPath: '/cache' }] })]);
    const found = findBusyExecutable({ lines: [`/bin/sh: 1: ${TOOL}: Text file busy`], container: p.containers[0]!, pod: p, logsOf: () => [] });
    expect(found).toMatchObject({ path: TOOL });
    expect(found?.writer).toBeUndefined();
    expect(findBusyExecutable({ message: 'exec: "/app/run": permission denied', lines: [], container: p.containers[0]!, pod: p, logsOf: () => [] })).toBeUndefined();
  });
});

describe('a start refused with text file busy', () => {
  it('says who writes the executable and the atomic write, with the revision that added the writer, never the file mode', () => {
    const r = buildTriageReport(evidence([failing(0), failing(1)]), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/text file busy/);
    expect(r.headline).toContain(`${TOOL} is being written by sidecar tool-refresh (shared volume toolbox)`);
    expect(r.headline).toMatch(/revision 7 \([^)]*init container tool-refresh added/);
    expect(r.headline).toMatch(/temporary file and rename/);
    const claims = [r.headline, ...r.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');
    expect(claims).not.toMatch(/permission|chmod|execute bit|noexec|architecture/i);
  });

  it('reads exit 126 with the shell\'s "Text file busy" as the busy file, not as a file without its execute bit', () => {
    const lines = [`/bin/sh: 1: ${TOOL}: Text file busy`];
    const pods = [failing(0, terminated(126, 'Error', 1)), failing(1, terminated(126, 'Error', 2))];
    const r = buildTriageReport(evidence(pods, pods.map((p) => ({ pod: p.name, container: 'app', previous: true, lines }))), times);
    expect(r.headline).toMatch(/text file busy \(exit 126\)/);
    expect(r.headline).not.toMatch(/not executable|file mode/);
  });
});
