/**
 * An ORM that generates the schema itself: Hibernate's `hibernate.hbm2ddl.auto` (Spring's
 * `spring.jpa.hibernate.ddl-auto`, env SPRING_JPA_HIBERNATE_DDL_AUTO) or JPA's
 * `schema-generation.database.action` set to create, create-drop, drop-and-create or drop has every
 * pod drop the schema's tables, with their data, when it starts (create-drop: also when it stops).
 * Where queries then find a table missing, that setting is what an SRE looks up first, not a
 * migration; it is often set in a ConfigMap the container mounts (application.properties) or takes
 * variables from. Reads are conditional on the logs, bounded, keep only the setting's lines as
 * written, never a Secret.
 */
import { listConfigMapSources } from './config-map-sources.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { SchemaGenerationEvidence } from './evidence-schema-generation.js';
import { findMissingTable } from './failed-migration.js';

/** At most this many ConfigMaps read. */
const MAX_READS = 2;
/** Lines kept per key. */
const MAX_LINES = 3;
/** A variable's value longer than this is no setting: it is not kept. */
const MAX_VALUE_CHARS = 60;

/** The setting's name as a file writes it: `spring.jpa.hibernate.ddl-auto`, `ddl-auto` under `hibernate:`, `hibernate.hbm2ddl.auto`. */
const NAME = String.raw`(?:[\w-]+\.)*(?:ddl-auto|ddl_auto|ddlAuto|hbm2ddl\.auto|schema-generation\.database\.action)`;
/** `spring.jpa.hibernate.ddl-auto=create-drop`, `ddl-auto: create`, `"hibernate.hbm2ddl.auto": "update"`. */
const FILE_LINE = new RegExp(String.raw`^\s*["']?(${NAME})["']?\s*[:=]\s*["']?([\w-]+)`, 'i');
/** `<property name="hibernate.hbm2ddl.auto" value="create-drop"/>` (persistence.xml). */
const XML_LINE = new RegExp(String.raw`name\s*=\s*["'](${NAME})["']\s+value\s*=\s*["']([\w-]+)["']`, 'i');
/** On a command line or in JAVA_TOOL_OPTIONS: `--spring.jpa.hibernate.ddl-auto=create`, `-Dhibernate.hbm2ddl.auto=create-drop`. */
const ARG = new RegExp(String.raw`(?:^|\s)(?:--|-D)(${NAME})=["']?([\w-]+)`, 'i');
/** A variable Spring binds to it: SPRING_JPA_HIBERNATE_DDL_AUTO (or …DDLAUTO), SPRING_JPA_PROPERTIES_HIBERNATE_HBM2DDL_AUTO. */
const ENV_NAME = /(?:^|_)(?:DDL_?AUTO|HBM2DDL_AUTO|SCHEMA_?GENERATION_DATABASE_ACTION)$/i;

/** The values that drop tables: every other (validate, update, none, create-only) leaves them be. */
const DROPPING = /^(?:create|create-drop|drop-and-create|drop)$/i;

