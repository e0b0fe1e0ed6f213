import { describe, expect, it } from 'vitest';
import { findAppPid, readShellEntrypoint } from '../../../src/domain/triage/shell-entrypoint.js';

describe('a container command that runs the app as a shell\'s child', () => {
  it('reads `sh -c "… && java …"`: the shell stays PID 1 and the app is its child', () => {
    const sh = readShellEntrypoint({ command: ['/bin/sh', '-c', '/app/bin/render.sh > /tmp/app.yaml && java $JAVA_OPTS -jar /app/app.jar'] });
    expect(sh).toEqual({ shell: '/bin/sh', script: '/app/bin/render.sh > /tmp/app.yaml && java $JAVA_OPTS -jar /app/app.jar', app: 'java $JAVA_OPTS -jar /app/app.jar' });
  });

  it('reads the script from args and from `bash -ec`', () => {
    expect(readShellEntrypoint({ command: ['bash', '-ec'], args: ['source /env.sh; node server.js'] })?.app).toBe('node server.js');
    expect(readShellEntrypoint({ command: ['sh'], args: ['-c', 'cp /cfg/a /etc/a\npython -m app'] })?.app).toBe('python -m app');
  });

  it('leaves out scripts that hand over the process or forward signals', () => {
    expect(readShellEntrypoint({ command: ['/bin/sh', '-c', 'render.sh && exec java -jar app.jar'] })).toBeUndefined();
    expect(readShellEntrypoint({ command: ['/usr/bin/tini', '--', '/bin/sh', '-c', 'render.sh && java -jar app.jar'] })).toBeUndefined();
    expect(readShellEntrypoint({ command: ['dumb-init', 'sh', '-c', 'a && b'] })).toBeUndefined();
    expect(readShellEntrypoint({ command: ['sh', '-c', 'trap "kill -TERM $child" TERM; java -jar app.jar & child=$!; wait $child'] })).toBeUndefined();
  });

  it('leaves out one simple command (shells exec it) and commands that are no shell', () => {
    expect(readShellEntrypoint({ command: ['/bin/sh', '-c', 'java -jar app.jar'] })).toBeUndefined();
    expect(readShellEntrypoint({ command: ['java', '-jar', 'app.jar'] })).toBeUndefined();
    expect(readShellEntrypoint({})).toBeUndefined();
  });
});

describe('the app\'s own process id as its logs tell it', () => {
  it('reads Spring Boot\'s "with PID n" and JSON "pid"', () => {
    expect(findAppPid(['2026-11-21T02:31:03Z  INFO 7 --- [x] [main] c.a.App : Starting App v4 using Java 21.0.5 with PID 7 (/app/app.jar started by app in /app)'])).toBe(7);
    expect(findAppPid(['{"level":30,"pid":1,"msg":"listening"}'])).toBe(1);
    expect(findAppPid(['GET /healthz 200'])).toBeUndefined();
  });
});
