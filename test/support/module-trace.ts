// Loaded with `node --import` into a CLI process: writes the URL of every module it loaded to MODULE_TRACE_FILE when
// it exits (test/surfaces/cli/cli-loads.test.ts checks what a command loads).
import { writeFileSync } from 'node:fs';
import module from 'node:module';

const file = process.env['MODULE_TRACE_FILE'];
const loaded = new Set<string>();
if (file) {
  module.registerHooks({
    load(url, context, next) {
      loaded.add(url);
      return next(url, context);
    },
  });
  process.on('exit', () => writeFileSync(file, [...loaded].join('\n')));
}
