/**
 * ASP.NET Core's Kestrel refuses to start an https:// endpoint it has no certificate for ("Unable to
 * configure HTTPS endpoint. No server certificate was specified, and the default developer
 * certificate could not be found"): in a container there is no developer certificate, so an https
 * URL in the endpoint settings (ASPNETCORE_URLS, ASPNETCORE_HTTPS_PORTS, a Kestrel__Endpoints__…__Url)
 * needs a certificate configured beside it (Kestrel__Certificates__Default__Path). The setting that
 * asks for https is what to change: drop it where TLS ends before the pod, or give Kestrel the certificate.
 */
import type { EnvVarEvidence } from './evidence-spec.js';
import { capitalize } from '../text.js';

const REFUSED = /Unable to configure HTTPS endpoint\. No server certificate was specified/;
/** Env that tells Kestrel where to listen (with or without the ASPNETCORE_ / DOTNET_ prefix). */
const ENDPOINT_SETTING = /^(?:(?:ASPNETCORE|DOTNET)_)?(?:URLS|HTTPS_PORTS?|Kestrel__Endpoints__\w+__Url)$/i;

export interface KestrelWithoutCertificate {
  /** The log line of Kestrel's refusal. */
  line: string;
  /** The env that asks for https, with its value, when the container's env sets it. */
  setting?: { name: string; value: string };
}

export function findKestrelWithoutCertificate(lines: readonly string[], env: readonly EnvVarEvidence[]): KestrelWithoutCertificate | undefined {
  const said = lines.map((l) => l.trim()).find((l) => REFUSED.test(l));
  if (said === undefined) return undefined;
  // Its advice after the refusal (the developer certificate, dotnet dev-certs) does not apply in a container.
  const end = said.search(REFUSED) + (REFUSED.exec(said)?.[0].length ?? 0);
  const line = end < said.length ? `${said.slice(0, end)}…` : said;
  const setting = env.flatMap((e) => ('value' in e && ENDPOINT_SETTING.test(e.name) && (/https:\/\//i.test(e.value) || /HTTPS_PORT/i.test(e.name)) ? [{ name: e.name, value: e.value }] : [])).at(0);
  return { line, ...(setting ? { setting } : {}) };
}

export function tellKestrelWithoutCertificate(found: KestrelWithoutCertificate): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const asked = found.setting ? `${found.setting.name}=${found.setting.value}` : 'an https endpoint';
  const where = found.setting ? found.setting.name : 'the endpoint settings';
  const fix = `drop the https URL from ${where} (where TLS ends before the pod) or give Kestrel a certificate (Kestrel__Certificates__Default__Path from a mounted Secret)`;
  return {
    title: `: Kestrel has no certificate for the https endpoint ${found.setting ? `${found.setting.name} asks for` : 'it is asked for'}`,
    cause: `${asked} asks Kestrel to serve HTTPS, but no server certificate is configured and a container has no developer certificate to fall back on, so Kestrel refuses to start and the process aborts.`,
    action: `${capitalize(fix)}; restarting the pods will not help.`,
    fix,
    evidence: found.setting ? [`env ${found.setting.name}=${found.setting.value}; no Kestrel certificate is configured`] : [],
  };
}
