/**
 * Where in a mounted ConfigMap a quoted log error points: a path under the ConfigMap's mount
 * (/etc/app/app.yaml → the file app.yaml) and the line its parser names ("yaml: line 14", "at
 * line 3"). With it the fix says which file and line to edit, not "what the log names".
 */
import type { PodEvidence } from './evidence.js';

export interface ConfigFileLine {
  /** The file's name under the mount (the ConfigMap key, unless items renamed it). */
  file: string;
  line?: number;
}

const PATH = /(?:^|[\s"'(=:])(\/[\w.@+-]+(?:\/[\w.@+-]+)*)/g;
const LINE = /\bline[:\s]\s*(\d+)\b/i;

/** The file of `configMap` the pods mount whose path `text` quotes, with the line quoted after it. */
function fileUnderMount(path: string, pods: readonly PodEvidence[], configMap: string): string | undefined {
  for (const p of pods) {
    const volumes = new Set((p.volumes ?? []).filter((v) => v.source === 'configMap' && v.ref === configMap).map((v) => v.name));
    for (const m of p.containers.flatMap((c) => c.volumeMounts ?? [])) {
      if (!volumes.has(m.name)) continue;
      const at = m.mountPath.replace(/\/+$/, '');
      const file = m.subPath ? (path === at ? m.subPath : undefined) : path.startsWith(`${at}/`) ? path.slice(at.length + 1) : undefined;
      if (file !== undefined && file !== '' && !file.includes('/')) return file;
    }
  }
  return undefined;
}

export function locateConfigFileLine(text: string, pods: readonly PodEvidence[], configMap: string): ConfigFileLine | undefined {
  for (const m of text.matchAll(PATH)) {
    const file = fileUnderMount(m[1] ?? '', pods, configMap);
    if (file === undefined) continue;
    const line = LINE.exec(text.slice(m.index))?.[1];
    return { file, ...(line !== undefined ? { line: Number(line) } : {}) };
  }
  return undefined;
}

/** "line 7 of app.yaml", "app.yaml". */
export function describeConfigFileLine(at: ConfigFileLine): string {
  return at.line !== undefined ? `line ${at.line} of ${at.file}` : at.file;
}
