/**
 * nginx whose php-fpm cannot find the script it is asked for (php-script-root.ts): SCRIPT_FILENAME is
 * built from nginx's `root`, so when the PHP image keeps its code elsewhere (its workingDir) every
 * page is "Primary script unknown" and a 404 "File not found." while the pods stay Ready. The root
 * and SCRIPT_FILENAME lines come from the ConfigMap nginx mounts, when the collector read it;
 * otherwise the finding says the file was not read rather than guess its lines.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findScriptUnknown, pickScriptRootConfigRead } from '../php-script-root.js';
import { listNodesOf } from '../pod-status.js';

export function analyzePhpScriptRoot(ev: TriageEvidence): Finding[] {
  const found = findScriptUnknown(ev.logs, ev.pods);
  if (found === undefined) return [];
  const { container, count, pods, workingDir } = found;
  const fpm = found.fpmContainer ?? 'php-fpm';
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const configMap = pickScriptRootConfigRead(ev);
  const read = (ev.proxyConnectionConfig ?? []).filter((s) => s.configMap === configMap && (s.setting === 'root' || s.setting === 'fastcgi_param'));
  const root = read.find((s) => s.setting === 'root')?.value;
  const scriptParam = read.find((s) => s.setting === 'fastcgi_param')?.value;
  const rootSays = root !== undefined ? `nginx's root ${root}${configMap !== undefined ? ` (ConfigMap ${configMap})` : ''}` : `nginx's root${configMap !== undefined ? ` (ConfigMap ${configMap}, not read)` : ' (its config file was not read)'}`;
  const codeSays = workingDir !== undefined ? `${fpm}'s code in ${workingDir} (its workingDir)` : `where ${fpm}'s image keeps the code`;
  const title = `${fpm} answers "Primary script unknown" and ${container} returns 404 "File not found." (${count} line${count === 1 ? '' : 's'} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}): ${rootSays} no longer matches ${codeSays}`;
  const target = workingDir !== undefined ? `${workingDir}${root !== undefined && /\/public\/?$/.test(root) ? '/public' : ''}` : `the directory ${fpm}'s image keeps the code in`;
  const fix = `point ${container}'s root${configMap !== undefined ? ` in ConfigMap ${configMap}` : ''} at ${target}`;
  return [
    {
      id: `container-config/php-script-root/${container}`,
      kind: 'container-config',
      title,
      layer: 'container/process',
      severity: 'critical',
      confidence: root !== undefined && workingDir !== undefined && !root.startsWith(workingDir) ? 'high' : 'medium',
      evidence: [
        `${count} "Primary script unknown" line${count === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}: ${fpm} found no file at the SCRIPT_FILENAME nginx sent`,
        ...read.map((s) => `ConfigMap ${s.configMap} (key ${s.key}): ${s.setting} ${s.value}`),
        ...(workingDir !== undefined ? [`container ${fpm} starts in workingDir ${workingDir}`] : []),
        `${ready}/${podObjects.length} of these pods Ready: the probes reach nginx and ${fpm}'s port, not a PHP page`,
      ],
      decisive: `FastCGI sent in stderr: "Primary script unknown"${scriptParam !== undefined ? ` (fastcgi_param ${scriptParam})` : ''}`,
      ...(found.firstAt !== undefined ? { onset: found.firstAt } : {}),
      likelyCause:
        `nginx sends php-fpm SCRIPT_FILENAME=$document_root$fastcgi_script_name, the document root being its own \`root\`; php-fpm looks that path up in its own container. ` +
        `When the PHP image moves its code (a new workingDir) and nginx's root stays, every PHP request names a file that does not exist there: "Primary script unknown", 404 "File not found.".`,
      nextAction: `Mitigate: ${fix}.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${found.pod} -c ${container} --tail=200`),
        formatKubectl(ev.target, `exec ${found.pod} -c ${fpm} -- ls ${workingDir ?? '.'} ${root ?? ''}`.trim()),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), ...(configMap !== undefined ? { configMaps: [configMap] } : {}) },
    },
  ];
}
