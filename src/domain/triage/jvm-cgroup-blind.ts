/**
 * A JVM too old to read cgroup v2 limits (Java 8 before 8u372, 11 before 11.0.16, 9–14) on a node
 * that mounts cgroup v2 (Amazon Linux 2023, Bottlerocket, Ubuntu 22.04+, COS, RHEL 9) finds no
 * container limit and sizes its heap from the node's memory: -XX:MaxRAMPercentage=75 becomes 75%
 * of the node, far past the container's limit, and the kernel kills it as the heap grows. The same
 * image on a cgroup v1 node sees its limit and is fine. Read from the version the JVM or the image
 * tells and either the failing pods' node OS or the max heap the JVM logs at start.
 */
import type { ContainerSpecEvidence, NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { unique } from './pod-status.js';
import { formatBytes, parseQuantity } from './quantity.js';

export interface JavaVersion {
  /** As written: "1.8.0_265", "8u265", "11.0.12". */
  written: string;
  major: number;
  /** The update of 8 (265 of 8u265), the patch of 11.0.x. */
  update: number;
}

export interface CgroupBlindJvm {
  version: JavaVersion;
  /** Where the version was read: "log", "image", "env JAVA_VERSION". */
  from: string;
  /** The failing pods' cgroup v2 OS images ("Amazon Linux 2023.5.20240624"), when read. */
  cgroupV2Os: string[];
  /** The max heap the JVM logged, as written ("47.94G"), when above the limit. */
  loggedHeap?: { written: string; bytes: number; line: string };
  clause: string;
  evidence: string[];
  cause: string;
  action: string;
  fix: string;
}

/** The first version that reads cgroup v2 limits, per major. */
const FIRST_AWARE: Record<number, string> = { 8: '8u372', 11: '11.0.16' };

/** A Java version in free text: "Java 1.8.0_265", `openjdk version "11.0.12"`, "jdk8u265", "8u265". */
export function parseJavaVersion(text: string): JavaVersion | undefined {
  const legacy = /\b(?:java|jdk|jre|openjdk|version)[^\n]{0,12}?\b1\.([5-8])\.0_(\d{1,3})\b/i.exec(text);
  if (legacy) return { written: `1.${legacy[1]}.0_${legacy[2]}`, major: Number(legacy[1]), update: Number(legacy[2]) };
  const u = /(?:^|[^\w.])(?:jdk|jre|openjdk)?-?([78])u(\d{1,3})(?![\d.])/i.exec(text);
  if (u) return { written: `${u[1]}u${u[2]}`, major: Number(u[1]), update: Number(u[2]) };
  const modern = /\b(?:java|jdk|jre|openjdk|temurin|corretto|zulu)[^\n]{0,12}?\b(9|1[0-9]|2[0-9])\.(\d+)\.(\d+)\b/i.exec(text);
  if (modern) return { written: `${modern[1]}.${modern[2]}.${modern[3]}`, major: Number(modern[1]), update: Number(modern[3]) };
  return undefined;
}

/** JAVA_VERSION as base images set it: "jdk8u265-b10", "8u265", "11.0.12+7", "1.8.0_265". */
function parseJavaVersionValue(value: string): JavaVersion | undefined {
  const v = value.trim();
  const legacy = /^1\.([5-8])\.0_(\d{1,3})\b/.exec(v);
  if (legacy) return { written: `1.${legacy[1]}.0_${legacy[2]}`, major: Number(legacy[1]), update: Number(legacy[2]) };
  const u = /^(?:jdk-?)?([78])u(\d{1,3})\b/i.exec(v);
  if (u) return { written: `${u[1]}u${u[2]}`, major: Number(u[1]), update: Number(u[2]) };
  const modern = /^(?:jdk-?)?(9|1[0-9]|2[0-9])\.(\d+)\.(\d+)(?!\d)/i.exec(v);
  if (modern) return { written: `${modern[1]}.${modern[2]}.${modern[3]}`, major: Number(modern[1]), update: Number(modern[3]) };
  return undefined;
}

/** A Java image's tag: "openjdk:8u265-jre", "eclipse-temurin:11.0.12_7-jre", "corretto:1.8.0_265"; only for an image named for Java. */
export function parseImageJavaVersion(image: string): JavaVersion | undefined {
  const last = image.split('@')[0]?.split('/').pop() ?? '';
  const colon = last.indexOf(':');
  if (colon < 0) return undefined;
  const tag = last.slice(colon + 1);
  if (!/jdk|jre|java|temurin|corretto|zulu|liberica|semeru/i.test(last)) return undefined;
  const u = /(?:^|[^\w.]|jdk|jre)([78])u(\d{1,3})(?![\d.])/i.exec(tag);
  if (u) return { written: `${u[1]}u${u[2]}`, major: Number(u[1]), update: Number(u[2]) };
  return parseJavaVersionValue(tag.replace(/^(?:jdk|jre|java|openjdk)-?/i, ''));
}

/** Whether this JVM cannot read a cgroup v2 memory limit. */
export function blindToCgroupV2(v: JavaVersion): boolean {
  if (v.major < 8) return true;
  if (v.major === 8) return v.update < 372;
  if (v.major === 11) return v.update < 16;
  return v.major < 15;
}

/** OS images that mount cgroup v2 (unified) by default. */
const CGROUP_V2_OS = /\b(?:Amazon Linux 2023|Bottlerocket|Ubuntu 2[2-9]\.\d\d|Container-Optimized OS|Red Hat Enterprise Linux[^\n]{0,30}\b(?:9|1\d)\.\d|Debian GNU\/Linux 1[2-9]|Fedora CoreOS|Flatcar)/i;

export function isCgroupV2Os(osImage: string | undefined): boolean {
  return osImage !== undefined && CGROUP_V2_OS.test(osImage);
}

/** The max heap a JVM tells at start: -XshowSettings:vm's "Max. Heap Size (Estimated): 47.94G", or -XX:+PrintFlagsFinal's MaxHeapSize. */
function findLoggedHeap(lines: readonly string[]): { written: string; bytes: number; line: string } | undefined {
  const units: Record<string, number> = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
  for (const line of lines) {
    const shown = /Max\.? Heap Size(?: \(Estimated\))?:\s*(\d+(?:\.\d+)?)([KMGT])\b/i.exec(line);
    if (shown) return { written: `${shown[1]}${shown[2]}`, bytes: Number(shown[1]) * (units[(shown[2] ?? '').toUpperCase()] ?? 1), line: line.trim() };
    const flag = /\bMaxHeapSize\s*:?=\s*(\d{6,})\b/.exec(line);
    if (flag) return { written: formatBytes(Number(flag[1])), bytes: Number(flag[1]), line: line.trim() };
  }
  return undefined;
}

function readVersion(ev: TriageEvidence, spec: ContainerSpecEvidence, pods: readonly PodEvidence[]): { version: JavaVersion; from: string } | undefined {
  for (const log of ev.logs) {
    if (log.container !== spec.name || !pods.some((p) => p.name === log.pod)) continue;
    for (const line of log.lines) {
      const v = parseJavaVersion(line);
      if (v) return { version: v, from: 'log' };
    }
  }
  const env = (spec.env ?? []).find((e) => /^(?:JAVA_VERSION|JDK_VERSION|JRE_VERSION)$/.test(e.name) && 'value' in e);
  const fromEnv = env && 'value' in env ? parseJavaVersionValue(env.value) : undefined;
  if (fromEnv && env) return { version: fromEnv, from: `env ${env.name}` };
  const fromImage = parseImageJavaVersion(spec.image);
  if (fromImage) return { version: fromImage, from: `image ${spec.image}` };
  return undefined;
}

/**
 * A JVM that cannot read cgroup v2 limits, OOM-killed at `limit` on cgroup v2 nodes (or telling a
 * max heap above the limit); undefined when the version is not read, reads cgroup v2, or neither
 * the nodes nor the logged heap show it.
 */
export function findCgroupBlindJvm(ev: TriageEvidence, spec: ContainerSpecEvidence, killed: readonly PodEvidence[], limit: string): CgroupBlindJvm | undefined {
  const limitBytes = parseQuantity(limit);
  if (limitBytes === undefined) return undefined;
  const found = readVersion(ev, spec, killed);
  if (found === undefined || !blindToCgroupV2(found.version)) return undefined;
  const nodes = unique(killed.flatMap((p) => (p.nodeName ? [p.nodeName] : []))).map((n) => findNode(ev, n)).filter((n): n is NodeEvidence => n !== undefined);
  const v2 = nodes.length > 0 && nodes.every((n) => isCgroupV2Os(n.osImage)) ? unique(nodes.flatMap((n) => (n.osImage ? [n.osImage] : []))) : [];
  let loggedHeap: CgroupBlindJvm['loggedHeap'];
  for (const log of ev.logs) {
    if (log.container !== spec.name || !killed.some((p) => p.name === log.pod)) continue;
    const h = findLoggedHeap(log.lines);
    if (h && h.bytes > limitBytes * 1.5 && (loggedHeap === undefined || h.bytes > loggedHeap.bytes)) loggedHeap = h;
  }
  if (v2.length === 0 && loggedHeap === undefined) return undefined;
  const { version, from } = found;
  const aware = FIRST_AWARE[version.major] ?? '17';
  const where = v2.length > 0 ? `the cgroup v2 nodes it runs on (${v2.join(', ')})` : 'its nodes';
  const heapTold = loggedHeap ? ` (it logs "${loggedHeap.line}")` : '';
  const clause =
    `Java ${version.written} predates cgroup v2 container support (${aware}), so on ${where} the JVM does not see the ${limit} limit and sizes its heap from the node's memory${loggedHeap ? `: max heap ${loggedHeap.written}` : ''}`;
  const evidence = [
    `Java ${version.written} (read from ${from}): cgroup v2 memory limits are read from ${aware} on (11.0.16, 15+)`,
    ...(v2.length > 0 ? [`the OOM-killed pods' nodes run ${v2.join(', ')}, which mounts cgroup v2`] : []),
    ...(loggedHeap ? [`max heap the JVM logged: ${loggedHeap.written}, against a ${limit} container limit`] : []),
  ];
  const fix = `upgrade the JVM to ${version.major === 8 || version.major === 11 ? `${aware}+ (or 17)` : '17'}, or set the heap explicitly (-Xmx about 75% of the ${limit} limit${limitBytes ? `, ${formatBytes(limitBytes * 0.75)}` : ''}, or -XX:MaxRAM=${limit.replace(/i$/, '').toLowerCase()})`;
  return {
    version,
    from,
    cgroupV2Os: v2,
    ...(loggedHeap ? { loggedHeap } : {}),
    clause,
    evidence,
    cause:
      `Java ${version.written} reads its container limit only from cgroup v1; ${where} mount cgroup v2, where this JVM finds no limit and takes the node's memory as its own${heapTold}. ` +
      `Heap percentages (-XX:MaxRAMPercentage, the default 25%) are then shares of the node, far beyond the ${limit} limit: the heap grows past it and the kernel kills the container. ` +
      `The same image on a cgroup v1 node sees its limit and runs fine. A bigger limit only delays the kill; it is not a leak.`,
    action: `Mitigate: ${fix}. Keeping the pods on cgroup v1 nodes only holds until those are replaced; a restart brings the same heap back.`,
    fix,
  };
}
