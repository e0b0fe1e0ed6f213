/**
 * A probe refused on its port while the app's own log says it listens on another port, and never
 * on the probed one: the app is up, the probe (and usually the containerPort and the Service's
 * targetPort with it) dials a port nothing serves. A framework whose default port moved is the
 * usual why after an image change (ASP.NET Core 8 images: 8080 instead of 80), named when the
 * log shows that framework; a longer start-up allowance would change nothing.
 */
import { condenseStructuredLine } from './evidence-lookup.js';
import { findListenAddresses } from './listen-lines.js';
import type { ProbeMiss } from './probe-miss.js';

/** Listeners that are not the app's serving port: a metrics, admin or debug endpoint beside it. */
const SIDE_LISTENER = /\b(metrics|prometheus|admin|debug|pprof|management|actuator|grpc-health|health ?check)\b/i;

interface DefaultPort {
  /** The framework's own start-up words. */
  logs: RegExp;
  port: number;
  /** Why it listens there, short, for the title. */
  note: string;
  /** Why it listens there, a clause. */
  why: string;
  /** The setting that moves it back to `probed`. */
  setting: (probed: number) => string;
}

/** Frameworks whose default listen port changed between releases, by what their start-up lines say. */
const DEFAULT_PORTS: readonly DefaultPort[] = [
  {
    logs: /Microsoft\.Hosting\.Lifetime|Now listening on: https?:\/\//,
    port: 8080,
    note: 'ASP.NET Core\'s default since .NET 8: ASPNETCORE_HTTP_PORTS=8080',
    why: 'ASP.NET Core listens on 8080 by default since .NET 8 (the official aspnet:8.0 images set ASPNETCORE_HTTP_PORTS=8080; up to .NET 7 it was 80)',
    setting: (probed) => `set ASPNETCORE_HTTP_PORTS=${probed} (or ASPNETCORE_URLS=http://+:${probed})`,
  },
];

/** The probe failure `messages` on `port` read against the probed containers' log lines. */
export function explainOtherPortProbe(port: number, messages: string, lines: readonly string[]): ProbeMiss | undefined {
  if (!/connection refused/i.test(messages)) return undefined;
  const listeners = lines
    .filter((line) => !SIDE_LISTENER.test(line))
    .map((line) => ({ line, addresses: findListenAddresses(line).filter((a) => a.scope !== 'loopback') }))
    .filter((l) => l.addresses.length > 0);
  if (listeners.length === 0 || listeners.some((l) => l.addresses.some((a) => a.port === port))) return undefined;
  const ports = [...new Set(listeners.flatMap((l) => l.addresses.map((a) => a.port)))].sort((a, b) => a - b);
  const first = listeners[listeners.length - 1] as (typeof listeners)[number];
  const quoted = condenseStructuredLine(first.line.trim()).slice(0, 120);
  const on = ports.map((p) => `:${p}`).join(' and ');
  const framework = ports.length === 1 ? DEFAULT_PORTS.find((d) => d.port === ports[0] && lines.some((l) => d.logs.test(l))) : undefined;
  const move = `or move the probes, the containerPort and the Service's targetPort to ${on}`;
  return {
    scope: `the app listens on ${on} — its log: "${quoted}" — while the probes dial :${port}, so they are refused${framework ? ` (${framework.note})` : ''}`,
    why: `the app is up but listens on ${on}, not on the probed :${port}: nothing answers there${framework ? `; ${framework.why}` : ''}`,
    fix: framework ? `${framework.setting(port)}, ${move}` : `make the app listen on :${port} (its port setting), ${move}`,
    decisive: quoted,
  };
}
