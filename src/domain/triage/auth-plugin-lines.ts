/**
 * Log lines where a database client cannot speak the authentication method its server asks for:
 * not a wrong password, the client's driver is too old for the server's method. MySQL 8.0 creates
 * accounts with caching_sha2_password by default (old mysqljs, PHP < 7.4, Go without
 * allowNativePasswords cannot do it); PostgreSQL 14 hashes new passwords with scram-sha-256
 * (libpq < 10 and old JDBC/pg drivers cannot do it).
 */

export interface AuthPluginMismatch {
  /** The server's method the client cannot do. */
  method: string;
  /** Which server speaks it. */
  server: 'MySQL' | 'PostgreSQL';
}

const MYSQL = /ER_NOT_SUPPORTED_AUTH_MODE|Client does not support authentication protocol requested by server|authentication method unknown to the client|Authentication plugin '?(?:caching_sha2_password|sha256_password)'? (?:is not supported|cannot be loaded|reported)|this authentication plugin is not supported/i;
const POSTGRES = /SCRAM authentication requires libpq version 10|authentication method 10 not supported|The authentication type 10 is not supported|AuthenticationSASL is not supported|SASL authentication is not supported/i;
/** A method the line names itself. */
const NAMED = /\b(caching_sha2_password|sha256_password|scram-sha-256)\b/i;

/** The mismatch a line records, or undefined. */
export function readAuthPluginMismatch(line: string): AuthPluginMismatch | undefined {
  const named = NAMED.exec(line)?.[1]?.toLowerCase();
  if (MYSQL.test(line)) return { server: 'MySQL', method: named ?? 'caching_sha2_password' };
  if (POSTGRES.test(line)) return { server: 'PostgreSQL', method: named ?? 'scram-sha-256' };
  return undefined;
}

export function isAuthPluginMismatch(line: string): boolean {
  return readAuthPluginMismatch(line) !== undefined;
}
