import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference, replaceConfigReference } from '../../src/config/config-reference.ts';
import { describeVariables } from '../../src/config/env-schema.ts';

test('the README configuration reference is generated from the schema and up to date', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  // If this fails, run: node scripts/config-reference.ts --write
  expect(replaceConfigReference(readme, configReference())).toBe(readme);
  for (const v of describeVariables()) expect(readme).toContain(`| \`${v.name}\` |`);
});
