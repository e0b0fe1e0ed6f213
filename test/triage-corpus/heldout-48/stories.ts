// Held-out stories, forty-eighth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — .NET 8's default port 8080 against probes and a Service on 80; Node 18 resolving
// localhost to ::1 against a sidecar proxy on 127.0.0.1; Postgres' "cached plan must not change
// result type" after a migration Job; a Redis without persistence losing a stream's consumer group
// (NOGROUP); an app init container refused after the namespace was labelled for sidecar injection;
// setHostnameAsFQDN with an FQDN past 64 characters; and a healthy control: client-go throttling and
// dropped watches after a control-plane upgrade.
// part2.ts — an XFS snapshot restored into an ext4 volume (wrong fs type); Pulsar producers blocked
// by a backlog quota of a subscription whose consumer was scaled to 0; zstd against Kafka 2.0
// brokers; a producer's new JSON field refused by a strict Jackson consumer; the resolv.conf search
// line cut on a new node group; JDK 17's CLDR "Sept" breaking date parsing; and a healthy control:
// an HPA scale-up that waited for the cluster autoscaler.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_48_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
