// Held-out stories, eighty-second round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a JVM's GC overhead limit since a ConfigMap raised a cache's size; S3's
// SignatureDoesNotMatch from a half-rotated key pair; a CronJob's import meeting a feed no longer in
// UTF-8; a Kerberos keytab stale after its principal's password reset; a SAML identity provider's
// rotated signing certificate; a deleted GCP service account key; and a healthy control: the JDK's
// -Xverify:none deprecation warning.
// part2.ts — a revoked LaunchDarkly SDK key serving flag defaults; a JWT signed RS256 where only HS256
// is allowed; two services sharing one Kafka consumer group; OkHttp's pooled connections outliving an
// upstream's lowered idle timeout; a renewed certificate served without its intermediate; GOGC=off
// until the OOM killer; and a healthy control: passlib's trapped bcrypt version error.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_82_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
