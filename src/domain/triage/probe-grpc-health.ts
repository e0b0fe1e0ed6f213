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

const UNKNOWN_NAME = /code = NotFound desc = unknown service/i;
const NO_HEALTH_SERVICE = /code = Unimplemented desc = unknown service grpc\.health\.v1\.Health\b/i;
/** A fully qualified proto service name: package parts, then the service in PascalCase. */
const SERVICE_NAME = /\b(?:[a-z_]\w*\.)+[A-Z]\w*\b/g;
/** A line where the app registers a service or sets its health status. */
const HEALTH_LINE = /\bhealth\b|SetServingStatus|serving status/i;
const REGISTER_LINE = /\bregister\w*\b[^\n]*\bservice\b|\bservice\b[^\n]*\bregistered\b/i;
/** gRPC's own services (health, reflection, channelz) are never what a probe should name. */
const INFRASTRUCTURE = /^grpc\./;

/** The service names the app's log says it registers (health lines first), without gRPC's own. */
export function findRegisteredServices(lines: readonly string[]): string[] {
  const named = (pick: RegExp) => lines.filter((l) => pick.test(l)).flatMap((l) => l.match(SERVICE_NAME) ?? []).filter((n) => !INFRASTRUCTURE.test(n));
  const health = named(HEALTH_LINE);
  return [...new Set(health.length > 0 ? health : named(REGISTER_LINE))];
}

/** The service the probe most likely means: the only one registered, else the one with its short name. */
function pickSuccessor(asked: string, registered: readonly string[]): string | undefined {
  if (registered.length === 1) return registered[0];
  const short = asked.split('.').pop();
  const same = registered.filter((n) => n.split('.').pop() === short);
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
  if (!UNKNOWN_NAME.test(messages)) return undefined;
  const asked = probe.service ?? '';
  const registered = findRegisteredServices(lines).filter((n) => n !== asked);
  const successor = asked === '' ? undefined : pickSuccessor(asked, registered);
  const named = asked === '' ? 'the server as a whole ("")' : `"${asked}"`;
  const told = registered.length > 0 ? `; the app registers ${registered.slice(0, 3).join(', ')}` : '';
  const line = registered.length > 0 ? lines.find((l) => HEALTH_LINE.test(l) && l.includes(registered[0] ?? '')) : undefined;
  return {
    scope: `the health server answers NotFound "unknown service" for ${named}, the service the probe asks about${told}`,
    why: `the probe asks grpc.health.v1.Health/Check about ${named}${at}, and the app's health server holds no status under that name (NotFound "unknown service"): the probe fails however well the app serves${told}`,
    fix: asked === ''
      ? `set an overall health status ("") in the app's health server, or set the probe's grpc.service to a name it registers${registered.length > 0 ? ` (${registered[0]})` : ''}`
      : `set the probe's grpc.service to ${successor ? `"${successor}" (the name this version registers)` : 'the name the app registers with its health server'}, or leave it empty to check the server as a whole`,
    // The app serves, under another name: the probe is what lags, and a rollback would undo the whole release.
    ...(registered.length > 0 ? { rollbackUndoes: 'undo the rest of that release' } : {}),
    ...(line ? { evidence: [`log: ${condenseStructuredLine(line.trim()).slice(0, 160)}`] } : {}),
  };
}
