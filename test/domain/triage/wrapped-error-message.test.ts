import { describe, expect, it } from 'vitest';
import { joinWrappedErrorMessages } from '../../../src/domain/triage/wrapped-error-message.js';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';

const ADDON = [
  'node:internal/modules/cjs/loader:1200',
  '  return process.dlopen(module, path.toNamespacedPath(filename));',
  '                 ^',
  '',
  "Error: The module '/srv/node_modules/imagelib/build/Release/imagelib.node'",
  'was compiled against a different Node.js version using',
  'NODE_MODULE_VERSION 93. This version of Node.js requires',
  'NODE_MODULE_VERSION 111. Please try re-compiling or re-installing',
  'the module (for instance, using `npm rebuild` or `npm install`).',
  '    at Module._extensions..node (node:internal/modules/cjs/loader:1200:18)',
  '    at Module.load (node:internal/modules/cjs/loader:1000:32) {',
  "  code: 'ERR_DLOPEN_FAILED'",
  '}',
  '',
  'Node.js v19.0.0',
];

describe('joinWrappedErrorMessages', () => {
  it('reads an error message wrapped over lines, up to its stack, as one line', () => {
    const joined = joinWrappedErrorMessages(ADDON);
    expect(joined).toContain(
      "Error: The module '/srv/node_modules/imagelib/build/Release/imagelib.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 93. This version of Node.js requires NODE_MODULE_VERSION 111. Please try re-compiling or re-installing the module (for instance, using `npm rebuild` or `npm install`).",
    );
    expect(joined.length).toBe(ADDON.length - 4);
  });

  it('leaves an error alone when the lines after it are other records, not its message', () => {
    const lines = ['Error: connect ECONNREFUSED 10.0.0.9:6379', 'retrying in 5s', '2026-01-01T00:00:00Z INFO started'];
    expect(joinWrappedErrorMessages(lines)).toEqual(lines);
    const next = ['TypeError: x is not a function', 'worker stopped', 'worker started'];
    expect(joinWrappedErrorMessages(next)).toEqual(next);
    const blank = ['Error: listen EADDRINUSE: address already in use :::8080', 'shutting down', ''];
    expect(joinWrappedErrorMessages(blank)).toEqual(blank);
  });

  it('makes the decisive line say what is wrong, not only the subject', () => {
    expect(pickDecisiveLine(ADDON)).toContain('was compiled against a different Node.js version using NODE_MODULE_VERSION 93');
  });
});
