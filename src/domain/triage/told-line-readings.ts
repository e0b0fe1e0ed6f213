/**
 * Specific readings of the one line an unready container's own log is quoted by: a line whose
 * words name a precise mechanism (a client's own size cap) is read as that mechanism, with its
 * fix, rather than left as "fix what the log names". Tried in order; the first that reads it wins.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { ToldReading } from './told-reading.js';
import { readJuteMaxbuffer } from './jute-maxbuffer.js';
import type { SentinelConfigEvidence } from './evidence-sentinel-config.js';
import { readSentinelMasterName } from './sentinel-master-name.js';
import { readLegacyOpcodeRefusal } from './mongo-legacy-opcode.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';
import { readMysqlSocketHost } from './mysql-socket-host.js';
import { readServerAuthRefusal } from './server-auth-refusal.js';

/** The JVM flags a container is started with, where the JVM reads them. */
function listJvmFlags(c: ContainerSpecEvidence | undefined): string[] {
  const env = (c?.env ?? []).flatMap((e) => ('value' in e && /JAVA_TOOL_OPTIONS|JAVA_OPTS|JDK_JAVA_OPTIONS|JVMFLAGS/.test(e.name) ? [e.value] : []));
  return [...env, ...(c?.command ?? []), ...(c?.args ?? [])];
}

/** The reading of the quoted line `told`, from it and the log lines around it; undefined when none reads it. */
export function readToldLine(told: string, lines: readonly string[], container?: ContainerSpecEvidence, known: { sentinelConfig?: readonly SentinelConfigEvidence[]; settingConfig?: readonly SettingConfigEvidence[]; now?: string; serverRolled?: { said: string; evidence: string } } = {}): ToldReading | undefined {
  return readJuteMaxbuffer(told, lines, listJvmFlags(container)) ?? readSentinelMasterName(told, lines, container, known.sentinelConfig ?? [], known.now) ?? readLegacyOpcodeRefusal(told, lines, known.serverRolled) ?? readMysqlSocketHost(told, container, known.settingConfig ?? []) ?? readServerAuthRefusal(told, lines, known.serverRolled);
}