/** `name=value` of a line that sets schema generation, from a file, an argument or a variable. */
function readSetting(line: string): { name: string; value: string } | undefined {
  const m = FILE_LINE.exec(line) ?? XML_LINE.exec(line) ?? ARG.exec(line);
  if (m?.[1] !== undefined && m[2] !== undefined) return { name: m[1], value: m[2] };
  const env = /^([A-Za-z_][\w]*)=["']?([\w-]+)["']?$/.exec(line.trim());
  return env?.[1] !== undefined && env[2] !== undefined && ENV_NAME.test(env[1]) ? { name: env[1], value: env[2] } : undefined;
}

/** The pods' first log that says a table is missing, and that container's spec. */
export function findMissingTableLog(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { log: LogEvidence; pod: PodEvidence; container: ContainerSpecEvidence | undefined } | undefined {
  for (const log of ev.logs) {
    const pod = ev.pods.find((p) => p.name === log.pod);
    if (pod === undefined || findMissingTable(log.lines) === undefined) continue;
    return { log, pod, container: pod.containers.find((c) => c.name === log.container) };
  }
  return undefined;
}

/** Where the container's own spec sets schema generation: its arguments, then a literal variable (they outrank files). */
function readSpecSetting(c: Pick<ContainerSpecEvidence, 'command' | 'args' | 'env'> | undefined): { name: string; written: string; value: string; where: string } | undefined {
  for (const arg of [...(c?.command ?? []), ...(c?.args ?? [])]) {
    const s = ARG.exec(arg);
    if (s?.[1] !== undefined && s[2] !== undefined) return { name: s[1], written: `${s[1]}=${s[2]}`, value: s[2], where: 'the container\'s arguments' };
  }
  for (const e of c?.env ?? []) {
    if (!('value' in e)) continue;
    if (ENV_NAME.test(e.name) && /^[\w-]+$/.test(e.value)) return { name: e.name, written: `${e.name}=${e.value}`, value: e.value, where: "the container's env" };
    const s = ARG.exec(e.value);
    if (s?.[1] !== undefined && s[2] !== undefined) return { name: s[1], written: `${s[1]}=${s[2]}`, value: s[2], where: `the container's env ${e.name}` };
  }
  return undefined;
}

export interface SchemaGenerationRead {
  configMap: string;
  /** `mounted`: a volume of the container; else `envFrom` or the env var that takes `key`. */
  via: string;
  key?: string;
  mountPath?: string;
  subPath?: string;
}

/**
 * The ConfigMaps to read where a table is missing: those the logging container mounts, then those
 * it takes variables from; none when its own spec already sets schema generation.
 */
export function pickSchemaGenerationReads(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): SchemaGenerationRead[] {
  const found = findMissingTableLog(ev);
  if (found === undefined || readSpecSetting(found.container) !== undefined) return [];
  const mounts = found.container?.volumeMounts ?? [];
  const mounted = (found.pod.volumes ?? []).flatMap((v) => {
    const m = mounts.find((x) => x.name === v.name);
    return v.source === 'configMap' && v.ref !== undefined && m !== undefined ? [{ configMap: v.ref, via: 'mounted', mountPath: m.mountPath, ...(m.subPath ? { subPath: m.subPath } : {}) }] : [];
  });
  const seen = new Set<string>();
  return [...mounted, ...listConfigMapSources(found.container, MAX_READS)].filter((r) => !seen.has(r.configMap) && seen.add(r.configMap)).slice(0, MAX_READS);
}

/** The schema-generation lines of a ConfigMap read for `read`: from the files it mounts, or the variables it takes. */
export function keepSchemaGeneration(read: SchemaGenerationRead, data: Readonly<Record<string, string>>): SchemaGenerationEvidence[] {
  return Object.entries(data).flatMap(([key, text]) => {
    if (read.via === 'mounted') {
      // A subPath mount shows the container one key only.
      if (read.subPath !== undefined && read.subPath !== key) return [];
      const lines = text.split('\n').filter((l) => (FILE_LINE.test(l) || XML_LINE.test(l) || ARG.test(l)) && !/^\s*#/.test(l)).map((l) => l.trim()).slice(0, MAX_LINES);
      const via = read.subPath !== undefined ? read.mountPath ?? key : `${(read.mountPath ?? '').replace(/\/$/, '')}/${key}`;
      return lines.length === 0 ? [] : [{ configMap: read.configMap, key, via, lines }];
    }
    if (text.includes('\n') || text.length > MAX_VALUE_CHARS) return [];
    const name = read.via === 'envFrom' ? key : read.key === key ? read.via : undefined;
    return name !== undefined && ENV_NAME.test(name) ? [{ configMap: read.configMap, key, via: read.via, lines: [`${name}=${text}`] }] : [];
  });
}

/** Schema generation set to drop tables, as written, and where. */
export interface DroppingSchemaGeneration {
  /** The setting's name as written: `spring.jpa.hibernate.ddl-auto`, `SPRING_JPA_HIBERNATE_DDL_AUTO`. */
  name: string;
  /** `spring.jpa.hibernate.ddl-auto=create-drop`. */
  written: string;
  /** `create-drop`, lower case. */
  value: string;
  /** The ConfigMap that holds it, when one does (else the container's own spec). */
  configMap?: SchemaGenerationEvidence;
  /** `ConfigMap app-config (/config/application.properties)`, `the container's env SPRING_JPA_HIBERNATE_DDL_AUTO`. */
  where: string;
}

/**
 * The schema generation the container runs with, when it drops tables: its own arguments and
 * literal variables outrank a file or a ConfigMap's variables (as Spring binds them); a safe value
 * there clears the rest.
 */
export function findDroppingSchemaGeneration(c: Pick<ContainerSpecEvidence, 'command' | 'args' | 'env'> | undefined, config: readonly SchemaGenerationEvidence[]): DroppingSchemaGeneration | undefined {
  const spec = readSpecSetting(c);
  if (spec !== undefined) return DROPPING.test(spec.value) ? { ...spec, value: spec.value.toLowerCase() } : undefined;
  for (const cm of config) {
    for (const line of cm.lines) {
      const s = readSetting(line);
      if (s !== undefined && DROPPING.test(s.value)) return { name: s.name, written: line, value: s.value.toLowerCase(), configMap: cm, where: `ConfigMap ${cm.configMap} (${cm.via})` };
    }
  }
  return undefined;
}

/** What the value does to the tables, in a clause: "drops the schema as each pod stops and creates it empty as one starts". */
export function describeDropping(value: string): string {
  if (value === 'create-drop') return 'drops the schema as each pod stops and creates it empty as one starts';
  if (value === 'drop') return 'drops the schema as each pod starts';
  return 'drops and re-creates the schema empty as each pod starts';
}
