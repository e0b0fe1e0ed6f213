/**
 * A gRPC client whose keepalive pings come more often than its server permits. The server enforces a
 * minimum interval between pings (grpc-go's keepalive EnforcementPolicy MinTime, 5 minutes by
 * default, and no pings without calls in flight unless PermitWithoutStream; grpc-java's
 * permitKeepAliveTime): each early ping is a strike, and after a few it sends GOAWAY with
 * ENHANCE_YOUR_CALM and debug data "too_many_pings" and closes the connection. The calls in flight
 * on it fail UNAVAILABLE, the client reconnects, and the cycle repeats: calls fail now and then
 * while both sides stay Ready. The server is right; the client's keepalive time is the setting to
 * fix, and the change that lowered it is the trigger. Pure: patterns and the words of the finding.
 */

/** The server's GOAWAY as grpc-go, grpc-java and gRPC core word it ("too_many_pings"), or grpc-js ("excess pings"). */
export const TOO_MANY_PINGS = /\btoo_many_pings\b|rejected by server because of excess pings/i;

/** The client's variable for how often it pings: a keepalive time or interval, not its timeout. */
export const KEEPALIVE_SETTING = /KEEP_?ALIVE_?(?:TIME(?!_?OUT)|INTERVAL)|PING_?INTERVAL/i;

export const PINGS_REFUSES = 'connections over too frequent keepalive pings (GOAWAY ENHANCE_YOUR_CALM "too_many_pings"): these pods ping more often than its minimum ping interval permits';

export const PINGS_WHY =
  'A gRPC server enforces a minimum interval between the keepalive pings of a client (grpc-go\'s EnforcementPolicy MinTime, 5 minutes by default, with pings on a connection without calls refused unless PermitWithoutStream; grpc-java\'s permitKeepAliveTime): each earlier ping is a strike, and after a few the server sends GOAWAY with ENHANCE_YOUR_CALM and debug data "too_many_pings" and closes the connection. The calls in flight on it fail with UNAVAILABLE; the client reconnects and the cycle begins again, so calls fail now and then while both sides stay Ready.';

export const PINGS_CLIENT_SIDE =
  'The server is healthy and right to close: the keepalive time these pods run with is below the minimum it permits, most often lowered by a release or a config change of the client.';

export const PINGS_FIXES = 'the keepalive of the connections these pods open to';

export const PINGS_FIX =
  "raise the client's keepalive time to at least the server's minimum ping interval and stop pinging connections without calls in flight (permit-without-stream), then restart the pods; or lower the server's enforcement minimum, if the server is yours to change";

/** The fix when the client's container names its keepalive setting (`GRPC_KEEPALIVE_TIME=20s in the pod template`). */
export function fixKeepalive(setting: string): string {
  return `raise ${setting} to at least the server's minimum ping interval (5 minutes by grpc-go's default), then restart the pods so they read it`;
}
