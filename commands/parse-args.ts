/**
 * Splits a slash command's text into positional words and `--flag value` pairs.
 * Slack sends the text with `should_escape: true`: mentions arrive as `<@U…|name>`,
 * channels as `<#C…|name>`, links as `<http…>`; those stay single words.
 */
import { truncate } from '../src/domain/text.js';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string>;
  /** Flags given without a value, or unknown short forms. */
  problems: string[];
}

export function parseArgs(text: string, known: Record<string, string>): ParsedArgs {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const parsed: ParsedArgs = { positional: [], flags: {}, problems: [] };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('-') || word === '-') {
      parsed.positional.push(word);
      continue;
    }
    const [rawName, inlineValue] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const name = known[rawName];
    if (name === undefined) {
      parsed.problems.push(`unknown option ${rawName}`);
      continue;
    }
    const value = inlineValue ?? words[i + 1];
    if (value === undefined || value === '' || (inlineValue === undefined && value.startsWith('--'))) {
      parsed.problems.push(`${rawName} needs a value`);
      continue;
    }
    if (inlineValue === undefined) i++;
    if (parsed.flags[name] !== undefined) parsed.problems.push(`${rawName} given twice`);
    parsed.flags[name] = value;
  }
  return parsed;
}

/** Kubernetes names typed by users (service, namespace): DNS-1123 labels, checked before any API call. */
export function checkDns1123Label(value: string, what: string): string | undefined {
  if (value.length > 63) return `${what} "${truncate(value, 71)}" is longer than 63 characters`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
    return `${what} "${value}" is not a valid Kubernetes name (lower-case letters, digits and "-", starting and ending with a letter or digit)`;
  }
  return undefined;
}
