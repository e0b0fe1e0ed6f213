import { describe, expect, it } from 'vitest';
import { findServerAddress } from '../../../src/domain/triage/server-address.js';

// Go's MySQL driver takes a DSN of its own form, user[:password]@tcp(host:port)/db, in an env named anything (DB_WRITE_DSN).
describe('the address of a MySQL server in a Go driver DSN', () => {
  it('reads the host of user@tcp(host:port)/db', () => {
    const env = [{ name: 'DB_WRITE_DSN', value: 'orders_app@tcp(mysql-primary.orders.svc.cluster.local:3306)/orders?parseTime=true' }];
    expect(findServerAddress({ env }, 'MySQL')).toEqual({ env: 'DB_WRITE_DSN', host: 'mysql-primary.orders.svc.cluster.local' });
  });

  it('reads it with a password and no port', () => {
    const env = [{ name: 'DATABASE', value: 'app:s3cret@tcp(billing-db)/billing' }];
    expect(findServerAddress({ env }, 'MySQL')).toEqual({ env: 'DATABASE', host: 'billing-db' });
  });

  it('is no address of another kind of server', () => {
    const env = [{ name: 'DB_DSN', value: 'app@tcp(billing-db:3306)/billing' }];
    expect(findServerAddress({ env }, 'PostgreSQL')).toBeUndefined();
  });
});

// ClickHouse answers over HTTP as well as its native protocol (clickhouse-connect, the HTTP interface on 8123).
describe('the address of a ClickHouse server in an http URL', () => {
  it('reads the host when the variable is named after ClickHouse', () => {
    const env = [{ name: 'CLICKHOUSE_URL', value: 'http://clickhouse.analytics.svc.cluster.local:8123' }];
    expect(findServerAddress({ env }, 'ClickHouse')).toEqual({ env: 'CLICKHOUSE_URL', host: 'clickhouse.analytics.svc.cluster.local' });
  });

  it('is no ClickHouse address when the variable does not name it', () => {
    const env = [{ name: 'UPSTREAM_URL', value: 'http://reports.analytics.svc.cluster.local:8080' }];
    expect(findServerAddress({ env }, 'ClickHouse')).toBeUndefined();
  });
});
