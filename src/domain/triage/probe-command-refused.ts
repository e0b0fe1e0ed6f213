/**
 * An exec probe that speaks a server's own admin protocol and gets the server's refusal of that
 * very command back: ZooKeeper 3.5+ runs a four-letter word (`echo ruok | nc 127.0.0.1 2181`) only
 * when 4lw.commands.whitelist lists it (only srvr by default) and answers "ruok is not executed
 * because it is not in the whitelist." instead of "imok". The server is up and answering; the
 * probe's command is what it no longer runs, so every probe fails and the kubelet kills a healthy
 * member. Usually an upgrade across the version that brought the whitelist, with the chart's old
 * probes. The fix is to allow the command or to probe with one the server runs.
 */
import type { ProbeEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';

interface CommandRefusal {
  /** The server's answer; group 1 is the refused command. */
  answer: RegExp;
  server: string;
  /** The server setting that lists the commands it runs. */
  setting: string;
  /** Why it refuses, a clause after "because". */
  because: (command: string) => string;
  fix: (command: string) => string;
}

const REFUSALS: readonly CommandRefusal[] = [
  {
    answer: /\b(\w{4}) is not executed because it is not in the whitelist\b/,
    server: 'ZooKeeper',
    setting: '4lw.commands.whitelist',
    because: (cmd) => `since ZooKeeper 3.5 a four-letter-word command runs only when 4lw.commands.whitelist lists it (only srvr by default), and ${cmd} is not listed`,
    fix: (cmd) => `add ${cmd} to 4lw.commands.whitelist (ZOO_4LW_COMMANDS_WHITELIST=${[...new Set([cmd, 'srvr', 'mntr'])].join(',')} in the official image), or probe with a whitelisted command (srvr) or the AdminServer (/commands/${cmd})`,
  },
];

/** The refusal an exec probe's own output reports, when the server names the command it will not run. */
export function explainRefusedProbeCommand(probe: ProbeEvidence | undefined, messages: string, probeName: string): ProbeMiss | undefined {
  if (probe?.type !== 'exec') return undefined;
  for (const r of REFUSALS) {
    const m = r.answer.exec(messages);
    if (!m) continue;
    const command = m[1] ?? 'the command';
    const checks = probe.command ? ` (\`${probe.command}\`)` : '';
    const said = messages.split('\n').find((l) => r.answer.test(l))?.replace(/^\w+ probe failed:\s*/i, '').trim() ?? m[0];
    const fix = r.fix(command);
    return {
      decisive: said,
      scope: `${r.server} refuses the probe's ${command} — "${said}" (${r.setting})`,
      why: `the ${probeName} probe${checks} sends ${r.server} the command ${command}, and ${r.because(command)}: ${r.server} is up and answers, but never with what the probe waits for`,
      fix,
      action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; restarting pods will not help, and relaxing the probe would only delay the kill.`,
    };
  }
  return undefined;
}
