import { describe, expect, it } from 'vitest';
import { findMissingSchemaObject } from '../../../src/domain/triage/schema-mismatch.js';

describe('findMissingSchemaObject', () => {
  it.each([
    ['org.postgresql.util.PSQLException: ERROR: column i.customer_id does not exist', 'column i.customer_id', 'ERROR: column i.customer_id does not exist'],
    ['PG::UndefinedColumn: ERROR:  column "gift_card_id" of relation "payments" does not exist', 'column gift_card_id of payments', 'ERROR:  column "gift_card_id" of relation "payments" does not exist'],
    ['psycopg2.errors.UndefinedTable: relation "invoice_lines" does not exist', 'table invoice_lines', 'relation "invoice_lines" does not exist'],
    ["java.sql.SQLSyntaxErrorException: Unknown column 'o.customer_id' in 'where clause'", 'column o.customer_id', "Unknown column 'o.customer_id' in 'where clause'"],
    ["Error 1146 (42S02): Table 'shop.order_lines' doesn't exist", 'table shop.order_lines', "Table 'shop.order_lines' doesn't exist"],
    ['sqlite3.OperationalError: no such column: users.tenant_id', 'column users.tenant_id', 'no such column: users.tenant_id'],
    ['java.sql.SQLSyntaxErrorException: ORA-00904: "CUSTOMER_ID": invalid identifier', 'column CUSTOMER_ID', 'ORA-00904: "CUSTOMER_ID": invalid identifier'],
    ["Microsoft.Data.SqlClient.SqlException (0x80131904): Invalid column name 'CustomerId'.", 'column CustomerId', "Invalid column name 'CustomerId'"],
  ])('reads what the database lacks from %s', (line, what, quote) => {
    expect(findMissingSchemaObject(line)).toEqual({ what, quote });
  });

  it('reads the error inside a JSON log line, its quotes escaped', () => {
    const line = String.raw`{"level":"ERROR","exception":"org.postgresql.util.PSQLException: ERROR: relation \"orders\" does not exist\n  Position: 22"}`;
    expect(findMissingSchemaObject(line)).toEqual({ what: 'table orders', quote: 'ERROR: relation "orders" does not exist' });
    const column = String.raw`{"msg":"query failed","err":"ERROR: column \"tenant_id\" of relation \"users\" does not exist"}`;
    expect(findMissingSchemaObject(column)?.what).toBe('column tenant_id of users');
  });

  it('ignores what is not a schema error', () => {
    expect(findMissingSchemaObject('ERROR: database "billing" does not exist')).toBeUndefined();
    expect(findMissingSchemaObject('open /etc/app/config.yaml: no such file or directory')).toBeUndefined();
    expect(findMissingSchemaObject('role "app" does not exist')).toBeUndefined();
  });
});
