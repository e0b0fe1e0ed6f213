import { describe, expect, it } from 'vitest';
import type { ContainerSpecEvidence } from '../../../src/domain/triage/evidence.js';
import { describeHeap, findHeapSetting } from '../../../src/domain/triage/runtime-flags.js';
import { container } from './scenarios/builders.js';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

function spec(over: Partial<ContainerSpecEvidence>): ContainerSpecEvidence {
  const { state: _state, lastState: _last, restartCount: _r, ready: _ready, ...c } = container();
  return { ...c, ...over };
}

describe('findHeapSetting', () => {
  it('reads -Xmx from JAVA_TOOL_OPTIONS among other JVM flags', () => {
    const c = spec({ env: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-XX:+UseG1GC -Xmx2g -Dfile.encoding=UTF-8' }] });
    expect(findHeapSetting(c)).toEqual({ runtime: 'jvm', flag: '-Xmx2g', where: 'env JAVA_TOOL_OPTIONS', bytes: 2 * GiB });
  });

  it.each([
    ['-Xmx1536m', 1536 * MiB],
    ['-Xmx2G', 2 * GiB],
    ['-Xmx524288k', 512 * MiB],
    ['-Xmx1073741824', GiB],
  ])('sizes %s in bytes', (flag, bytes) => {
    expect(findHeapSetting(spec({ env: [{ name: 'JAVA_OPTS', value: flag }] }))?.bytes).toBe(bytes);
  });

  it('reads MaxRAMPercentage as a share of the limit', () => {
    expect(findHeapSetting(spec({ env: [{ name: 'JAVA_OPTS', value: '-XX:InitialRAMPercentage=50.0 -XX:MaxRAMPercentage=75.0' }] }))).toEqual({
      runtime: 'jvm',
      flag: '-XX:MaxRAMPercentage=75.0',
      where: 'env JAVA_OPTS',
      percent: 75,
    });
  });

  it('prefers -Xmx over MaxRAMPercentage in the same options, as the JVM does', () => {
    expect(findHeapSetting(spec({ env: [{ name: 'JDK_JAVA_OPTIONS', value: '-XX:MaxRAMPercentage=75 -Xmx3g' }] }))?.flag).toBe('-Xmx3g');
  });

  it("reads Node's --max-old-space-size from NODE_OPTIONS in MiB", () => {
    expect(findHeapSetting(spec({ env: [{ name: 'NODE_OPTIONS', value: '--enable-source-maps --max-old-space-size=4096' }] }))).toEqual({
      runtime: 'node',
      flag: '--max-old-space-size=4096',
      where: 'env NODE_OPTIONS',
      bytes: 4096 * MiB,
    });
  });

  it('reads GOMEMLIMIT with its Go unit suffix', () => {
    expect(findHeapSetting(spec({ env: [{ name: 'GOMEMLIMIT', value: '900MiB' }] }))).toEqual({ runtime: 'go', flag: 'GOMEMLIMIT=900MiB', where: 'env GOMEMLIMIT', bytes: 900 * MiB });
    expect(findHeapSetting(spec({ env: [{ name: 'GOMEMLIMIT', value: 'off' }] }))).toEqual({ runtime: 'go', flag: 'GOMEMLIMIT=off', where: 'env GOMEMLIMIT' });
  });

  it('reads the flag from args, and says so', () => {
    expect(findHeapSetting(spec({ command: ['java'], args: ['-Xmx1536m', '-jar', '/app/payment-service.jar'] }))).toEqual({ runtime: 'jvm', flag: '-Xmx1536m', where: 'args', bytes: 1536 * MiB });
  });

  it('reads the flag from the command when the args do not carry it', () => {
    expect(findHeapSetting(spec({ command: ['node', '--max-old-space-size=512', 'dist/server.js'], args: ['--port', '8080'] }))).toEqual({ runtime: 'node', flag: '--max-old-space-size=512', where: 'command', bytes: 512 * MiB });
  });

  it('ignores env it cannot read (references) and env the runtime does not read', () => {
    const c = spec({
      env: [
        { name: 'JAVA_OPTS', ref: { kind: 'configMap', name: 'jvm-settings', key: 'JAVA_OPTS' } },
        { name: 'EXTRA_FLAGS', value: '-Xmx8g' },
      ],
    });
    expect(findHeapSetting(c)).toBeUndefined();
  });

  it('finds nothing in a container without heap flags', () => {
    expect(findHeapSetting(spec({ command: ['/app/server'], args: ['--config', '/etc/payments/config.yaml'], env: [{ name: 'LOG_LEVEL', value: 'info' }] }))).toBeUndefined();
    expect(findHeapSetting(spec({}))).toBeUndefined();
  });

  it('lets -Xmx on the command line win over MaxRAMPercentage in JAVA_TOOL_OPTIONS, as the JVM does', () => {
    const c = spec({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=75.0' }], command: ['java'], args: ['-Xmx3g', '-jar', '/app/payment-service.jar'] });
    expect(findHeapSetting(c)).toEqual({ runtime: 'jvm', flag: '-Xmx3g', where: 'args', bytes: 3 * GiB });
  });
});

describe('describeHeap', () => {
  it('sets an absolute JVM heap against the container limit', () => {
    expect(describeHeap({ runtime: 'jvm', flag: '-Xmx2g', where: 'env JAVA_TOOL_OPTIONS', bytes: 2 * GiB }, GiB)).toBe('-Xmx2g (env JAVA_TOOL_OPTIONS) sets the JVM heap to 2Gi against a 1Gi container limit');
  });

  it('turns MaxRAMPercentage into a size when the limit is known', () => {
    expect(describeHeap({ runtime: 'jvm', flag: '-XX:MaxRAMPercentage=75.0', where: 'env JAVA_OPTS', percent: 75 }, 2 * GiB)).toBe(
      '-XX:MaxRAMPercentage=75.0 (env JAVA_OPTS) sets the JVM heap to 1.5Gi (75% of the limit) against a 2Gi container limit',
    );
    expect(describeHeap({ runtime: 'jvm', flag: '-XX:MaxRAMPercentage=75.0', where: 'env JAVA_OPTS', percent: 75 }, undefined)).toBe('-XX:MaxRAMPercentage=75.0 (env JAVA_OPTS) sets the JVM heap');
  });

  it("names Node's V8 heap and Go's soft memory limit", () => {
    expect(describeHeap({ runtime: 'node', flag: '--max-old-space-size=4096', where: 'env NODE_OPTIONS', bytes: 4096 * MiB }, 512 * MiB)).toBe(
      '--max-old-space-size=4096 (env NODE_OPTIONS) sets the V8 heap to 4Gi against a 512Mi container limit',
    );
    expect(describeHeap({ runtime: 'go', flag: 'GOMEMLIMIT=900MiB', where: 'env GOMEMLIMIT', bytes: 900 * MiB }, GiB)).toBe('GOMEMLIMIT=900MiB (env GOMEMLIMIT) sets the Go soft memory limit to 900Mi against a 1Gi container limit');
  });
});

describe('findHeapSetting with values Kubernetes computes', () => {
  const limitEnv = (divisor?: string): ContainerSpecEvidence['env'] => [
    { name: 'MEM', ref: { kind: 'resource', name: 'app', key: 'limits.memory', ...(divisor ? { divisor } : {}) } },
    { name: 'JAVA_OPTS', value: '-Xmx$(MEM)m' },
  ];

  it('expands $(VAR) from a Downward API limit divided by its divisor, as the kubelet does', () => {
    const h = findHeapSetting(spec({ resources: { requests: {}, limits: { memory: '2Gi' } }, env: limitEnv('1Mi') }));
    expect(h).toMatchObject({ flag: '-Xmx2048m', written: '-Xmx$(MEM)m', bytes: 2 * GiB });
    expect(describeHeap(h!, 2 * GiB)).toBe('-Xmx$(MEM)m → -Xmx2048m (env JAVA_OPTS) sets the JVM heap to 2Gi against a 2Gi container limit');
  });

  it('reads a limit without divisor in bytes', () => {
    expect(findHeapSetting(spec({ resources: { requests: {}, limits: { memory: '2Gi' } }, env: limitEnv() }))?.bytes).toBe(2 * GiB * MiB);
  });

  it('expands args from the env, keeps $$(VAR) literal and leaves unknown references alone', () => {
    const env = [{ name: 'HEAP', value: '768m' }];
    expect(findHeapSetting(spec({ env, command: ['java'], args: ['-Xmx$(HEAP)', '-jar', 'a.jar'] }))?.bytes).toBe(768 * MiB);
    expect(findHeapSetting(spec({ env, command: ['java'], args: ['-Xmx$$(HEAP)'] }))).toBeUndefined();
    expect(findHeapSetting(spec({ command: ['java'], args: ['-Xmx$(NOPE)'] }))).toBeUndefined();
  });
});
