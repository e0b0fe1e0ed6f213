// A database client whose driver cannot do the server's authentication method (MySQL 8.0's
// caching_sha2_password against old mysqljs): not rejected credentials, even when one "access
// denied" line sits among the handshake failures; dated by the server's upgrade.
import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { analyzeAuthPluginMismatch, pickAuthPluginServer } from '../../../../src/domain/triage/analyzers/credentials-auth-plugin.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';

const DENIED = "error: health check failed: ER_ACCESS_DENIED_ERROR: Access denied for user 'app'@'10.0.1.7' (using password: YES)";
const MODE = 'error: health check failed: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client';
const ENV: EnvVarEvidence[] = [
  { name: 'DB_HOST', value: 'db.shop.svc.cluster.local' },
  { name: 'DB_USER', value: 'app' },
  { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'db-users', key: 'app' } },
];

function server(createdMinutesAgo: number): DependencyMembersEvidence {
  return { namespace: 'shop', service: 'db', nodeLosses: [], pods: [pod(0, { name: 'db-0', createdAt: minutesAgo(createdMinutesAgo), containers: [container({ name: 'mysql', image: 'docker.io/library/mysql:8.0.40' })] })] };
}

function scenario(lines: string[], members?: DependencyMembersEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, createdAt: minutesAgo(20 * 24 * 60), containers: [container({ ready: false, env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), ...(members ? { dependencyMembers: members } : {}) });
}

describe('a client driver that cannot do the server\'s authentication method', () => {
  const lines = [DENIED, MODE, MODE, MODE];

  it('names the auth plugin and the server\'s upgrade, not rejected credentials', () => {
    const ev = scenario(lines, [server(67)]);
    expect(analyzeRejectedCredentials(ev)).toEqual([]);
    const [f] = analyzeAuthPluginMismatch(ev);
    expect(f?.title).toMatch(/caching_sha2_password authentication plugin/);
    expect(f?.title).toMatch(/re-created 1h 7m ago running 8\.0\.40/);
    expect(f?.nextAction).toMatch(/ALTER USER 'app'@'%' IDENTIFIED WITH mysql_native_password/);
    expect(f?.nextAction).toMatch(/mysql2/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/caching_sha2_password/);
    expect(report.headline).not.toMatch(/access denied|wrong password|roll ?back/i);
  });

  it('reads the server the client names', () => {
    expect(pickAuthPluginServer(scenario(lines))).toEqual({ name: 'db', namespace: 'shop' });
  });

  it('leaves plain rejections to the credentials reading', () => {
    const ev = scenario([DENIED, DENIED, DENIED]);
    expect(analyzeAuthPluginMismatch(ev)).toEqual([]);
    expect(analyzeRejectedCredentials(ev)[0]?.title).toMatch(/rejects the credentials/);
  });
});
