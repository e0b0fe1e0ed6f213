import { describe, expect, it } from 'vitest';
import { describeIdleCommand } from '../../../src/domain/triage/idle-command.js';

describe('describeIdleCommand', () => {
  it.each([
    [['sleep', 'infinity'], undefined, 'sleep infinity'],
    [['sleep'], ['3600'], 'sleep 3600'],
    [['/usr/bin/tini', '--', 'sleep', 'inf'], undefined, '/usr/bin/tini -- sleep inf'],
    [['tail', '-f', '/dev/null'], undefined, 'tail -f /dev/null'],
    [['/bin/sh', '-c', 'trap : TERM INT; sleep infinity & wait'], undefined, '/bin/sh -c "trap : TERM INT; sleep infinity & wait"'],
    [['bash', '-c'], ['echo "debug mode"; while true; do sleep 30; done'], 'bash -c "echo \\"debug mode\\"; while true; do sleep 30; done"'],
  ])('recognizes %j %j as a placeholder', (command, args, shown) => {
    expect(describeIdleCommand(command, args)).toBe(shown);
  });

  it.each([
    [undefined, undefined],
    [undefined, ['--port=8080']],
    [['/app/server', '--listen', ':8080'], undefined],
    [['sh', '-c', '/app/server & sleep infinity'], undefined],
    [['sh', '-c', 'until nslookup postgres; do echo waiting; sleep 2; done'], undefined],
    [['sh', '-c', 'echo done'], undefined],
    [['sleep'], undefined],
    [['tail', '-f', '/var/log/app.log'], undefined],
  ])('leaves %j %j alone', (command, args) => {
    expect(describeIdleCommand(command, args)).toBeUndefined();
  });
});
