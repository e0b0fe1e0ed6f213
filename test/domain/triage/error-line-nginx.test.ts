// nginx's own error log writes its severity in lower case between brackets: `[alert]`, `[crit]`,
// `[error]`, `[emerg]` report failures (a worker out of connections, an upstream lost); `[warn]`
// and `[notice]` do not.
import { describe, expect, it } from 'vitest';
import { isErrorLine } from '../../../src/domain/triage/error-line.js';

describe("nginx's error log", () => {
  it('counts [alert], [crit], [error] and [emerg] lines as errors', () => {
    expect(isErrorLine('2026/11/21 02:51:07 [alert] 29#29: *88121 512 worker_connections are not enough while connecting to upstream, client: 10.0.12.7, server: shop.acme.io, request: "GET / HTTP/1.1"')).toBe(true);
    expect(isErrorLine('2026/11/21 02:51:07 [crit] 30#30: *1 connect() to unix:/run/php.sock failed (2: No such file or directory)')).toBe(true);
    expect(isErrorLine('2026/11/21 02:51:07 [error] 31#31: *7 upstream timed out (110: Connection timed out) while reading response header from upstream')).toBe(true);
    expect(isErrorLine('2026/11/21 02:51:07 [emerg] 1#1: unknown directive "proxy_pas" in /etc/nginx/conf.d/default.conf:12')).toBe(true);
  });

  it('leaves [warn] and [notice] lines alone', () => {
    expect(isErrorLine('2026/11/21 02:51:07 [warn] 29#29: *5 an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001')).toBe(false);
    expect(isErrorLine('2026/11/21 02:40:00 [notice] 1#1: signal process started')).toBe(false);
  });
});
