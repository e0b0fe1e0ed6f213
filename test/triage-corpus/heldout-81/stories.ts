// Held-out stories, eighty-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a new node group without the route to a peered database network; a Java entrypoint naming
// a main class no longer in the jar; Service Bus locks lost behind a slow new step; a DynamoDB item past
// its size limit; a Secrets Manager secret renamed under running pods; Rails 6 HostAuthorization
// refusing the kubelet's probes; and a healthy control: Node 18's experimental fetch warning.
// part2.ts — another service's KEYS * blocking a shared Redis; SES refusing an unverified sender set in
// a ConfigMap; a marketing CronJob using up the mail account's daily quota; OpenSSL 3 refusing a
// partner's SHA-1-signed CA since a base image upgrade; Log4j2's async ring buffer full under DEBUG
// logging; a Service port renamed under DNS SRV clients; and a healthy control: Node's DEP0005 warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_81_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
