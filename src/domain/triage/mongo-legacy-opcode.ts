/**
 * MongoDB 5.1 began removing the legacy OP_QUERY wire opcode for commands, and 6.0 is the first
 * major release without it: a driver too old to send OP_MSG (the Node.js driver before 3.6, with its
 * separate mongodb-core; other drivers of the same era) gets "Unsupported OP_QUERY command: find.
 * The client driver may require an upgrade" (code 352) on every command. The server is healthy and
 * answers; the driver is older than the server. When the client did not change, the server was
 * upgraded under it: that rollout is the trigger to check, and the driver upgrade the fix.
 */
import type { ToldReading } from './told-reading.js';

/** The server's refusal, as the driver reports it (the command it refused, when named). */
export const LEGACY_OPCODE_REFUSAL = /Unsupported OP_QUERY command: (\w+)|UnsupportedOpQueryCommand/;
const REFUSAL = LEGACY_OPCODE_REFUSAL;
/** The driver's version as its own lines name it: "mongodb-core: 3.0.8", "mongodb@3.0.4", "mongo-java-driver 3.4.2", "pymongo 3.6.1". */
const DRIVER_VERSION = /\b(mongodb-core|mongodb|mongo-java-driver|mongodb-driver(?:-sync|-core)?|pymongo)(?:@|:\s*|\s+|\/|-)v?(\d+\.\d+\.\d+)\b/i;
/** A stack frame of the Node.js driver's separate core package, which the driver dropped in 3.6 (when it began sending OP_MSG). */
const NODE_CORE_FRAME = /node_modules\/mongodb-core\//;

function findDriver(lines: readonly string[]): string | undefined {
  const named = lines.map((l) => DRIVER_VERSION.exec(l)).find((m) => m !== null);
  if (named) return `${named[1] ?? 'driver'} ${named[2] ?? ''}`;
  return lines.some((l) => NODE_CORE_FRAME.test(l)) ? 'the Node.js driver 3.x with mongodb-core' : undefined;
}

/** `serverRolled`: the server's own recent rollout (server-upgrade.ts), the trigger when it is known. */
export function readLegacyOpcodeRefusal(told: string, lines: readonly string[], serverRolled?: { said: string; evidence: string }): ToldReading | undefined {
  if (!REFUSAL.test(told)) return undefined;
  const driver = findDriver([told, ...lines]);
  const command = REFUSAL.exec(told)?.[1];
  const which = driver ? ` (${driver})` : '';
  return {
    title: `MongoDB 5.1+/6.0 refuses the legacy OP_QUERY${command ? ` ${command}` : ''} commands the app's old driver${which} sends (code 352)${serverRolled ? `, since ${serverRolled.said}` : ''}`,
    cause:
      `the server no longer takes commands sent with the legacy OP_QUERY wire opcode (removed from MongoDB 5.1 on, entirely in 6.0), and the app's MongoDB driver${which} is too old to send them with OP_MSG, so every command fails with "Unsupported OP_QUERY command" while mongod itself is healthy. ` +
      (serverRolled
        ? `The server was upgraded under the unchanged client: ${serverRolled.said}. That rollout is the trigger; rolling back the app does not help.`
        : 'When the app did not change, the MongoDB server was upgraded under it: check the database\'s own rollout history for the version change.'),
    action: 'Upgrade the app\'s MongoDB driver to one that supports the server\'s version (it sends OP_MSG: the Node.js driver 3.6+ or 4.x) and redeploy; until then, roll the database back to its previous version if its featureCompatibilityVersion was not raised yet. Restarting the app\'s pods does not help.',
    fix: 'upgrade the app\'s MongoDB driver to one that sends OP_MSG (a version that supports the server\'s), or roll the server back to its previous version until then',
    ...(serverRolled ? { datesChange: true as const, evidence: [serverRolled.evidence] } : {}),
  };
}
