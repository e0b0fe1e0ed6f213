/**
 * What a Spring Boot liveness endpoint checks: its liveness health group
 * (`management.endpoint.health.group.liveness.include`), set in the application's config file (a
 * mounted ConfigMap's application.properties or application.yaml) or in the env
 * (MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_INCLUDE). Spring's default is `livenessState` alone: a
 * dependency added there (db, redis) makes /actuator/health/liveness answer 503 whenever that
 * dependency fails, and the kubelet kills every replica at once. The group as written is the
 * setting to change. Pure: the file's text in, the one line out.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';

/** A framework's health check of one dependency failing, as it logs it (Spring's HealthIndicator, ASP.NET's health checks). */
export const HEALTH_CHECK_FAILED = /\b(\w+?)HealthIndicator\b.*\bhealth check failed\b|\bHealth check (\S+) (?:with status|completed with status) Unhealthy\b|\b(\w+) health check failed\b/i;

/** The env form of the setting (Spring's relaxed binding). */
export const LIVENESS_GROUP_ENV = /^MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_INCLUDE$/i;

/** The property's path, as properties write it and as YAML nests it. */
const PATH = 'management.endpoint.health.group.liveness.include';
const PROPERTY_LINE = /^\s*management\.endpoint\.health\.group\.liveness\.include\s*[=:]\s*(.*?)\s*$/i;
const YAML_KEY = /^(\s*)(?:-\s+)?([\w.-]+):\s*(.*?)\s*$/;
const YAML_ITEM = /^(\s*)-\s+(.+?)\s*$/;

/** A container whose liveness probe calls an HTTP endpoint, that was restarted, and whose logs say a health check failed. */
export function findHealthCheckedLiveness(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; container: string } | undefined {
  for (const pod of pods) {
    for (const c of pod.containers) {
      if (c.probes.liveness?.type !== 'http' || c.restartCount === 0) continue;
      if (logs.some((l) => l.pod === pod.name && l.container === c.name && l.lines.some((line) => HEALTH_CHECK_FAILED.test(line)))) return { pod: pod.name, container: c.name };
    }
  }
  return undefined;
}

/** `livenessState,db`, `[livenessState, db]`, `"livenessState,db"` → its members. */
function splitMembers(value: string): string[] {
  return value.replace(/^[[\s"']+|[\]\s"']+$/g, '').split(/\s*,\s*/).map((m) => m.replace(/^["']|["']$/g, '')).filter((m) => m !== '');
}

/** The liveness group's line in a properties or YAML file, written as a property (`…include=livenessState,db`). */
export function findLivenessGroupLine(text: string): string | undefined {
  const lines = text.split('\n');
  for (const line of lines) {
    const m = PROPERTY_LINE.exec(line);
    if (m !== null && !line.trim().startsWith('#')) return `${PATH}=${splitMembers(m[1] ?? '').join(',')}`;
  }
  // YAML: the keys nest by indentation; a key may itself hold dots ("health.group:").
  const stack: { indent: number; key: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim().startsWith('#') || line.trim() === '') continue;
    const m = YAML_KEY.exec(line);
    if (m === null) continue;
    const indent = (m[1] ?? '').length;
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    stack.push({ indent, key: m[2] ?? '' });
    if (stack.map((s) => s.key).join('.').toLowerCase() !== PATH) continue;
    const inline = splitMembers(m[3] ?? '');
    const items: string[] = [];
    for (const next of lines.slice(i + 1)) {
      const item = YAML_ITEM.exec(next);
      if (item === null || (item[1] ?? '').length < indent) break;
      items.push(...splitMembers(item[2] ?? ''));
    }
    const members = inline.length > 0 ? inline : items;
    return members.length > 0 ? `${PATH}=${members.join(',')}` : undefined;
  }
  return undefined;
}

export interface LivenessGroup {
  /** `management.endpoint.health.group.liveness.include=livenessState,db`. */
  written: string;
  members: string[];
  /** `ConfigMap customer-config`, `env`. */
  source: string;
}

/** The liveness group the container runs with: its literal env first (it overrides a file), else the ConfigMaps read for it. */
export function findLivenessGroup(container: Pick<ContainerSpecEvidence, 'env'> | undefined, config: readonly SettingConfigEvidence[]): LivenessGroup | undefined {
  for (const e of container?.env ?? []) {
    if ('value' in e && LIVENESS_GROUP_ENV.test(e.name)) return { written: `${e.name}=${e.value}`, members: splitMembers(e.value), source: 'env' };
  }
  const read = config.find((c) => c.mechanism === 'liveness-group');
  if (read === undefined) return undefined;
  const value = read.written.split(/[=:](.*)/s)[1] ?? '';
  return { written: read.written, members: splitMembers(value), source: `ConfigMap ${read.configMap}` };
}
