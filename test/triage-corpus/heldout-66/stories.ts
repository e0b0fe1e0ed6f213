// Held-out stories, sixty-sixth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an nginx proxy_pass with a trailing slash stripping /api/; SerialGC chosen after a CPU
// limit cut to 1; a grace period of 5 s killing consumers before they commit; Elasticsearch
// refusing aggregations on a text field after a reindex; RabbitMQ 4's 16 MiB max_message_size; a
// migration Job's search_path left without its tables; and a healthy control: a Kafka client's
// start-up "Broker may not be available".
// part2.ts — Go 1.22+'s TLS client without RSA key exchange against a legacy partner; a CMS flag
// on a JDK 21 image; `npm ci --omit=dev` dropping a module still required; Kafka Streams restoring
// its state from an emptyDir after every restart; an SMTP relay requiring STARTTLS; presigned URLs
// expiring with an IRSA session; and a healthy control: nginx buffering large responses to disk.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_66_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
