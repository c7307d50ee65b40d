// Prints the README's configuration reference, generated from the zod schema in src/config/env-schema.ts.
//   node scripts/config-reference.ts            print the table
//   node scripts/config-reference.ts --write    replace it in README.md (between the config-reference markers)
import { readFileSync, writeFileSync } from 'node:fs';
import { configReference, replaceConfigReference } from '../src/config/config-reference.ts';

if (process.argv.includes('--write')) {
  const readme = readFileSync('README.md', 'utf8');
  writeFileSync('README.md', replaceConfigReference(readme, configReference()));
  console.log('README.md configuration reference updated');
} else {
  console.log(configReference());
}
