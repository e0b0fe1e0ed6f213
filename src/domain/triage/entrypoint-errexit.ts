/**
 * A shell script under `set -e` (errexit) ends at the first command that returns non-zero outside
 * a condition, silently, with that command's status. Some commands return non-zero on an ordinary
 * outcome: grep when nothing matches (and `grep -c` prints 0 yet still returns 1), diff when the
 * files differ, `((n++))` from 0, `read` at end of input. So an entrypoint script that adds
 * `set -euo pipefail` exits 1 right after its banner, with no error line, as soon as such a command
 * meets that outcome. A senior SRE reads the script the container runs (a ConfigMap it mounts)
 * against the revision before: errexit newly set, and the first such line after the last line the
 * log printed, is the mechanism.
 */
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import type { EntrypointScriptEvidence } from './evidence-entrypoint-script.js';
import { sortRevisions } from './revision-diff.js';
import type { ToldReading } from './told-reading.js';

/** At most: the script mounted now and the one it replaced. */
const MAX_SCRIPTS = 2;
const MAX_KEPT = 8;
const MAX_LINE_CHARS = 160;

const ERREXIT = /^\s*set\s+(?:-[a-zA-Z]*e[a-zA-Z]*\b|-o\s+errexit\b)/;
const PRINTS = /^\s*(?:echo|printf)\b/;
/** A line whose status is tested or ignored: `|| …`, `if …`, `while …`, `! …`, `&& …` before the end. */
const GUARDED = /\|\||^\s*(?:if|elif|while|until|!)\s|&&|\bset\s+\+e\b/;
const MAY_FAIL: readonly { re: RegExp; why: string }[] = [
  { re: /(?:^|[\s$(|;`])(?:grep|egrep|fgrep|zgrep)\s/, why: 'grep exits 1 when nothing matches (grep -c prints 0 and still exits 1)' },
  { re: /(?:^|[\s$(|;`])diff\s/, why: 'diff exits 1 when the files differ' },
  { re: /^\s*\(\(.*\)\)\s*$|^\s*let\s/, why: 'an arithmetic command that evaluates to 0 exits 1' },
  { re: /(?:^|[\s$(|;`])expr\s/, why: 'expr exits 1 when its result is 0 or empty' },
  { re: /^\s*read\s/, why: 'read exits 1 at the end of its input' },
];

/** The ConfigMap scripts to read: what the crashing container runs from a ConfigMap mount now, and what the revision before mounted there. */
export function pickEntrypointScripts(pods: readonly PodEvidence[], revisions: readonly RevisionEvidence[]): { configMap: string; key: string; mountedNow: boolean }[] {
  for (const pod of pods) {
    for (const c of pod.containers) {
      const last = c.lastState && 'terminated' in c.lastState ? c.lastState.terminated : c.state && 'terminated' in c.state ? c.state.terminated : undefined;
      if (last === undefined || !(last.exitCode > 0 && last.exitCode <= 128)) continue;
      const words = [...(c.command ?? []), ...(c.args ?? [])];
      for (const m of c.volumeMounts ?? []) {
        const volume = (pod.volumes ?? []).find((v) => v.name === m.name && v.source === 'configMap' && v.ref !== undefined);
        if (volume?.ref === undefined || m.subPath !== undefined) continue;
        const root = m.mountPath.replace(/\/+$/, '');
        const file = words.map((w) => (w.startsWith(`${root}/`) ? w.slice(root.length + 1) : undefined)).find((f) => f !== undefined && /^[\w.-]+$/.test(f));
        if (file === undefined) continue;
        const reads = [{ configMap: volume.ref, key: file, mountedNow: true }];
        const sorted = sortRevisions(revisions);
        const current = sorted.findIndex((r) => r.hash === pod.revisionHash);
        const was = current < 0 ? undefined : sorted[current + 1]?.template?.volumes.find((v) => v.name === volume.name && v.source === 'configMap')?.ref;
        if (was !== undefined && was !== volume.ref) reads.push({ configMap: was, key: file, mountedNow: false });
        return reads.slice(0, MAX_SCRIPTS);
      }
    }
  }
  return [];
}

/** What a script's text holds for the reading: its errexit line, its print lines, the unguarded lines that may fail. */
export function readScript(text: string): Pick<EntrypointScriptEvidence, 'errexit' | 'prints' | 'mayFail'> {
  const lines = text.split('\n').map((t, i) => ({ n: i + 1, text: t.trim().slice(0, MAX_LINE_CHARS) })).filter((l) => l.text !== '' && !l.text.startsWith('#'));
  const errexit = lines.find((l) => ERREXIT.test(l.text));
  const prints = lines.filter((l) => PRINTS.test(l.text)).slice(0, MAX_KEPT);
  const mayFail = lines.flatMap((l) => {
    if (GUARDED.test(l.text)) return [];
    const hit = MAY_FAIL.find((f) => f.re.test(l.text));
    return hit ? [{ ...l, why: hit.why }] : [];
  }).slice(0, MAX_KEPT);
  return { ...(errexit ? { errexit } : {}), prints, mayFail };
}

/** The literal text an echo line starts printing, up to its first expansion. */
function printedPrefix(line: string): string {
  const body = line.replace(/^\s*(?:echo|printf)\s+(?:-[neE]+\s+)?/, '').replace(/^["']/, '');
  return (body.split(/\$|\\|%/)[0] ?? '').replace(/["']$/, '').trim();
}

export interface ErrexitStop {
  script: EntrypointScriptEvidence;
  /** The script the revision before ran there, without errexit. */
  before?: EntrypointScriptEvidence;
  stop: { n: number; text: string; why: string };
  /** The print line the log's last line came from. */
  after?: { n: number; text: string };
}

/** The line an errexit script most likely stopped at: the first that may fail after the last line the log printed. */
export function findErrexitStop(scripts: readonly EntrypointScriptEvidence[] | undefined, lines: readonly string[]): ErrexitStop | undefined {
  const script = (scripts ?? []).find((s) => s.mountedNow && s.errexit !== undefined);
  if (script?.errexit === undefined) return undefined;
  const tail = lines.map((l) => l.trim()).filter((l) => l !== '');
  const lastLine = tail[tail.length - 1] ?? '';
  const after = [...script.prints].reverse().find((p) => { const pre = printedPrefix(p.text); return pre.length >= 8 && lastLine.includes(pre); });
  const from = after?.n ?? script.errexit.n;
  const stop = script.mayFail.find((l) => l.n > from && l.n > (script.errexit?.n ?? 0));
  if (stop === undefined) return undefined;
  const before = (scripts ?? []).find((s) => !s.mountedNow && s.errexit === undefined);
  return { script, ...(before ? { before } : {}), stop, ...(after ? { after } : {}) };
}

/** How the reading is told: errexit (new since the script before), the line it stops at and why. */
export function tellErrexitStop(s: ErrexitStop): ToldReading & { evidence: string[] } {
  const where = `${s.script.key} (ConfigMap ${s.script.configMap})`;
  const set = `\`${s.script.errexit?.text ?? 'set -e'}\``;
  const added = s.before ? `, new since ${s.before.configMap}, which had none` : '';
  const fix = `guard line ${s.stop.n} of ${s.script.key} (\`… || true\`) or drop errexit around it${s.before ? `, or mount ${s.before.configMap} again` : ''}`;
  return {
    title: `: its entrypoint ${where} runs under ${set}${s.before ? ' (new in it)' : ''} and stops silently at line ${s.stop.n} \`${s.stop.text}\`: ${s.stop.why.replace(/ \(.*\)$/, '')}`,
    cause: `The container runs ${where} under ${set}${added}: the script ends, with that command's status and no message, at the first command that returns non-zero outside a condition. ${s.stop.why.charAt(0).toUpperCase()}${s.stop.why.slice(1)}, so line ${s.stop.n} (\`${s.stop.text}\`)${s.after ? `, the first such line after the one the log printed last (line ${s.after.n})` : ''}, ends it with exit 1 before the process starts.${s.before ? ` ${s.before.configMap}, mounted by the revision before, ran the same commands without errexit.` : ''}`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; every new pod runs the same script.`,
    fix,
    evidence: [
      `ConfigMap ${s.script.configMap} ${s.script.key}: line ${s.script.errexit?.n ?? 0} ${set}, line ${s.stop.n} \`${s.stop.text}\``,
      ...(s.before ? [`ConfigMap ${s.before.configMap} ${s.before.key} (revision before): no errexit`] : []),
    ],
  };
}
