// The core stays pure (DESIGN.md): no SDK, no adapter, no surface, no I/O module, no environment, no clock.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importsOf as sourceImports, ROOT as root, SRC, sourceFiles as files } from './source-imports.ts';

const coreDir = join(SRC, 'core');
const importsOf = (source: string): string[] => sourceImports(source).map((i) => i.spec);

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
