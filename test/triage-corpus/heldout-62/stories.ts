// Held-out stories, sixty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — gunicorn workers hung on a partner called without a timeout; Socket.IO scaled out
// without sticky sessions ("Session ID unknown"); PostgreSQL's shared_buffers over its memory limit;
// a CPU request raised under an HPA's utilization target, so it scaled in to its minimum; a RabbitMQ
// queue's message TTL without a dead-letter exchange dropping work silently; an Airflow DAG timing
// out at import; and a healthy control: net/http's superfluous WriteHeader lines.
// part2.ts — MongoDB's WiredTiger cache sized from the host's memory; revocation checks blocked by
// an egress policy; a projected volume whose two ConfigMaps hold the same key; a model hub answering
// 429 after a scale-out; a library reading cgroup v1 paths on a cgroup v2 node pool; a JWT audience
// changed by a revision before its callers; and a healthy control: topology hints refused on a
// Service.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_62_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
