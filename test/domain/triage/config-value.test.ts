import { describe, expect, it } from 'vitest';
import { findBadValue } from '../../../src/domain/triage/config-value.js';
import { container } from './scenarios/builders.js';

/** stock-service's env as the adapter maps it: literals, Secret and ConfigMap keys, the downward API. */
const STOCK = container({
  name: 'stock-service',
  env: [
    { name: 'DB_HOST', ref: { kind: 'configMap', name: 'stock-config', key: 'db.host' } },
    { name: 'DB_PORT', ref: { kind: 'secret', name: 'stock-db', key: 'port' } },
    { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'stock-db', key: 'password' } },
    { name: 'HTTP_CLIENT_TIMEOUT', ref: { kind: 'configMap', name: 'stock-config', key: 'http.timeout' } },
    { name: 'DB_POOL_SIZE', value: '10' },
    { name: 'POD_IP', ref: { kind: 'field', key: 'status.podIP' } },
    { name: 'MAX_HEAP', ref: { kind: 'resource', key: 'limits.memory' } },
  ],
});

const NUMERIC_SOURCES = ['DB_PORT (Secret stock-db, key port)', 'HTTP_CLIENT_TIMEOUT (ConfigMap stock-config, key http.timeout)'];

describe('findBadValue', () => {
  it('reads the value of a Java NumberFormatException with its newline shown, and names the numeric settings fed from Secrets and ConfigMaps', () => {
    // pickDecisiveLine joins `For input string: "5432` and the `"` on the next line with a visible \n.
    expect(findBadValue('Caused by: java.lang.NumberFormatException: For input string: "5432\\n"', STOCK)).toEqual({ value: '5432\\n', flaw: 'a trailing newline', sources: NUMERIC_SOURCES });
    expect(
      findBadValue("org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'dataSource': Factory method 'dataSource' threw exception with message: For input string: \"5432 \"", STOCK),
    ).toEqual({ value: '5432 ', flaw: 'surrounding whitespace', sources: NUMERIC_SOURCES });
  });

  it("reads Python's int() and float() failures", () => {
    expect(findBadValue("ValueError: invalid literal for int() with base 10: '30s'", STOCK)).toEqual({ value: '30s', sources: NUMERIC_SOURCES });
    expect(findBadValue("ValueError: invalid literal for int() with base 10: '5432\\r'", STOCK)).toEqual({ value: '5432\\r', flaw: 'a trailing carriage return', sources: NUMERIC_SOURCES });
    expect(findBadValue("ValueError: could not convert string to float: ' 0.25'", STOCK)).toEqual({ value: ' 0.25', flaw: 'surrounding whitespace', sources: NUMERIC_SOURCES });
  });

  it("reads Go's strconv errors", () => {
    expect(findBadValue('panic: strconv.Atoi: parsing "8O80": invalid syntax', STOCK)).toEqual({ value: '8O80', sources: NUMERIC_SOURCES });
    // A zap JSON line reaches here condensed by pickDecisiveLine: "msg: error".
    expect(findBadValue('invalid config: strconv.ParseInt: parsing "30s": invalid syntax', STOCK)).toEqual({ value: '30s', sources: NUMERIC_SOURCES });
  });

  it('says a quoted number carries quotes, and still names where a number could come from', () => {
    // A ConfigMap value written as '"5432"' in YAML reaches the process with its quotes.
    expect(findBadValue("ValueError: invalid literal for int() with base 10: '\"5432\"'", STOCK)).toEqual({ value: '"5432"', flaw: 'quotes around it', sources: NUMERIC_SOURCES });
  });

  it('names no source for a value that is not a number: any setting could carry it', () => {
    expect(findBadValue("ValueError: invalid literal for int() with base 10: 'postgres'", STOCK)).toEqual({ value: 'postgres', sources: [] });
  });

  it('names no source without the container spec, and nothing at all for a line that is no parse failure', () => {
    expect(findBadValue('Caused by: java.lang.NumberFormatException: For input string: "5432\\n"', undefined)).toEqual({ value: '5432\\n', flaw: 'a trailing newline', sources: [] });
    expect(findBadValue('Caused by: java.net.ConnectException: Connection refused', STOCK)).toBeUndefined();
  });
  it('matches the words of a setting name whole: DB_PORT, not REPORT_BUCKET, DB_ADMIN_PASSWORD or ACCOUNT_ID', () => {
    const app = container({
      name: 'app',
      env: [
        { name: 'REPORT_BUCKET', ref: { kind: 'configMap', name: 'reports', key: 'bucket' } },
        { name: 'DB_ADMIN_PASSWORD', ref: { kind: 'secret', name: 'db', key: 'admin' } },
        { name: 'ACCOUNT_ID', ref: { kind: 'secret', name: 'billing', key: 'account' } },
        { name: 'DB_PORT', ref: { kind: 'secret', name: 'db', key: 'port' } },
        { name: 'MAX_CONNECTIONS', ref: { kind: 'configMap', name: 'db', key: 'max' } },
      ],
    });
    expect(findBadValue('java.lang.NumberFormatException: For input string: "5432\\n"', app)?.sources).toEqual(['DB_PORT (Secret db, key port)', 'MAX_CONNECTIONS (ConfigMap db, key max)']);
  });

  it('keeps quotes that are part of a Java value: For input string: ""5432""', () => {
    expect(findBadValue('java.lang.NumberFormatException: For input string: ""5432""', STOCK)).toEqual({ value: '"5432"', flaw: 'quotes around it', sources: NUMERIC_SOURCES });
  });
});
