import { describe, expect, it } from 'vitest';
import { channel, code, em, icon, link, mention, plainText, storedText, strong, time, withMentions } from '../../src/domain/document.js';

describe('plainText', () => {
  it('keeps the words: people by name (else @ID), channels as #ID, links as their label, no icons', () => {
    const names = new Map([['U1', 'Alice Adams']]);
    const inline = [icon('resolved'), ' ', strong('Resolved'), ' by ', mention('U1'), ' and ', mention('U2'), ' in ', channel('C9'), ': ', em('see'), ' ', link('https://x.io', 'the graph'), ' ', code('kubectl get pods')];
    expect(plainText(inline, { names })).toBe(' Resolved by @Alice Adams and @U2 in #C9: see the graph kubectl get pods');
    expect(plainText([icon('warning'), ' x'], { icon: (name) => `[${name}]` })).toBe('[warning] x');
    expect(plainText(['at ', time(1764762060000, 'time')])).toBe('at ⟦time 1764762060 time⟧');
  });
});

describe('storedText and withMentions', () => {
  it('store people and channels as @ID / #ID with their ids, and read them back as mentions', () => {
    const stored = storedText(['Action item A1 for ', mention('U2'), ' in ', channel('C9'), ': ', strong('add an alert'), ' (', mention('U2'), ')']);
    expect(stored).toEqual({ text: 'Action item A1 for @U2 in #C9: add an alert (@U2)', mentions: ['U2', 'C9'] });
    expect(withMentions(stored.text, stored.mentions)).toEqual(['Action item A1 for ', mention('U2'), ' in ', channel('C9'), ': add an alert (', mention('U2'), ')']);
  });

  it('store plain text as it is, with no mentions field', () => {
    expect(storedText(['Severity set to SEV2', ' by ', 'Bob'])).toEqual({ text: 'Severity set to SEV2 by Bob' });
  });

  it('make mentions only of the ids listed, and only with the right sign', () => {
    expect(withMentions('@U1 asked @U2 about #U1 and @C9', ['U1', 'C9'])).toEqual([mention('U1'), ' asked @U2 about #U1 and @C9']);
    expect(withMentions('nothing named @U1', undefined)).toEqual(['nothing named @U1']);
  });
});
