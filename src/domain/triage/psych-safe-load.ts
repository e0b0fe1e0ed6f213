/**
 * Psych 4 (the YAML library Ruby 3.1 ships) made `YAML.load` and `YAML.load_file` safe loads:
 * aliases (`<<: *default`) raise `Psych::BadAlias` ("Unknown alias: default") and any class but
 * the basic ones raises `Psych::DisallowedClass` ("Tried to load unspecified class: Date"). A YAML
 * file that loaded for years fails at boot the day the image moves to Ruby 3.1: the runtime is the
 * change, not the file. The loader opts back in (`aliases: true`, `permitted_classes:`, or
 * `YAML.unsafe_load_file`); a rollback to the older Ruby mitigates.
 */
import type { LogEvidence, PodEvidence } from './evidence.js';

export interface PsychSafeLoadRefusal {
  /** The exception line, trimmed. */
  line: string;
  /** An alias the safe load refuses, or a class it does not permit. */
  refused: { kind: 'alias'; name: string } | { kind: 'class'; name: string };
  /** The app's own frame that loads the YAML (`/app/config/initializers/app_settings.rb:3`). */
  loader?: string;
  /** The Ruby the crashed run logs (`3.1.4`), or its library path names (`3.1.0`). */
  ruby?: string;
}

const BAD_ALIAS = /Unknown alias: (\S+) \(Psych::BadAlias\)|Psych::BadAlias\)?:? Unknown alias: (\S+)/;
const DISALLOWED = /Tried to load unspecified class: (\S+) \(Psych::DisallowedClass\)|Psych::DisallowedClass\)?:? Tried to load unspecified class: (\S+)/;
/** Puma's banner (`ruby 3.1.4-p223`), `ruby 3.1.4 (2023-03-30 …)`, or a frame under the library path (`/lib/ruby/3.1.0/`). */
const RUBY_VERSION = /\bruby (\d+\.\d+\.\d+)|\/lib\/ruby\/(\d+\.\d+)\.\d+\//;
/** A backtrace frame of the app's own code, not the runtime's library or a gem's. */
const APP_FRAME = /^\s*from (\/\S+?\.rb:\d+)/;
const LIBRARY = /\/(lib\/ruby|gems|bundle|vendor)\//;

/** The Ruby version a log names, if it does. */
export function findRubyVersion(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    const m = RUBY_VERSION.exec(line);
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}

/** The last refusal of a safe YAML load in a crashed run's log. */
export function findPsychSafeLoadRefusal(lines: readonly string[]): PsychSafeLoadRefusal | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const alias = BAD_ALIAS.exec(line);
    const cls = alias ? undefined : DISALLOWED.exec(line);
    if (!alias && !cls) continue;
    const loader = lines.slice(i + 1).map((l) => APP_FRAME.exec(l)?.[1]).find((f) => f !== undefined && !LIBRARY.test(f));
    const ruby = findRubyVersion(lines);
    const refused = alias ? { kind: 'alias' as const, name: alias[1] ?? alias[2] ?? '' } : { kind: 'class' as const, name: cls?.[1] ?? cls?.[2] ?? '' };
    return { line: line.trim(), refused, ...(loader ? { loader } : {}), ...(ruby ? { ruby } : {}) };
  }
  return undefined;
}

/** YAML files the container mounts from a ConfigMap or Secret: `/app/config/settings.yml (ConfigMap billing-web-settings)`. */
function findMountedYaml(pod: PodEvidence, container: string): string[] {
  const spec = pod.containers.find((c) => c.name === container);
  return (spec?.volumeMounts ?? [])
    .filter((m) => /\.ya?ml$/i.test(m.mountPath) || /\.ya?ml$/i.test(m.subPath ?? ''))
    .map((m) => {
      const vol = pod.volumes?.find((v) => v.name === m.name);
      const from = vol && (vol.source === 'configMap' || vol.source === 'secret') && vol.ref ? ` (${vol.source === 'configMap' ? 'ConfigMap' : 'Secret'} ${vol.ref})` : '';
      return `${m.mountPath}${from}`;
    });
}

/** The Ruby the pods that still serve run (`2.7.8`), from their own logs. */
function findServingRuby(logs: readonly LogEvidence[], failing: readonly string[], container: string): string | undefined {
  return findRubyVersion(logs.filter((l) => !failing.includes(l.pod) && l.container === container && !l.previous).flatMap((l) => l.lines));
}

export interface PsychSafeLoadTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The finding's words: the refused alias or class, the Ruby that brought Psych 4, and how the loader opts back in. */
export function tellPsychSafeLoad(found: PsychSafeLoadRefusal, failing: readonly PodEvidence[], logs: readonly LogEvidence[], container: string): PsychSafeLoadTold {
  const first = failing[0];
  const yaml = first ? findMountedYaml(first, container) : [];
  const serving = findServingRuby(logs, failing.map((p) => p.name), container);
  const ruby = found.ruby ? `Ruby ${found.ruby}` : 'Ruby 3.1+';
  const was = serving && serving !== found.ruby ? ` (the pods that still serve run Ruby ${serving})` : '';
  const what = found.refused.kind === 'alias' ? `the alias *${found.refused.name}` : `the class ${found.refused.name}`;
  const where = found.loader ? ` loaded by ${found.loader}` : '';
  const files = yaml.length > 0 ? ` (${yaml.join(', ')})` : '';
  const optIn = found.refused.kind === 'alias' ? 'aliases: true' : `permitted_classes: [${found.refused.name}]`;
  return {
    title: `: Psych 4 (${ruby}) loads YAML safely and refuses ${what}${yaml.length > 0 ? ` in ${yaml.join(', ')}` : ''}`,
    cause: `The image runs ${ruby}${was}, which ships Psych 4: YAML.load and YAML.load_file became safe loads that refuse aliases and non-basic classes, so the YAML${where}${files} that loaded before now raises ${found.refused.kind === 'alias' ? 'Psych::BadAlias' : 'Psych::DisallowedClass'} at boot. The file did not change; the runtime did.`,
    action: `Roll back to the image with the older Ruby, then load the YAML with ${optIn} (or YAML.unsafe_load_file for a trusted file); restarting the pods will not help.`,
    fix: `load the YAML with ${optIn} (or YAML.unsafe_load_file for a trusted file)`,
    evidence: [`runtime: ${ruby}${serving && serving !== found.ruby ? `; serving pods: Ruby ${serving}` : ''} — Psych 4 (Ruby 3.1+) loads YAML safely by default`, ...(found.loader ? [`loaded by ${found.loader}`] : []), ...yaml.map((y) => `YAML mounted at ${y}`)],
  };
}
