/**
 * What PHP's fatal errors share, read by the memory_limit and max_execution_time analyzers: the
 * request nginx names when it relays php-fpm's stderr, and where the dependencies' code lives.
 */

/** nginx's error log names the request that met it: `request: "GET /reports/x?customer=1 HTTP/1.1"`. */
const RELAYED_REQUEST = /request: "([A-Z]+) ([^"?\s]+)/;

/** Code of dependencies (Composer's vendor/): where a script happened to be, not the app's own file. */
export const VENDOR_CODE = /\/vendor\//;

/** `GET /reports/x`, when the line is the proxy's relay of the request; the query string is left out. */
export function readRelayedRequest(line: string): string | undefined {
  const r = RELAYED_REQUEST.exec(line);
  return r === null ? undefined : `${r[1] ?? 'GET'} ${r[2] ?? '/'}`;
}
