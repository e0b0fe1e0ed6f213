import { describe, expect, it } from 'vitest';
import { findListenAddresses } from '../../../src/domain/triage/listen-lines.js';

describe('findListenAddresses', () => {
  it('reads the address and port servers print when they start to listen', () => {
    expect(findListenAddresses('[2026-11-15 03:13:00 +0000] [1] [INFO] Listening at: http://0.0.0.0:8000 (1)')).toEqual([{ scope: 'ipv4-any', host: '0.0.0.0', port: 8000 }]);
    expect(findListenAddresses('{"level":30,"msg":"Server listening at http://[::1]:3000"}')).toEqual([{ scope: 'loopback', host: '[::1]', port: 3000 }]);
    expect(findListenAddresses('INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)')).toEqual([{ scope: 'loopback', host: '127.0.0.1', port: 8000 }]);
    expect(findListenAddresses('2026-11-15 03:13:00.120 UTC [1] LOG:  listening on IPv6 address "::", port 5432')).toEqual([{ scope: 'ipv6', host: '::', port: 5432 }]);
    expect(findListenAddresses('LOG:  listening on IPv4 address "0.0.0.0", port 5432')).toEqual([{ scope: 'ipv4-any', host: '0.0.0.0', port: 5432 }]);
    expect(findListenAddresses('LISTEN 0 4096 [::]:8080 [::]:*')).toEqual([{ scope: 'ipv6', host: '[::]', port: 8080 }]);
    expect(findListenAddresses('level=info msg="listening on :9090"')).toEqual([{ scope: 'any', host: '', port: 9090 }]);
    expect(findListenAddresses('* Listening on http://0.0.0.0:3000, and http://127.0.0.1:9000')).toEqual([
      { scope: 'ipv4-any', host: '0.0.0.0', port: 3000 },
      { scope: 'loopback', host: '127.0.0.1', port: 9000 },
    ]);
  });

  it('reads a port named in words, with no host: Spring Boot, Express, Netty', () => {
    expect(findListenAddresses('o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port(s): 8081 (http) with context path \'\'')).toEqual([{ scope: 'any', host: '', port: 8081 }]);
    expect(findListenAddresses('Listening on port 3000')).toEqual([{ scope: 'any', host: '', port: 3000 }]);
    expect(findListenAddresses('Netty started on port 8080')).toEqual([{ scope: 'any', host: '', port: 8080 }]);
  });

  it('reads no listener from lines that do not announce one: a peer, a time, a JSON port', () => {
    expect(findListenAddresses('dial tcp 0.0.0.0:8080: connect: connection refused')).toEqual([]);
    expect(findListenAddresses('Started CatalogApplication in 4.2 seconds at 03:13:00')).toEqual([]);
    expect(findListenAddresses('{"msg":"server started","port":8080}')).toEqual([]);
    expect(findListenAddresses('started worker, upstream http://10.0.4.17:8080')).toEqual([]);
  });
});
