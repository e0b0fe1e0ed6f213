/**
 * A schema migration tool refusing to start because a migration already applied to the database
 * was edited since: Flyway ("Migration checksum mismatch for migration version 42", then the
 * applied and the local checksum) or Liquibase ("… was: 8:… but is now: 8:…"). The database
 * answered (the tool read its history); the image brought the edited file.
 */
export interface MigrationChecksum {
  tool: 'Flyway' | 'Liquibase';
  /** "V42" (Flyway's version) or the Liquibase changeset id ("db/changelog.yaml::42::alice"). */
  migration: string;
  applied?: string | undefined;
  local?: string | undefined;
}

const FLYWAY = /Migration checksum mismatch for migration version (\S+)/;
const LIQUIBASE = /(\S+::\S+::\S+) was: (\S+) but is now: (\S+)/;

/** The mismatch the log reports last, with its checksums when printed. */
export function findMigrationChecksum(lines: readonly string[]): MigrationChecksum | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const flyway = FLYWAY.exec(line);
    if (flyway) {
      const after = lines.slice(i + 1, i + 4).join('\n');
      return {
        tool: 'Flyway',
        migration: `V${flyway[1] ?? ''}`,
        applied: /-> Applied to database\s*:\s*(\S+)/.exec(after)?.[1],
        local: /-> Resolved locally\s*:\s*(\S+)/.exec(after)?.[1],
      };
    }
    const liquibase = LIQUIBASE.exec(line);
    if (liquibase) return { tool: 'Liquibase', migration: liquibase[1] ?? '', applied: liquibase[2], local: liquibase[3] };
  }
  return undefined;
}

/** The words of a finding: the edited migration is the cause, a new migration the fix, a rollback the mitigation. */
export function tellMigrationChecksum(found: MigrationChecksum, image: string): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const { tool, migration } = found;
  const what = tool === 'Flyway' ? `migration ${migration}` : `changeset ${migration}`;
  const repair = tool === 'Flyway' ? '`flyway repair`' : '`liquibase clear-checksums`';
  const sums = found.applied && found.local ? ` (applied with checksum ${found.applied}, the image's copy has ${found.local})` : '';
  return {
    title: `: ${tool} checksum mismatch, ${what} was edited after it was applied`,
    cause: `${tool} validates the schema history at start-up and refuses to start: ${what} was applied to the database before, and the image these pods run (${image}) ships an edited copy${sums}. The database answered (${tool} read its history); the edited file came with the new image.`,
    action: `Pause or roll back the rollout so the pods of the previous image keep serving; then revert the edit to ${what} and put the change in a new migration (${repair} only if the edit was cosmetic: it accepts the edited file as applied).`,
    fix: `revert the edit to ${tool} ${what} and put the change in a new migration (${repair} if the edit was only cosmetic)`,
    evidence: [`${tool}: ${what} checksum mismatch${sums}, in image ${image}`],
  };
}
