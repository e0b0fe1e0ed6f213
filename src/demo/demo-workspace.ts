/**
 * Who and what the demo workspace holds: the people (in Slack and PagerDuty alike), the
 * incidents announce channel, and the service catalog that maps each PagerDuty service to its
 * workload and owners — so a page for checkout opens a channel with checkout's owners in it and
 * triages shop/checkout at once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoCluster } from './demo-cluster.js';

export interface DemoPerson {
  slackId: string;
  name: string;
  email: string;
  pagerDutyId: string;
  tz: string;
}

/** The visitor types as Alice; the story's other voices are Bob and Carol. */
export const VISITOR: DemoPerson = { slackId: 'U0ALICE', name: 'alice', email: 'alice@example.com', pagerDutyId: 'PALICE1', tz: 'Europe/Berlin' };
export const PEOPLE: DemoPerson[] = [
  VISITOR,
  { slackId: 'U0BOB', name: 'bob', email: 'bob@example.com', pagerDutyId: 'PBOB001', tz: 'America/New_York' },
  { slackId: 'U0CAROL', name: 'carol', email: 'carol@example.com', pagerDutyId: 'PCAROL1', tz: 'Europe/London' },
];

export const ANNOUNCE_CHANNEL = { id: 'C0INCIDENTS', name: 'incidents' };

export interface DemoService {
  service: string;
  namespace: string;
  /** The PagerDuty service that pages for it. */
  pagerDutyServiceId: string;
  /** Who is paged (PagerDuty assignee) and invited (catalog owner). */
  owner: DemoPerson;
}

/** One PagerDuty service per workload of the cluster, owners taking turns. */
export function demoServices(cluster: DemoCluster): DemoService[] {
  return cluster.services.map((s, i) => ({
    service: s.service,
    namespace: s.namespace,
    pagerDutyServiceId: `PSVC${String(i + 1).padStart(3, '0')}`,
    owner: PEOPLE[(i + 1) % PEOPLE.length] ?? VISITOR,
  }));
}

/** Writes the catalog YAML to a temp file; returns its path. */
export function writeCatalog(services: DemoService[]): string {
  const lines = ['services:'];
  for (const s of services) {
    lines.push(`  ${s.service}:`, `    namespace: ${s.namespace}`, `    pagerduty: [${s.pagerDutyServiceId}]`, `    owners: [${s.owner.slackId}]`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'rootcause-demo-')), 'services.yaml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
