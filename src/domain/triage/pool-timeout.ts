/**
 * A client connection pool's own timeout: every connection of the pool is checked out, a caller
 * waited its checkout timeout for one and gave up. Each client says it its own way; all mean the
 * wait happened in the process, before anything was sent to the server.
 */
export const CONNECTION_POOL_TIMEOUT = new RegExp([
  'Connection is not available, request timed out after', // HikariCP
  'pool (is )?exhausted',
  'Timeout waiting for (idle object|connection from pool)', // Commons DBCP / pool2, Apache HttpClient 4
  'ConnectionRequestTimeoutException', // Apache HttpClient 5
  'QueuePool limit of size \\d+ overflow \\d+ reached', // SQLAlchemy
  'could not obtain a connection from the pool within', // ActiveRecord::ConnectionTimeoutError
  'connection not available and request was dropped from queue', // Ecto / DBConnection
  'The connection pool has been exhausted', // Npgsql
  'prior to obtaining a connection from the pool', // ADO.NET SqlClient
  'Timed out fetching a new connection from the connection pool', // Prisma (P2024)
  'Timeout acquiring a connection\\. The pool is probably full', // Knex
  'Timed out while checking out a connection from connection pool|WaitQueueTimeout(Error|Exception)', // MongoDB drivers (Node, Python, Go): maxPoolSize reached, waitQueueTimeoutMS passed
  'Timeout waiting for a pooled connection', // MongoDB Java driver
].join('|'), 'i');
