/**
 * YAML 1.1 — what PyYAML, SnakeYAML and go-yaml v2 follow — reads the bare words y/n, yes/no,
 * on/off (any case) as booleans, so a country code `NO`, a switch `off` or an answer `y` written
 * unquoted reaches the program as False or True. The program then says so in its own words
 * ("invalid country code in screening.allowed_countries: False"). The log names the setting and the
 * boolean; the ConfigMap the pods mount holds the bare word under that setting, and quoting it is the fix.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { YamlBooleanEvidence } from './evidence-yaml-boolean.js';
import type { ToldReading } from './told-reading.js';

/** ConfigMaps got per triage: those the crashing pods mount. */
const MAX_CONFIGMAPS = 2;
const MAX_LINES = 5;
const MAX_LINE_CHARS = 200;

const FALSE_WORDS = /^(n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const TRUE_WORDS = /^(y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;

/** `screening.allowed_countries: False`, `mode=True`, with words that say the value was refused. */
const SETTING_READ_AS_BOOLEAN = /\b([A-Za-z_][\w-]*(?:(?:\.|\/)[\w-]+|\[\d+\])*)\s*(?::|=|\bis\b|\bgot\b)\s*['"]?(True|False|true|false)['"]?(?![\w])/;
const REFUSED = /invalid|expected|must be|not a valid|unsupported|unknown|not allowed|unrecognized|bad /i;
/** pydantic: the setting's path on one line, `Input should be a valid string [type=string_type, input_value=False, input_type=bool]` on the next. */
const PYDANTIC_BOOLEAN = /input_value=(True|False), input_type=bool/;
const SETTING_PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;

/** The setting and the boolean a log line reports read where a value was expected. */
export function findSettingReadAsBoolean(lines: readonly string[]): { setting: string; value: boolean } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const pyd = PYDANTIC_BOOLEAN.exec(line);
    const path = (lines[i - 1] ?? '').trim();
    if (pyd && SETTING_PATH.test(path)) return { setting: path, value: pyd[1] === 'True' };
    const m = REFUSED.test(line) ? SETTING_READ_AS_BOOLEAN.exec(line) : null;
    if (m?.[1] && m[2]) return { setting: m[1], value: /^true$/i.test(m[2]) };
  }
  return undefined;
}

/** What to read: the setting a crash line reports as a boolean, and the ConfigMaps the pods logging it mount (never a Secret). */
export function pickYamlBooleanRead(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { setting: string; value: boolean; configMaps: string[] } | undefined {
  for (const log of seen.logs) {
    const found = findSettingReadAsBoolean(log.lines);
    if (found === undefined) continue;
    const pod = seen.pods.find((p) => p.name === log.pod);
    const configMaps = [...new Set((pod?.volumes ?? []).flatMap((v) => (v.source === 'configMap' && v.ref !== undefined ? [v.ref] : [])))].slice(0, MAX_CONFIGMAPS);
    if (configMaps.length > 0) return { ...found, configMaps };
  }
  return undefined;
}

const stripComment = (s: string): string => s.replace(/\s+#.*$/, '').trim();
const indentOf = (s: string): number => s.length - s.trimStart().length;

function isBareBoolean(word: string, value: boolean): boolean {
  return (value ? TRUE_WORDS : FALSE_WORDS).test(stripComment(word));
}

/** A scalar or a flow list (`[DE, NO]`) holding a bare word for the boolean. */
function holdsBoolean(text: string, value: boolean): boolean {
  const t = stripComment(text);
  const flow = /^\[(.*)\]$/.exec(t);
  return flow ? (flow[1] ?? '').split(',').some((w) => isBareBoolean(w.trim(), value)) : isBareBoolean(t, value);
}

/**
 * The lines under `setting` (its last named segment) in a YAML text that hold a bare word YAML 1.1
 * reads as `value`: its own line when it holds a scalar or a flow list, else the items and values of its block.
 */
export function findYamlBooleanLines(text: string, setting: string, value: boolean): string[] {
  const leaf = setting.split(/[./]/).filter((s) => !/^\d+$/.test(s)).pop()?.replace(/\[\d+\]$/, '');
  if (leaf === undefined || leaf === '') return [];
  const head = new RegExp(`^(\\s*)(-\\s+)?(["']?)${leaf.replace(/[-.]/g, '\\$&')}\\3\\s*:(.*)$`);
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const m = head.exec(line);
    if (!m) return;
    const rest = m[4] ?? '';
    if (stripComment(rest) !== '') {
      if (holdsBoolean(rest, value)) out.push(line.trim());
      return;
    }
    const indent = (m[1] ?? '').length + (m[2] ?? '').length;
    for (const next of lines.slice(i + 1)) {
      const t = next.trim();
      if (t === '' || t.startsWith('#')) continue;
      const under = indentOf(next) > indent || (indentOf(next) === indent && t.startsWith('- '));
      if (!under) break;
      const item = /^-\s+(.*)$/.exec(t)?.[1] ?? /^[^:]+:\s+(.*)$/.exec(t)?.[1];
      if (item !== undefined && !/:\s/.test(stripComment(item)) && holdsBoolean(item, value)) out.push(t);
    }
  });
  return out.slice(0, MAX_LINES).map((l) => l.slice(0, MAX_LINE_CHARS));
}

/** `- NO` → `- "NO"`: the line with its bare word quoted, as the fix writes it. */
export function quoteBareBoolean(line: string, value: boolean): string {
  const t = stripComment(line);
  return t.replace(/(^-\s+|:\s+|\[|,\s*)([A-Za-z]+)(?=\s*(?:$|,|\]))/g, (all, lead: string, word: string) => (isBareBoolean(word, value) ? `${lead}"${word}"` : all));
}

/** The bare boolean lines read from a mounted ConfigMap under the setting the crash log reports as that boolean. */
export function findYamlBoolean(found: readonly YamlBooleanEvidence[] | undefined, lines: readonly string[]): YamlBooleanEvidence | undefined {
  const read = findSettingReadAsBoolean(lines);
  return read === undefined ? undefined : found?.find((y) => y.setting === read.setting && y.value === read.value && y.lines.length > 0);
}

/** How the reading is told: the line as written, the YAML 1.1 rule, and the quoted line as the fix. */
export function tellYamlBoolean(y: YamlBooleanEvidence): ToldReading & { evidence: string[] } {
  const [line = ''] = y.lines;
  const quoted = quoteBareBoolean(line, y.value);
  const shown = stripComment(line);
  const as = y.value ? 'True' : 'False';
  const fix = `quote the value in ConfigMap ${y.configMap} (\`${quoted}\`), then restart the pods`;
  return {
    title: `: ConfigMap ${y.configMap} (${y.key}) holds \`${shown}\` under ${y.setting}, a bare word YAML 1.1 reads as ${as}`,
    cause: `YAML 1.1 parsers (PyYAML, SnakeYAML, go-yaml v2) read the bare words y/n, yes/no, on/off, in any case, as booleans: \`${shown}\` under ${y.setting} reaches the program as ${as}, and it refuses the value at start. Every pod that starts reads the same ConfigMap.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; rolling the workload back would not help, as any new pod reads the same ConfigMap.`,
    fix,
    evidence: y.lines.map((l) => `ConfigMap ${y.configMap} ${y.key}, under ${y.setting}: \`${l}\` (a YAML 1.1 boolean: ${as})`),
  };
}
