// The corpus's one clock and its deterministic identities. Every scenario happens at NOW; every
// uid, ReplicaSet hash and pod suffix is derived from names, so a scenario is the same on every
// run and a failing assertion can be reproduced from its id alone.
import { createHash } from 'node:crypto';

/** When every corpus triage runs (the bot's `collectedAt`). */
export const NOW = new Date('2026-11-21T03:14:00Z');

/** `minutes` before NOW (fractions allowed: 0.5 = 30 s). */
export function ago(minutes: number): Date {
  return new Date(NOW.getTime() - Math.round(minutes * 60_000));
}

export const HOURS = 60;
export const DAYS = 24 * 60;

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** A stable RFC 4122-shaped uid for an object. */
export function uidOf(seed: string): string {
  const h = digest(seed).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// The alphabet Kubernetes uses for generated names (no vowels, no look-alikes).
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function encode(seed: string, length: number): string {
  const bytes = digest(seed);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(bytes[i] ?? 0) % ALPHABET.length];
  return out;
}

/** A pod-template-hash like `7c9d8f6b5d` (10 characters). */
export function templateHash(seed: string): string {
  return encode(`hash:${seed}`, 10);
}

/** The 5-character suffix of a generated pod name (`-x2kqj`). */
export function nameSuffix(seed: string): string {
  return encode(`suffix:${seed}`, 5);
}

/** A container ID as containerd reports it. */
export function containerId(seed: string): string {
  return `containerd://${digest(`cid:${seed}`).toString('hex')}`;
}

/** An image digest as the kubelet reports it in imageID. */
export function imageDigest(image: string): string {
  const repo = image.split('@')[0]?.replace(/:[^/:]+$/, '') ?? image;
  return `${repo}@sha256:${digest(`img:${image}`).toString('hex')}`;
}
