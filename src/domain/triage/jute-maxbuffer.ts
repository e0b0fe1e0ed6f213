/**
 * A ZooKeeper client refusing a reply larger than its jute.maxbuffer. The Java client reads each
 * packet's length first and drops the connection when it passes its own jute.maxbuffer (1 MB by
 * default): "java.io.IOException: Packet len 1100345 is out of range!", then ConnectionLoss for
 * the path it read. The servers may run with a larger jute.maxbuffer and so accept the write that
 * grew the znode; every client that reads it afterwards fails, however often it reconnects. The
 * fault is the znode's size against the client's setting — not the ensemble, nor whatever
 * restarted the pods (running clients had the data cached; only new ones read it). Pure.
 */
import type { ToldReading } from './told-reading.js';

/** The Java client's refusal: `Packet len 1100345 is out of range!` (3.4–3.9). */
export const PACKET_OUT_OF_RANGE = /Packet len (-?\d+) is out of range/i;
/** The path the failed read was for: `KeeperErrorCode = ConnectionLoss for /config/app/flags`. */
const LOST_FOR = /ConnectionLoss for (\/\S*)/;
/** The client's own setting, where the container's JVM flags set it. */
const CLIENT_SETTING = /-Djute\.maxbuffer=(\d+)/;

/** The reading of a refused packet, from the quoted line and the log around it; undefined when the line is not one. */
export function readJuteMaxbuffer(told: string, lines: readonly string[], jvmFlags: readonly string[] = []): ToldReading | undefined {
  const m = PACKET_OUT_OF_RANGE.exec(told);
  if (m === null) return undefined;
  const bytes = Number(m[1]);
  const znode = lines.map((l) => LOST_FOR.exec(l)?.[1]).find((p) => p !== undefined);
  const set = jvmFlags.map((f) => CLIENT_SETTING.exec(f)?.[1]).find((v) => v !== undefined);
  const cap = set === undefined ? 'default jute.maxbuffer of 1 MB (1048575 bytes)' : `jute.maxbuffer=${set}`;
  const what = znode ? `znode ${znode}` : 'a znode it reads';
  const size = `${(bytes / 1_048_576).toFixed(2)} MB`;
  return {
    title: `the ZooKeeper client refuses a ${bytes}-byte reply (${size}) for ${what}: larger than its ${cap}, and drops the connection (ConnectionLoss)`,
    cause: `The ZooKeeper Java client drops the connection when a reply is longer than its own jute.maxbuffer: ${what} has grown to ${bytes} bytes, past the client's ${cap}, so every read of it ends in "Packet len ${bytes} is out of range!" and ConnectionLoss, however often it reconnects. The servers accepted the write (they may run with a larger jute.maxbuffer), and pods that had the data loaded kept working; any pod started since cannot load it. Neither the ensemble nor what restarted the pods is at fault.`,
    action: `Raise -Djute.maxbuffer on the client above ${bytes} bytes (JAVA_TOOL_OPTIONS or the JVM flags, e.g. -Djute.maxbuffer=4194304, as the servers have), or shrink or split ${what} below 1 MB; restarting the pods does not help.`,
    fix: `raise -Djute.maxbuffer on the ZooKeeper client above ${bytes} bytes, or shrink ${what} below 1 MB`,
  };
}
