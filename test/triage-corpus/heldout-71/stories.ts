// Held-out stories, seventy-first round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a ConfigMap edited without a rollout, failing only the pods started since; a Corefile
// edit that the running CoreDNS refuses and its replacement crashes on; SERIALIZABLE isolation
// without retries; an OpenSSL 1.0.2 image against a chain cross-signed by the expired DST Root CA
// X3; one GPU node's device fallen off the bus (Xid 79); a nightly mysqldump with
// --lock-all-tables; and a healthy control: nginx's proxy_headers_hash warning at start.
// part2.ts — a Kueue-managed Job suspended by its ClusterQueue's quota; a JVM out of compressed
// class space; a native sidecar on a cluster without the SidecarContainers gate; an Indexed Job's
// subdomain without its headless Service; an egress ipBlock left behind by a partner's new IPs; an
// NFS PV's nfsvers=4.2 against a 4.1 filer; and a healthy control: Cassandra's GCInspector and
// chunk-cache INFO lines.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_71_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
