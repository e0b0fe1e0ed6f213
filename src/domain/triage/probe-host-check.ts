/**
 * An HTTP probe answered 400/403/421 by the app's host validation. The kubelet's httpGet probe
 * sends Host: <pod IP>:<port> unless httpHeaders sets one, and a framework that checks the Host
 * header against an allow-list (Django ALLOWED_HOSTS, Rails config.hosts, ASP.NET AllowedHosts,
 * Symfony trusted_hosts) rejects it before the health view runs: the app is up, only the probe's
 * Host is refused. Told by the app's own log naming the rejected host — an IP literal, the pod's.
 */
import type { ContainerSpecEvidence, ProbeEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ProbeMiss } from './probe-miss.js';

/** What a host-validating framework logs when it rejects a request's Host, and its setting's name. */
const HOST_REJECTIONS: readonly { line: RegExp; setting: string }[] = [
  { line: /Invalid HTTP_HOST header: '([^']*)'.*/, setting: 'ALLOWED_HOSTS' },
  { line: /Blocked hosts?: ([^\s,]+).*/, setting: 'config.hosts' },
  { line: /The host '([^']*)' does not match an allowed host.*/, setting: 'AllowedHosts' },
  { line: /Untrusted Host "([^"]*)".*/, setting: 'trusted_hosts' },
  { line: /Blocked request\. This host \("?([^)"]*)"?\) is not allowed.*/, setting: 'allowedHosts' },
  { line: /Invalid Host header.*/i, setting: 'the allowed hosts' },
];
/** The statuses a host check answers with: 400 (Django, ASP.NET, Symfony), 403 (Rails, Vite), 421 (Misdirected Request). */
const HOST_CHECK_STATUS = /statuscode: (400|403|421)\b/i;
/** An IP literal, with its port or not: what the kubelet puts in Host when the probe sets none. */
const IP_HOST = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?::(\d+))?$/i;
/** Env vars that hold a host allow-list (DJANGO_ALLOWED_HOSTS, AllowedHosts, TRUSTED_HOSTS, RAILS_HOST_AUTHORIZATION). */
const HOST_SETTING_ENV = /ALLOWED_?HOSTS?|TRUSTED_?HOSTS?|HOST_?AUTHORI[SZ]ATION/i;

interface HostRejection {
  /** The rejected Host, when the line names it: `10.0.3.7:8000`. */
  host?: string;
  setting: string;
  /** The log's words from the rejection on, for quoting. */
  quote: string;
}

/** The first rejection in the log of a Host the probe would send (an IP literal on the probe's port); scanners' names do not count. */
export function findProbeHostRejection(lines: readonly string[], port: number | undefined): HostRejection | undefined {
  for (const raw of lines) {
    const line = condenseStructuredLine(raw);
    for (const { line: pattern, setting } of HOST_REJECTIONS) {
      const m = pattern.exec(line);
      if (m === null) continue;
      const host = m[1];
      if (host !== undefined) {
        const ip = IP_HOST.exec(host);
        if (ip === null || (ip[2] !== undefined && port !== undefined && Number(ip[2]) !== port)) break;
      }
      return { ...(host !== undefined ? { host } : {}), setting, quote: m[0].trim().slice(0, 160) };
    }
  }
  return undefined;
}

/** The env var that sets the allow-list, told as `env NAME=value` (a reference by its source), and a name it allows. */
function findHostSetting(env: ContainerSpecEvidence['env']): { told: string; allowed?: string } | undefined {
  const v = env?.find((e) => HOST_SETTING_ENV.test(e.name));
  if (v === undefined) return undefined;
  if (!('value' in v)) return { told: `env ${v.name} (from ${v.ref.kind} ${v.ref.name ?? ''}${v.ref.key ? `, key ${v.ref.key}` : ''})` };
  const allowed = v.value.split(/[\s,;]+/).find((h) => h !== '' && h !== '*' && !h.startsWith('.'));
  return { told: `env ${v.name}=${v.value.slice(0, 100)}`, ...(allowed !== undefined ? { allowed } : {}) };
}

export function explainHostRejectedProbe(
  probe: ProbeEvidence,
  port: number | undefined,
  spec: Pick<ContainerSpecEvidence, 'env'>,
  messages: string,
  lines: readonly string[],
): ProbeMiss | undefined {
  const status = HOST_CHECK_STATUS.exec(messages)?.[1];
  if (status === undefined) return undefined;
  const rejected = findProbeHostRejection(lines, port);
  if (rejected === undefined) return undefined;
  const setting = findHostSetting(spec.env);
  const host = rejected.host !== undefined ? ` ${rejected.host}` : '';
  const list = rejected.setting.startsWith('the ') ? 'an allowed host' : `in ${rejected.setting}`;
  const path = probe.path ?? '/';
  const example = setting?.allowed !== undefined ? ` (e.g. ${setting.allowed})` : '';
  const allows = rejected.setting.startsWith('the ') ? 'the app allows' : `${rejected.setting} allows`;
  return {
    scope: `the app rejects the probe's Host header${host} (the pod IP) as not ${list}${setting ? ` (${setting.told})` : ''} and answers ${status}`,
    why: `the kubelet's httpGet probe sends Host: <pod IP>:<port> (no httpHeaders Host is set), and the app's host validation (${rejected.setting}) rejects that host with ${status} before the health view runs: the app is up, the probe never gets past the host check`,
    fix: `let the probe past host validation: set httpGet.httpHeaders Host on the probe to a name ${allows}${example}, or exempt ${path} from the host check`,
    decisive: rejected.quote,
  };
}
