// Held-out stories, twenty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — Django's ALLOWED_HOSTS rejecting the kubelet's probes (400); a HikariCP pool shrunk
// from 30 to 3 by a revision; an old client-go that never re-reads its expiring projected token
// (401, a restart every ~48 min); a ReadWriteMany claim on EBS gp3; two Deployments whose
// readiness checks each other, deadlocked after a node-group upgrade; an RDS Postgres that now
// forces TLS against PGSSLMODE=disable; and a healthy control: a StatefulSet scaled from 3 to 5.
// part2.ts — a Kafka broker added on a claim left over from an older cluster (cluster ID
// mismatch); ephemeral ports exhausted by a client without keep-alive (EADDRNOTAVAIL); an envFrom
// ConfigMap key grown past 128 KiB (argument list too long); Calico's CNI token gone stale (new
// sandboxes Unauthorized); an IMDS hop limit of 1 on a new node group; a new OpenSSL 3 image
// refusing a partner's TLS 1.0; and a healthy control: a Karpenter drain held by a PDB.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_26_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
