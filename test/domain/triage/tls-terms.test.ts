import { describe, expect, it } from 'vitest';
import { parseDependencyError } from '../../../src/domain/triage/dependency-error-line.js';
import { explainTlsTerms, findPlaintextSetting, findTlsLibrary, findTlsSchemeSetting, readTlsRefusal } from '../../../src/domain/triage/tls-terms.js';

describe('parseDependencyError: TLS terms client and server do not share', () => {
  it.each([
    // The server demands TLS; the client connects without it.
    ['psycopg2.OperationalError: connection to server at "orders-db.cluster-ab12.eu-west-1.rds.amazonaws.com" (10.40.1.7), port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.3.14", user "orders", database "orders", no encryption', 'tls-required', 'orders-db.cluster-ab12.eu-west-1.rds.amazonaws.com:5432'],
    ['error: no pg_hba.conf entry for host "10.0.3.14", user "orders", database "orders", SSL off', 'tls-required', undefined],
    ['java.sql.SQLException: Connections using insecure transport are prohibited while --require_secure_transport=ON.', 'tls-required', undefined],
    ['FATAL:  SSL connection is required. Please specify SSL options and retry.', 'tls-required', undefined],
    // No shared protocol version, or a key too weak for the client's library.
    ["requests.exceptions.SSLError: HTTPSConnectionPool(host='edi.partner.example', port=443): Max retries exceeded with url: /v1/bookings (Caused by SSLError(SSLError(1, '[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)')))", 'tls-protocol', 'edi.partner.example:443'],
    ['ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)', 'tls-protocol', undefined],
    ['ssl.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1000)', 'tls-protocol', undefined],
    ['Post "https://legacy.partner.example/api/orders": tls: server selected unsupported protocol version 301', 'tls-protocol', 'legacy.partner.example'],
    ['javax.net.ssl.SSLHandshakeException: No appropriate protocol (protocol is disabled or cipher suites are inappropriate)', 'tls-protocol', undefined],
    ['javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version', 'tls-protocol', undefined],
    // Plain text where the client expects TLS.
    ["requests.exceptions.SSLError: HTTPSConnectionPool(host='billing-api', port=8080): Max retries exceeded (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))", 'tls-plaintext', 'billing-api:8080'],
  ])('%s', (line, problem, dependency) => {
    expect(parseDependencyError(line)).toEqual(dependency === undefined ? { problem } : { problem, dependency });
  });

  it('does not read a URL scheme a client lacks, or a pg_hba refusal of an encrypted connection, as TLS terms', () => {
    expect(parseDependencyError('Get "ftp://files.example/a.csv": unsupported protocol scheme "ftp"')?.problem).not.toBe('tls-protocol');
    expect(parseDependencyError('FATAL:  no pg_hba.conf entry for host "10.0.3.14", user "orders", database "orders", SSL encryption')).toBeUndefined();
  });
});

describe('findPlaintextSetting', () => {
  it('names where the spec turns the client\'s TLS off, and the same setting asking for it', () => {
    expect(findPlaintextSetting([{ name: 'PGHOST', value: 'db' }, { name: 'PGSSLMODE', value: 'disable' }])).toEqual({ said: 'env PGSSLMODE=disable', fix: 'PGSSLMODE=require' });
    expect(findPlaintextSetting([{ name: 'MYSQL_SSL_MODE', value: 'DISABLED' }])).toEqual({ said: 'env MYSQL_SSL_MODE=DISABLED', fix: 'MYSQL_SSL_MODE=REQUIRED' });
    expect(findPlaintextSetting([{ name: 'DATABASE_URL', value: 'postgres://orders@orders-db:5432/orders?sslmode=disable' }])).toEqual({ said: 'sslmode=disable in env DATABASE_URL', fix: 'sslmode=require' });
    expect(findPlaintextSetting([{ name: 'SPRING_DATASOURCE_URL', value: 'jdbc:mysql://orders-db:3306/orders?useSSL=false&serverTimezone=UTC' }])).toEqual({ said: 'useSSL=false in env SPRING_DATASOURCE_URL', fix: 'useSSL=true' });
    expect(findPlaintextSetting([{ name: 'DB_SSL', value: 'false' }])).toEqual({ said: 'env DB_SSL=false', fix: 'DB_SSL=true' });
  });

  it('says nothing when the client asks for TLS, and never reads a Secret', () => {
    expect(findPlaintextSetting([{ name: 'PGSSLMODE', value: 'require' }, { name: 'DATABASE_URL', value: 'postgres://db/x?sslmode=verify-full' }])).toBeUndefined();
    expect(findPlaintextSetting([{ name: 'PGSSLMODE', ref: { kind: 'secret', name: 'db', key: 'sslmode' } }])).toBeUndefined();
  });
});

