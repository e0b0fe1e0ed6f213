/**
 * A gRPC probe calls grpc.health.v1.Health/Check on the pod with the service name the probe sets
 * (grpc.service; empty asks for the server as a whole). Two answers mean the app may be fine and
 * the probe asks the wrong thing: NotFound "unknown service" — the health server holds no status
 * under that name (a proto package renamed in a release, a name mistyped) — and Unimplemented
 * "unknown service grpc.health.v1.Health" — the app serves no health service at all. Neither is
 * cured by a restart or a longer timeout; the probe's service name (or the app's health
 * registration) is what to change.
 */
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ProbeEvidence } from './evidence-pod.js';
import type { ProbeMiss } from './probe-miss.js';
import { explainGrpcProbeOnTls, findGrpcProbeOnTls } from './grpc-probe-tls.js';

const UNKNOWN_NAME = /code = NotFound desc = unknown service/i;
const NO_HEALTH_SERVICE = /code = Unimplemented desc = unknown service grpc\.health\.v1\.Health\b/i;
/** A fully qualified proto service name: package parts, then the service in PascalCase. */
const SERVICE_NAME = /\b(?:[a-z_]\w*\.)+[A-Z]\w*\b/g;
/** A line where the app sets a health status (grpc-go's SetServingStatus, a "health status set" log). */
const HEALTH_LINE = /\bhealth\b[^\n]*\b(?:status|serving)\b|SetServingStatus/i;
/** A line where the app registers its services. */
const REGISTER_LINE = /\bregister\w*\b[^\n]*\bservices?\b|\bservices?\b[^\n]*\bregistered\b/i;
/** gRPC's own services (health, reflection, channelz) are never what a probe should name. */
const INFRASTRUCTURE = /^grpc\./;

/** `service=""`, `"service":""`: a status set for the server as a whole. */
const WHOLE_SERVER = /\bservice"?\s*[=:]\s*""/;

/** What the app's log says its health server knows, and the services it registers (without gRPC's own). */
export interface HealthNames {
  /** Names it sets a health status for. */
  health: string[];
  /** It sets a status for "" (the server as a whole). */
  whole: boolean;
  /** Whether the log shows health statuses being set at all: then `health` and `whole` are the whole list. */
  told: boolean;
  registered: string[];
}

export function readHealthNames(lines: readonly string[]): HealthNames {
  const named = (ls: readonly string[]) => [...new Set(ls.flatMap((l) => l.match(SERVICE_NAME) ?? []).filter((n) => !INFRASTRUCTURE.test(n)))];
  const health = lines.filter((l) => HEALTH_LINE.test(l));
  return { health: named(health), whole: health.some((l) => WHOLE_SERVER.test(l)), told: health.length > 0, registered: named(lines.filter((l) => REGISTER_LINE.test(l) && !HEALTH_LINE.test(l))) };
}

/** The service the probe most likely means: the only one with a status, else the one with its short name. */
function pickSuccessor(asked: string, names: readonly string[]): string | undefined {
  if (names.length === 1) return names[0];
  const short = asked.split('.').pop();
  const same = names.filter((n) => n.split('.').pop() === short);
  return same.length === 1 ? same[0] : undefined;
}

/** Why a gRPC probe's Check fails against an app that may be up, from the kubelet's message and the app's log. */
export function explainGrpcHealthProbe(probe: ProbeEvidence, port: number | undefined, messages: string, lines: readonly string[]): ProbeMiss | undefined {
  if (probe.type !== 'grpc') return undefined;
  const at = port === undefined ? '' : ` on :${port}`;
  if (NO_HEALTH_SERVICE.test(messages)) {
    return {
      scope: `the app${at} does not serve the gRPC health service (grpc.health.v1.Health): the probe's Check call answers Unimplemented`,
      why: `the app${at} registers no gRPC health service, so every Check the probe makes answers Unimplemented "unknown service grpc.health.v1.Health" however well the app serves`,
      fix: `register the gRPC health service (grpc.health.v1.Health) in the app, or probe it another way (tcpSocket${port === undefined ? '' : ` on :${port}`})`,
    };
  }
  // A plaintext probe against a TLS port fails before any Check is made.
  const tls = findGrpcProbeOnTls({ probes: { readiness: probe } }, lines, messages, () => port);
  if (tls !== undefined) return explainGrpcProbeOnTls(tls);
  if (!UNKNOWN_NAME.test(messages)) return undefined;
  const asked = probe.service ?? '';
  const names = readHealthNames(lines);
  const health = names.health.filter((n) => n !== asked);
  const registered = names.registered.filter((n) => n !== asked && !health.includes(n));
  const successor = asked === '' ? undefined : pickSuccessor(asked, health);
  const named = asked === '' ? 'the server as a whole ("")' : `"${asked}"`;
  const statuses = [...health.slice(0, 3), ...(names.whole && asked !== '' ? ['""'] : [])];
  const told = [
    ...(statuses.length > 0 ? [`the app sets health status ${health.length === 0 ? 'only ' : ''}for ${statuses.join(' and ')}`] : []),
    ...(registered.length > 0 ? [`${statuses.length > 0 ? 'it' : 'the app'} registers ${registered.slice(0, 3).join(', ')}`] : []),
  ];
  const also = told.length > 0 ? `; ${told.join('; ')}` : '';
  const line = lines.find((l) => HEALTH_LINE.test(l) && (health[0] === undefined ? WHOLE_SERVER.test(l) : l.includes(health[0])));
  let fix: string;
  if (successor !== undefined) fix = `set the probe's grpc.service to "${successor}" (the name this version reports health for), or leave it empty to check the server as a whole`;
  else if (asked !== '' && names.told && names.whole && health.length === 0) fix = 'leave the probe\'s grpc.service empty: the app\'s health server reports only the server as a whole ("")';
  else if (asked !== '') fix = 'leave the probe\'s grpc.service empty to check the server as a whole, or set it to a name the app reports health for';
  else fix = `set an overall health status ("") in the app's health server, or set the probe's grpc.service to a name it reports health for${health[0] ? ` (${health[0]})` : ''}`;
  return {
    scope: `the health server answers NotFound "unknown service" for ${named}, the service the probe asks about${also}`,
    why: `the probe asks grpc.health.v1.Health/Check about ${named}${at}, and the app's health server holds no status under that name (NotFound "unknown service"): the probe fails however well the app serves${also}`,
    fix,
    // The app serves and reports health, under another name: the probe is what lags, and a rollback would undo the whole release.
    ...(names.told ? { rollbackUndoes: 'undo the rest of that release' } : {}),
    ...(line ? { evidence: [`log: ${condenseStructuredLine(line.trim()).slice(0, 160)}`] } : {}),
  };
}
