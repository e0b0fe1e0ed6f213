/**
 * A host-name mismatch from a client that sends no SNI: without a server name in its ClientHello, a
 * server that routes TLS by SNI (a shared edge, a CDN, an ingress with several hosts) answers with
 * its default certificate, which names another host. The certificate is not wrong; the client's
 * switch is, and it only shows once the host moves behind such an edge. The fix is to send SNI,
 * never to disable host-name verification.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';

/** Switches that stop a client from sending SNI: Java's system property, OpenSSL's s_client flag. */
const SNI_OFF = /-Djsse\.enableSNIExtension=false|(?:^|\s)-noservername\b/;

export interface SniDisabled {
  /** Where the switch is set: `env JAVA_TOOL_OPTIONS of container app` or `args of container app`. */
  where: string;
  /** The switch as written. */
  flag: string;
  /** The certificate the server presented instead, when a log line names it (`CN=default.edge.example`). */
  served?: string;
}

/** The switch in a container's env, args or command that turns SNI off; undefined when none does. */
export function findSniDisabled(container: ContainerSpecEvidence | undefined, lines: readonly string[]): SniDisabled | undefined {
  if (container === undefined) return undefined;
  const sources: { where: string; text: string }[] = [
    ...(container.env ?? []).flatMap((e) => ('value' in e ? [{ where: `env ${e.name} of container ${container.name}`, text: e.value }] : [])),
    { where: `args of container ${container.name}`, text: (container.args ?? []).join(' ') },
    { where: `command of container ${container.name}`, text: (container.command ?? []).join(' ') },
  ];
  for (const s of sources) {
    const m = SNI_OFF.exec(s.text);
    if (m === null) continue;
    const served = lines.map((l) => /\b(?:peer|server) certificate\b[^\n]*?\b(CN=[^,\s]+)/i.exec(l)?.[1]).find((c) => c !== undefined);
    return { where: s.where, flag: m[0].trim(), ...(served !== undefined ? { served } : {}) };
  }
  return undefined;
}

/** How it is told: the client's missing SNI as the mechanism, the flag as the fix. */
export function tellSniDisabled(found: SniDisabled, host: string): ToldReading & { evidence: string[] } {
  const fix = `remove ${found.flag} from ${found.where} so the client sends SNI, and restart the pods`;
  return {
    title: `the client sends no SNI (server name indication): ${found.flag} in ${found.where}, so ${host} answers with its default certificate${found.served !== undefined ? ` (${found.served})` : ''}`,
    cause: `${found.flag} stops the client from naming ${host} in its TLS ClientHello. A server that picks its certificate by SNI (a shared edge gateway, a CDN, an ingress serving several hosts) then presents its default certificate, which does not name ${host}, and host-name verification fails. It shows when ${host} moves behind such an edge, not when the client changes.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; never disable host-name verification instead. Confirm with \`openssl s_client -connect ${host}:443 -servername ${host}\` against the same without -servername.`,
    fix,
    evidence: [`${found.where} sets ${found.flag}: the client sends no server name (SNI)${found.served !== undefined ? `; the server presented ${found.served}` : ''}`],
  };
}