describe('readTlsRefusal and findTlsLibrary', () => {
  it('tells an old server from a weak key and from a server refusing an old client', () => {
    expect(readTlsRefusal('tls: server selected unsupported protocol version 301')).toEqual({ side: 'old-server', version: 'TLS 1.0' });
    expect(readTlsRefusal('The server selected protocol version TLS11 is not accepted by client preferences [TLS13, TLS12]')).toEqual({ side: 'old-server', version: 'TLS 1.1' });
    expect(readTlsRefusal('[SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1000)')).toEqual({ side: 'old-server' });
    expect(readTlsRefusal('[SSL: DH_KEY_TOO_SMALL] dh key too small')).toEqual({ side: 'weak-key' });
    expect(readTlsRefusal('Received fatal alert: protocol_version')).toEqual({ side: 'old-client' });
  });

  it('reads the TLS library a process names at start', () => {
    expect(findTlsLibrary(['INFO starting gateway 2.8.0 (python 3.12.7, OpenSSL 3.0.15 3 Sep 2024)'])).toBe('OpenSSL 3.0.15');
    expect(findTlsLibrary(['INFO starting gateway'])).toBeUndefined();
  });
});

describe('a server without secure renegotiation (RFC 5746), refused by OpenSSL 3', () => {
  const LINE = "requests.exceptions.SSLError: HTTPSConnectionPool(host='files.partner.example', port=443): Max retries exceeded with url: /upload (Caused by SSLError(SSLError(1, '[SSL: UNSAFE_LEGACY_RENEGOTIATION_DISABLED] unsafe legacy renegotiation disabled (_ssl.c:1000)')))";

  it('reads the refusal as TLS terms with the host it names', () => {
    expect(parseDependencyError(LINE)).toEqual({ problem: 'tls-protocol', dependency: 'files.partner.example:443' });
    expect(readTlsRefusal(LINE)).toEqual({ side: 'legacy-renegotiation' });
  });

  it('names the legacy renegotiation, the library and the image change, never an expired certificate', () => {
    const story = explainTlsTerms({
      problem: 'tls-protocol', dependency: 'files.partner.example:443', line: LINE, library: 'OpenSSL 3.0.15',
      imageChange: { revision: 9, previous: 8, from: 'registry.example/team/uploader:1.4.0', to: 'registry.example/team/uploader:1.5.0' },
    });
    expect(story.title).toMatch(/UNSAFE_LEGACY_RENEGOTIATION_DISABLED/);
    expect(story.title).toMatch(/OpenSSL 3\.0\.15/);
    expect(story.cause).toMatch(/RFC 5746/);
    expect(story.cause).toMatch(/Revision 9 changed the image \(uploader:1\.4\.0 → uploader:1\.5\.0\)/);
    expect(story.action).toMatch(/OP_LEGACY_SERVER_CONNECT/);
    expect(story.action).toMatch(/roll back to revision 8/);
    expect(`${story.title} ${story.cause} ${story.fix}`).not.toMatch(/expired|unsupported protocol/i);
  });
});

describe('a TLS scheme configured for a port that speaks plain text (wrong version number)', () => {
  const settings = [
    { name: 'LOG_LEVEL', value: 'info' },
    { name: 'CACHE_URL', value: 'rediss://:****@cache.shop.svc.cluster.local:6379/0', from: 'ConfigMap orders-api-config' },
    { name: 'BILLING_URL', value: 'https://billing.shop.svc.cluster.local:8080' },
  ];

  it('finds the URL whose host is the dependency, and its plain counterpart', () => {
    expect(findTlsSchemeSetting(settings, 'cache.shop.svc.cluster.local:6379')).toEqual({ name: 'CACHE_URL', value: 'rediss://:****@cache.shop.svc.cluster.local:6379/0', from: 'ConfigMap orders-api-config', scheme: 'rediss', plain: 'redis' });
    expect(findTlsSchemeSetting(settings, 'billing:8080')?.name).toBe('BILLING_URL');
    expect(findTlsSchemeSetting([{ name: 'CACHE_URL', value: 'redis://cache:6379' }], 'cache:6379')).toBeUndefined();
  });

  it('names the key, its scheme and the plain scheme to go back to', () => {
    const scheme = findTlsSchemeSetting(settings, 'cache.shop.svc.cluster.local:6379');
    const story = explainTlsTerms({ problem: 'tls-plaintext', dependency: 'cache.shop.svc.cluster.local:6379', line: 'wrong version number', ...(scheme ? { scheme } : {}) });
    expect(story.title).toContain('CACHE_URL (ConfigMap orders-api-config) asks for TLS with rediss://');
    expect(story.evidence).toContain('CACHE_URL (ConfigMap orders-api-config): rediss://:****@cache.shop.svc.cluster.local:6379/0');
    expect(story.fix).toContain('set CACHE_URL in ConfigMap orders-api-config back to redis://');
  });
});
