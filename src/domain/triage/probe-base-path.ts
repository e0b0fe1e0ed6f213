/**
 * An HTTP probe answered 404 by an app that is up: its base path moved. A context path (Spring's
 * server.servlet.context-path, spring.webflux.base-path), an actuator base path
 * (management.endpoints.web.base-path) or a ROOT_PATH / BASE_PATH / SCRIPT_NAME puts every
 * endpoint, health included, under a prefix, and the probe still asks the old path. The app says
 * so at its start ("Tomcat started on port 9000 (http) with context path '/v2'") or its env sets
 * it. Waiting longer changes nothing: the path answers 404 however healthy the app is.
 */
import type { ContainerSpecEvidence, ProbeEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import type { ProbeMiss } from './probe-miss.js';
import { capitalize } from '../text.js';

/** Spring Boot's embedded server at start: "Tomcat started on port(s): 9000 (http) with context path '/v2'". */
const SERVER_STARTED = /\b(?:Tomcat|Jetty|Undertow|Netty) started on port(?:\(s\))?:? (\d+)\b.*?with context path '([^']*)'/;
/** Spring Boot's actuator at start: "Exposing 4 endpoints beneath base path '/manage'". */
const ACTUATOR_BASE = /Exposing \d+ endpoints? beneath base path '([^']*)'/;
const ACTUATOR = '/actuator';
/** Env that moves every endpoint under a prefix (Spring's relaxed names, the usual app and WSGI ones). */
// Named exactly: a DATA_ROOT_PATH or CERT_BASE_PATH is a directory, not where the app serves.
const PREFIX_ENV = /^(SERVER_SERVLET_CONTEXT_?PATH|SPRING_WEBFLUX_BASE_?PATH|(APP_)?(BASE|ROOT|CONTEXT)_?PATH|BASE_URL_PATH|(URL|PATH)_PREFIX|SCRIPT_NAME)$/;
/** Env that moves Spring's actuator endpoints (relative to the context path). */
const ACTUATOR_ENV = /^MANAGEMENT_ENDPOINTS_WEB_BASE_?PATH$/;

interface Prefix {
  /** The prefix, without a trailing slash ("" for the root). */
  path: string;
  /** Where it is set, for the fix: the setting or the env var. */
  setting: string;
  /** What says so: the log line quoted, or the env assignment. */
  said: string;
  fromLog: boolean;
}

const trimSlash = (p: string): string => (p === '/' ? '' : p.replace(/\/+$/, ''));
const isUnder = (path: string, prefix: string): boolean => prefix === '' || path === prefix || path.startsWith(`${prefix}/`);

function findContextPath(port: number | undefined, spec: Pick<ContainerSpecEvidence, 'env'>, lines: readonly string[]): Prefix | undefined {
  // The last start wins (the run the probe meets); a management server on another port is not the probed one.
  const started = lines.map((line) => ({ line, m: SERVER_STARTED.exec(line) })).filter((x) => x.m !== null && (port === undefined || Number(x.m[1]) === port)).at(-1);
  if (started?.m != null) return { path: trimSlash(started.m[2] ?? ''), setting: 'server.servlet.context-path', said: condenseStructuredLine(started.line.trim()), fromLog: true };
  const env = (spec.env ?? []).find((e) => 'value' in e && PREFIX_ENV.test(e.name) && e.value.startsWith('/'));
  if (env !== undefined && 'value' in env) return { path: trimSlash(env.value), setting: `env ${env.name}`, said: `${env.name}=${env.value}`, fromLog: false };
  return undefined;
}

function findActuatorPath(spec: Pick<ContainerSpecEvidence, 'env'>, lines: readonly string[]): Prefix | undefined {
  const logged = lines.filter((l) => ACTUATOR_BASE.test(l)).at(-1);
  const m = logged === undefined ? null : ACTUATOR_BASE.exec(logged);
  if (logged !== undefined && m !== null) return { path: trimSlash(m[1] ?? ''), setting: 'management.endpoints.web.base-path', said: condenseStructuredLine(logged.trim()), fromLog: true };
  const env = (spec.env ?? []).find((e) => 'value' in e && ACTUATOR_ENV.test(e.name) && e.value.startsWith('/'));
  if (env !== undefined && 'value' in env) return { path: trimSlash(env.value), setting: `env ${env.name}`, said: `${env.name}=${env.value}`, fromLog: false };
  return undefined;
}

/** The probe's 404 read as a moved base path, when the app's start log or env says where its endpoints now live. */
export function explainMovedBasePath(probe: ProbeEvidence, port: number | undefined, spec: Pick<ContainerSpecEvidence, 'env'>, messages: string, lines: readonly string[]): ProbeMiss | undefined {
  if (probe.type !== 'http' || !/statuscode: 404\b/i.test(messages)) return undefined;
  const asked = probe.path ?? '/';
  const context = findContextPath(port, spec, lines);
  const base = context?.path ?? '';
  // A probe that already asks under the prefix met a 404 for another reason.
  if (base !== '' && isUnder(asked, base)) return undefined;
  const onActuator = isUnder(asked, ACTUATOR);
  const actuator = onActuator ? findActuatorPath(spec, lines) : undefined;
  const movedActuator = actuator !== undefined && actuator.path !== ACTUATOR ? actuator : undefined;
  const moved = [base !== '' ? context : undefined, movedActuator].filter((p): p is Prefix => p !== undefined);
  const [first] = moved;
  if (first === undefined) return undefined;
  // Where the asked endpoint lives now: under the context path, and the actuator's endpoints under its own base path.
  const tail = movedActuator !== undefined ? `${movedActuator.path}${asked.slice(ACTUATOR.length)}` : asked === '/' ? '' : asked;
  const served = `${base}${tail}` || '/';
  const nouns = moved.map((p) => (p === movedActuator ? 'actuator base path' : 'context path'));
  const what = moved.map((p, k) => `${nouns[k] ?? ''} ${p.path || '/'}`).join(' and ');
  const settings = moved.map((p) => p.setting).join(', ');
  const says = moved.map((p) => (p.fromLog ? `its log: "${p.said.slice(0, 120)}"` : `its env sets ${p.said}`));
  const revert = `set the ${nouns.join(' and ')} back (${settings})`;
  return {
    scope: `the app serves under ${what}, so GET ${asked} answers 404 while it is up at ${served}`,
    why: `the app's ${what} (${says.join('; ')}) moved every endpoint it serves, health included: the probe's GET ${asked} answers 404 while the app answers at ${served}. The path moved; the app is not slow`,
    fix: `${revert}, or point the probe at ${served}`,
    action: `${capitalize(revert)}, or point the probes at the moved paths (${served}); waiting longer would not help: the old path answers 404 however healthy the app is. Restarting pods will not help.`,
    decisive: first.fromLog ? first.said.slice(0, 160) : `${first.said}; GET ${asked} answers 404`,
    evidence: says.map((s) => s.replace(/^its /, 'app ')),
  };
}
