// The corpus kit: cluster objects shaped like `kubectl get -o json` output, built from the story
// a scenario tells. See ../README.md for how to write a scenario.
export * from './batch.js';
export * from './clock.js';
export * from './containers.js';
export * from './events.js';
export * from './nodes.js';
export * from './objects.js';
export * from './pods.js';
export * from './story.js';
export * from './system.js';
export * from './workloads.js';
