/**
 * MySQL refusing to prepare a statement at its server-wide cap (error 1461, "Can't create more
 * than max_prepared_stmt_count statements"). Server-side prepared statements (Connector/J's
 * useServerPrepStmts=true) stay allocated on the server until the client closes them: code that
 * leaves them open fills the cap over hours, then every new prepare fails while the pods stay
 * Ready. The revision that turned server-side statements on is the change behind it, even when
 * the errors begin long after its rollout.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, EnvVarEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

const REFUSED = /Can't create more than max_prepared_stmt_count statements(?: \(current value: (\d+)\))?/i;
const SERVER_SIDE = /\buseServerPrepStmts=true\b/i;

/** The env var (or argument) of the containers that turns server-side prepared statements on. */
function serverSideSetting(containers: readonly { env?: readonly EnvVarEvidence[]; args?: readonly string[]; command?: readonly string[] }[]): string | undefined {
  for (const c of containers) {
    const env = (c.env ?? []).find((e) => 'value' in e && SERVER_SIDE.test(e.value));
    if (env !== undefined) return env.name;
    if ([...(c.args ?? []), ...(c.command ?? [])].some((a) => SERVER_SIDE.test(a))) return 'the container arguments';
  }
  return undefined;
}

/** The oldest revision of the newest run that sets it, when the revision before did not. */
function findTurnedOn(revisions: readonly RevisionEvidence[]): { revision: number; before: number } | undefined {
  const sorted = sortRevisions(revisions);
  let i = 0;
  if (sorted[0] === undefined || serverSideSetting(sorted[0].containers) === undefined) return undefined;
  while (i + 1 < sorted.length && serverSideSetting((sorted[i + 1] as RevisionEvidence).containers) !== undefined) i++;
  const on = sorted[i];
  const before = sorted[i + 1];
  return on !== undefined && before !== undefined ? { revision: on.revision, before: before.revision } : undefined;
}

export function explainPreparedStatementLimit(errors: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env' | 'args' | 'command'>[], revisions: readonly RevisionEvidence[]): ClientDiagnosis | undefined {
  const line = [...errors].reverse().find((l) => REFUSED.test(l));
  if (line === undefined) return undefined;
  const cap = REFUSED.exec(line)?.[1];
  const setting = serverSideSetting(containers);
  const turned = setting !== undefined ? findTurnedOn(revisions) : undefined;
  const since = turned !== undefined ? ` since revision ${turned.revision} turned on server-side prepared statements (useServerPrepStmts=true in ${setting})` : setting !== undefined ? ` (server-side prepared statements on: useServerPrepStmts=true in ${setting})` : '';
  return {
    summary: `MySQL refuses new prepared statements at max_prepared_stmt_count${cap ? ` (${cap})` : ''} (error 1461)${since}`,
    decisive: line.trim(),
    likelyCause: `Server-side prepared statements stay allocated on the MySQL server until the client closes them; statements the code leaves open pile up across the pooled connections until the server-wide cap, max_prepared_stmt_count, is reached. From then on every new prepare fails while the pods stay Ready.${turned !== undefined ? ` Revision ${turned.revision} turned server-side statements on (revision ${turned.before} did not).` : ''}`,
    nextAction: turned !== undefined
      ? `Roll back to revision ${turned.before} (restarting the pods closes their connections and frees the statements), then close statements in the code or turn statement caching on (cachePrepStmts=true) before turning server-side statements on again.`
      : 'Find the statements the code leaves open (close them, or cache them with cachePrepStmts=true); restarting the pods frees them for a while. Check Prepared_stmt_count on the server.',
    fix: 'close the prepared statements the code leaves open',
    ...(turned !== undefined ? { latent: `statements left open build up on the server for hours before the cap is reached, so errors that begin late still come from revision ${turned.revision}'s setting` } : {}),
  };
}
