// Held-out stories, seventy-fourth round: failures written without reading the analysis code, to
// measure how the triage generalizes to causes it was not built against. Graded first by
// `bench/triage-heldout.ts` (figures in docs/benchmarks.md) before any fix for it, then fixed in
// general; the round has since joined the corpus (`../scenarios/index.ts`), which `npm test` grades.
// Written by two writers apart:
//
// part1.ts — an XFS clone of a snapshot mounted on the node of its source (duplicate UUID);
// Apache prefork at MaxRequestWorkers after a longer KeepAliveTimeout; nginx's HTTP/1.0 upstream
// refused 426 by a newly injected Istio sidecar; Kestrel told to serve https with no certificate;
// a Kong upgrade without its migrations; a Bundler lockfile that lists only a macOS platform; and
// a healthy control: httpd's AH00558 ServerName warning.
// part2.ts — Neo4j's transaction memory pool lowered under a caller's queries; gunicorn --preload
// forking a process that already opened a gRPC channel; a tokio runtime started within a runtime;
// core dumps filling a container's writable layer until eviction; Traefik dropping routers whose
// Middleware does not exist; Django's SSL redirect behind a TLS-terminating ingress without the
// proxy header; and a healthy control: nginx's types_hash warning.
import type { CorpusScenario } from '../scenario.js';
import { PART_ONE } from './part1.js';
import { PART_TWO } from './part2.js';

export const HOLDOUT_74_SCENARIOS: CorpusScenario[] = [...PART_ONE, ...PART_TWO];
