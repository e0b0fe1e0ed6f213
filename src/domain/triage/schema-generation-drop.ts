/**
 * Queries that find a table missing while the ORM runs with schema generation that drops tables
 * (create-drop, create, drop-and-create, drop: schema-generation.ts): the tables went with the pods
 * that started or stopped, their data with them. No migration brings the data back and a rollback
 * starts and stops more pods that drop it again: set the setting to validate or none, then restore
 * from a backup.
 */
import type { IsoTime, PodEvidence, TriageEvidence } from './evidence.js';
import type { Finding } from './finding.js';
import { formatKubectl } from './kubectl-command.js';
import { formatPodShare, listNodesOf, severityForPods } from './pod-status.js';
import { describeDropping, findDroppingSchemaGeneration } from './schema-generation.js';
import { formatAgo } from './time-span.js';

interface Seen {
  /** The pods whose queries find a table missing, by name and as read. */
  pods: string[];
  podObjects: readonly PodEvidence[];
  container: string;
  /** The database's words: `relation "orders" does not exist`. */
  quote: string;
  onset?: IsoTime;
  evidence: string[];
}

export function readDroppingSchemaGeneration(ev: TriageEvidence, seen: Seen): Finding | undefined {
  const spec = seen.podObjects.map((p) => p.containers.find((c) => c.name === seen.container)).find((c) => c !== undefined);
  const drop = findDroppingSchemaGeneration(spec, ev.schemaGeneration ?? []);
  if (drop === undefined) return undefined;
  const cm = drop.configMap;
  const share = formatPodShare(ev, seen.pods.length);
  const edited = cm?.changedAt !== undefined ? `; ConfigMap ${cm.configMap}'s data was last written ${formatAgo(cm.changedAt, ev.collectedAt)}${cm.changedBy ? ` by ${cm.changedBy}` : ''}` : '';
  const fix = `set ${drop.name} back to validate (or none)${cm ? ` in ConfigMap ${cm.configMap}` : ''}, then restore the database from a backup`;
  return {
    id: `schema-migration/schema-generation/${seen.container}`,
    kind: 'schema-migration',
    title: `Queries fail on ${share}: ${seen.quote} — ${drop.written} in ${drop.where} has Hibernate drop tables: it ${describeDropping(drop.value)}, so the tables and their data are gone`,
    layer: 'container/process',
    severity: severityForPods(ev, seen.pods.length),
    confidence: 'high',
    evidence: [...seen.evidence, `${drop.where}: ${drop.written}${edited}`],
    decisive: seen.quote,
    ...(seen.onset !== undefined ? { onset: seen.onset } : {}),
    ...(cm !== undefined ? { outsideWorkload: `every pod, of any revision, reads ${drop.written} from ConfigMap ${cm.configMap}: a rollback starts and stops pods that drop the schema again` } : {}),
    likelyCause:
      `Schema generation ${drop.value} makes Hibernate (or JPA) ${drop.value === 'create-drop' ? 'create the schema afresh when the application starts and drop it when it shuts down' : 'drop the schema when the application starts'}: ` +
      'on a database shared by several pods, every pod that starts or stops (a rollout, a restart, fewer replicas) drops the tables the others use, with all their rows. The code and the schema never disagreed; the data is lost, not unmigrated.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} (or snapshot) taken before the tables were dropped; until then every pod that starts or stops drops them again, so do not restart or roll back first. Never run ${drop.value} against a shared database.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${seen.pods[0] ?? ''} -c ${seen.container} --tail=100`),
      ...(cm !== undefined ? [formatKubectl(ev.target, `get configmap ${cm.configMap} -o yaml`)] : []),
    ],
    affected: { pods: seen.pods, nodes: listNodesOf(seen.podObjects), ...(cm !== undefined ? { configMaps: [cm.configMap] } : {}) },
  };
}
