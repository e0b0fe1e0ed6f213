// Held-out stories, eighty-third round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — MySQL 8 refusing public key retrieval to a JDBC client without TLS; a Node service's
// recursion past the call stack since a revision; a Go panic on a nil map in one code path; an Azure
// blob lease held forever by a dead leader; PHP's `localhost` meaning a Unix socket once the database
// left the pod; Connector/J refusing the server's time zone name; and a healthy control: the JVM's
// class data sharing warning.
// part2.ts — MinIO's drives full; AES-GCM's tag mismatch since an encryption key was changed without
// the old one; Django's sessions corrupted by a rotated SECRET_KEY; Laravel's "The MAC is invalid."
// since APP_KEY changed; Rails credentials that cannot be decrypted under another master key; Kafka
// topic creation asking for more replicas than brokers left; and a healthy control: Puma's single
// worker cluster-mode warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_83_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
