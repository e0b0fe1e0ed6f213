import { describe, expect, it } from 'vitest';
import { analyzeExitCodes, classifyExit } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { container, terminated } from '../scenarios/builders.js';
import { crashScenario, oomKillScenario } from '../scenarios/crashes.js';
import { healthyScenario } from '../scenarios/healthy.js';

const NODE_LOG = [
  '> payment-service@2.15.0 start',
  '> node dist/server.js',
  'Error: Cannot find module \'/app/dist/server.js\'',
  '    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)',
  'Node.js v20.19.2',
];

describe('analyzeExitCodes', () => {
  it('reports exit 1 as an application error and quotes the error lines of the previous logs', () => {
    const [f, ...rest] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: NODE_LOG }));
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe('Container app exits with code 1 on 2/5 pods');
    expect(f?.evidence).toContain("log payment-service-7c9d8f6b5d-x2kqj: Error: Cannot find module '/app/dist/server.js'");
    expect(f?.confirmCommands[0]).toBe('kubectl logs payment-service-7c9d8f6b5d-x2kqj -c app --previous --tail=100 -n payments --context prod-eu-west-1');
    expect(f?.severity).toBe('warning');
  });

  it.each([
    [139, 'Error', undefined, 'segmentation fault'],
    [127, 'Error', undefined, 'command not found'],
    [126, 'Error', undefined, 'command not executable'],
    [134, 'Error', undefined, 'SIGABRT'],
    [128, 'StartError', 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "/app/server": stat /app/server: no such file or directory: unknown', 'command not found'],
    [1, 'Error', 'exec /usr/local/bin/payment-service: exec format error', 'another CPU architecture'],
  ])('classifies exit %i (%s) as %s', (code, reason, message, words) => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(code, reason, 2, message ? { message } : {})));
    expect(f?.title).toContain(words);
  });

  it('tells an entrypoint runc found but could not execute (a bad interpreter line) from one missing from the image', () => {
    const message = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /opt/tools/entry.sh: no such file or directory: unknown';
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(128, 'StartError', 2, { message })));
    expect(f?.title).toContain('/opt/tools/entry.sh');
    expect(f?.title).toContain('CRLF');
    expect(f?.title).not.toContain('command not found');
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/(missing|absent) (from|in) the image|does not contain/i);
    expect(f?.decisive).toBe('exec /opt/tools/entry.sh: no such file or directory');
  });

  it('reads the same bad interpreter from runc\'s line in the previous log when the kubelet kept no message (exit 255)', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(255, 'Error', 0), { logs: ['exec /opt/tools/entry.sh: no such file or directory'] }));
    expect(f?.title).toContain('/opt/tools/entry.sh');
    expect(f?.title).toContain('CRLF');
    expect(f?.fix).toMatch(/dos2unix/);
  });

  it('reads a missing dynamic loader, not a CRLF shebang, when the pod\'s revision names a base with no libc', () => {
    const ev = crashScenario(1, () => terminated(1, 'Error', 0), { logs: ['exec /usr/local/bin/worker: no such file or directory'] });
    ev.revisions = ev.revisions.map((r) => (r.hash === ev.pods[0]?.revisionHash ? { ...r, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, annotations: { 'example.com/runtime-base': 'gcr.io/distroless/static-debian11' } } } : r));
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('dynamically linked');
    expect(f?.title).toContain('distroless/static-debian11');
    expect(f?.title).not.toContain('CRLF');
    expect(f?.fix).toContain('CGO_ENABLED=0');
  });

  it('names the container of the same pod that holds the port the app cannot bind, and the port the app declares instead', () => {
    const log = ['> node dist/server.js', "      throw er; // Unhandled 'error' event", 'Error: listen EADDRINUSE: address already in use :::8080', "Emitted 'error' event on Server instance at:", 'Node.js v20.18.0'];
    const ev = crashScenario(1, () => terminated(1, 'Error', 1), { logs: log });
    const failing = ev.pods[0]!;
    const app = failing.containers[0]!;
    failing.containers = [{ ...app, ports: [{ name: 'app', containerPort: 3000, protocol: 'TCP' }] }, container({ name: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }], probes: {} })];
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe('Container app exits with code 1 on 1/5 pods: port 8080 already in use, held by container nginx of the same pod');
    expect(f?.decisive).toBe('Error: listen EADDRINUSE: address already in use :::8080');
    expect(f?.evidence.join('\n')).toContain('app declares port 3000 yet binds 8080');
    expect(f?.fix).toBe('make app listen on 3000 as declared (check which setting it reads its port from): nginx holds 8080');
  });

  it('says so when no previous log lines were captured', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 1)));
    expect(f?.evidence).toContain('no log lines of the previous run were captured');
  });

  it('leaves 0, 137, 143 and OOMKilled to the other analyzers', () => {
    for (const code of [0, 137, 143]) expect(classifyExit({ exitCode: code, reason: 'Error' })).toBeUndefined();
    expect(analyzeExitCodes(oomKillScenario())).toEqual([]);
    expect(analyzeExitCodes(healthyScenario())).toEqual([]);
  });
});
