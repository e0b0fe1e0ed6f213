// Held-out stories, hundredth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — a revision whose MongoDB driver needs a newer wire version than the server speaks; a FUSE
// bucket mount whose sidecar died ("Transport endpoint is not connected"); an XFS volume needing repair
// after its node crashed; a chiseled .NET image without libgssapi_krb5; an upload spool moved to an
// emptyDir, renames across filesystems failing; Node 18 dialing IPv6 first in an IPv4-only VPC; and a
// healthy control: istio-proxy's routine xDS stream warnings.
// part2.ts — an unpinned rebuild pulling a MarkupSafe without soft_unicode under an old Jinja2; a ConfigMap
// mounted over the JDK's cacerts with only the internal CA; an operator using an API version the upgraded
// control plane removed; one node's host-local IPAM range exhausted; a ConfigMap edit naming a database
// that does not exist for a backup CronJob; and one its writer chose: git-sync refusing a changed SSH host
// key; and a healthy control: a Kafka consumer's routine rebalance lines.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_100_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
