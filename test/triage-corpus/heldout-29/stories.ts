// Held-out stories, twenty-ninth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md), then fixed in general; the round has
// since joined the corpus (`../scenarios/index.ts`), which `npm test` grades. Written by two
// writers apart:
//
// part1.ts — a Redis Cluster on emptyDir losing a master and its replica (CLUSTERDOWN); an nginx
// sidecar's client_max_body_size lowered to 1m (413); a JDBC connection leak exhausting HikariCP;
// Celery prefork children OOM-killed inside the container after concurrency rose (WorkerLostError);
// ingress-nginx's 60 s proxy-read-timeout against reports that grew to 75 s (504); Karpenter
// consolidation evicting a single-replica service with no PDB; and a healthy control: a blue/green
// switch with blue kept idle.
// part2.ts — pooled database connections dropped by a NAT's idle timeout; a JWKS cached for 24 h
// after the identity provider rotated its key; a new node pool without the NFS client; an
// operator throttled by API Priority and Fairness (429); an Elasticsearch index with no replicas
// losing a primary; a Recreate strategy taking every pod down for a 3-minute warm-up; and a
// healthy control: a gRPC server logging a load balancer's health checks as resets.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_29_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
