/**
 * Postgres refusing two-phase commit: PREPARE TRANSACTION fails with "prepared transactions are
 * disabled" (hint: set max_prepared_transactions to a nonzero value) while max_prepared_transactions
 * is 0, its default. Clients meet it through XA/JTA: the transaction manager (Atomikos, Narayana,
 * Bitronix, MSDTC) asks each resource to prepare, the database's refusal is its NO vote
 * (XAER_RMERR), and every distributed transaction rolls back, while reads, the server and the pods
 * stay fine. The server's own error is the mechanism, not the manager's wrapper; a client release
 * that turned XA on against a server never configured for it is the trigger. The setting takes
 * effect only at server start.
 */

/** The server's words, as every driver carries them (PSQLException, Npgsql 55000, psycopg, pgx). */
export const PG_PREPARED_TRANSACTIONS_DISABLED = /\bprepared transactions are disabled\b/i;

export const PREPARED_TRANSACTIONS_SETTING = 'max_prepared_transactions';

export const PREPARED_TRANSACTIONS_WHY =
  'Two-phase commit (XA/JTA through a transaction manager such as Atomikos or Narayana) asks each database to PREPARE TRANSACTION before it commits, and Postgres refuses that with "prepared transactions are disabled" while max_prepared_transactions is 0 — its default. The transaction manager takes the refusal as a NO vote (XAER_RMERR) and rolls back every distributed transaction, so each write that spans the database and another resource fails, while plain reads, the server and the pods stay healthy. A client release that turned XA on against a server never configured for it brings it on at once.';

/** The fix, with where the setting lives ("on the server", "in ConfigMap x (its postgresql.conf sets 0)"). */
export function enablePreparedTransactions(where: string): string {
  return `set max_prepared_transactions ${where} to at least the connections the clients' XA pools open (often max_connections) and restart Postgres (it takes effect only at server start), or turn XA off until then`;
}
