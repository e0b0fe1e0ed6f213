/**
 * A client library refusing a second call on a connection (or session) that is still busy with
 * another: asyncpg's "cannot perform operation: another operation is in progress", libpq/psycopg's
 * "another command is already in progress", asyncio Redis's "readuntil() called while another
 * coroutine is already waiting for incoming data", SQLAlchemy's "This session is provisioning a new
 * connection; concurrent operations are not permitted", ODBC's "Connection is busy with results for
 * another command". None of these is the server's doing: the code shares one connection (one
 * session) between concurrent requests or tasks, so whenever two overlap one fails. That is a
 * code change's bug, set when the process starts and met only under concurrency, so errors that
 * begin late still come from the revision that started the pods. Pure: reads log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

interface Misuse {
  pattern: RegExp;
  /** What is shared, as its library names it. */
  what: string;
  /** What each task should use instead. */
  instead: string;
}

const MISUSES: readonly Misuse[] = [
  { pattern: /cannot perform operation: another operation is in progress/i, what: 'one asyncpg connection', instead: 'an asyncpg pool (asyncpg.create_pool), acquiring a connection per request or task' },
  { pattern: /another command is already in progress/i, what: 'one psycopg (libpq) connection', instead: 'a connection pool (psycopg_pool), one connection per request or task' },
  { pattern: /(readuntil|readexactly|read)\(\) called while another coroutine is already waiting for incoming data/i, what: 'one Redis connection', instead: 'the client\'s connection pool (one client built on a ConnectionPool, not one raw connection)' },
  { pattern: /This session is provisioning a new connection; concurrent operations are not permitted/i, what: 'one SQLAlchemy session', instead: 'one session per request or task (an async_sessionmaker)' },
  { pattern: /Connection is busy with results for another (command|hstmt)/i, what: 'one database connection', instead: 'a connection pool, one connection per request or task' },
];

/** `errors`: the error lines of ready pods; the first misuse they show decides. */
export function explainSharedConnection(errors: readonly string[]): ClientDiagnosis | undefined {
  for (const m of MISUSES) {
    const line = errors.find((l) => m.pattern.test(l));
    if (line === undefined) continue;
    const quote = m.pattern.exec(line)?.[0] ?? line.trim();
    const summary = `${m.what} is shared by concurrent requests or tasks: "${quote}"`;
    const fix = `give each request or task its own connection: ${m.instead}`;
    return {
      summary,
      title: (where) => `${summary.charAt(0).toUpperCase()}${summary.slice(1)} (${where})`,
      likelyCause:
        `The client library refuses a call on a connection that is still busy with another call: the code shares ${m.what} between requests or tasks that run at the same time, so whenever two overlap one fails. ` +
        'It is a bug of the code the pods run, not of the server (which is healthy) nor of the load: it shows only under concurrency, so it can begin well after the rollout, and the probes keep passing when they do not touch that connection.',
      nextAction: `Roll back the release that began it, then use ${m.instead}.`,
      fix,
      latent: `${m.what} shared by concurrent tasks is set in the code the pods started with and fails whenever two calls overlap, so errors that begin late still come from the revision that started them`,
    };
  }
  return undefined;
}
