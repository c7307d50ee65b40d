// The core stays pure (DESIGN.md): no SDK, no adapter, no surface, no I/O module, no environment, no clock.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const coreDir = join(root, 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

// Static imports/exports start a statement (line start); dynamic import() and require() can be anywhere.
const importsOf = (source: string): string[] =>
  [...source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\sfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4] ?? '');

const coreFiles = files(coreDir);

test('the core has source files to check', () => {
  expect(coreFiles.length).toBeGreaterThan(10);
});

describe.each(coreFiles.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
  const source = readFileSync(file, 'utf8');
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

  test('imports only other core modules', () => {
    for (const spec of importsOf(source)) {
      expect({ spec, relative: spec.startsWith('.') }).toEqual({ spec, relative: true });
      const target = join(file, '..', spec);
      expect(relative(coreDir, target).startsWith('..')).toBe(false);
    }
  });

  test('reads no environment, clock or randomness, and does no logging', () => {
    expect(code).not.toMatch(/process\.(env|argv|stdout|stderr|exit)/);
    expect(code).not.toMatch(/Date\.now\(|new Date\(\)|performance\.now\(|Math\.random\(/);
    expect(code).not.toMatch(/console\.|setTimeout\(|setInterval\(|fetch\(/);
  });
});

test('the check catches a forbidden import', () => {
  expect(importsOf("import { Client } from '@okta/okta-sdk-nodejs';")).toEqual(['@okta/okta-sdk-nodejs']);
  expect(importsOf("import type { X } from '../../adapters/graph/x.ts';")).toEqual(['../../adapters/graph/x.ts']);
  expect(importsOf("const fs = require('node:fs');")).toEqual(['node:fs']);
  expect(importsOf("import {\n  a,\n  b,\n} from '@slack/bolt';")).toEqual(['@slack/bolt']);
  expect(importsOf("import 'node:http';")).toEqual(['node:http']);
  // A message that merely contains the word "from" and a quoted name is not an import.
  expect(importsOf("const m = `removed from '${groupName}'`;")).toEqual([]);
});
