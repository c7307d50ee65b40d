// A command loads what it uses (issue 12): `diagnose` and `plan` in live mode never load the store (Kysely, SQLite,
// pg), the sandbox tenant, the Okta SDK's typed APIs and models, or its JWT and DPoP libraries (an API token needs
// none). Real CLI processes against a sandbox tenant reached as a live one; each records every module it loaded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { cliDataDir, cliEnv, ROOT, runCliProcess } from '../../support/run-cli-process.ts';
import { liveEnv, startTestSandbox } from '../../support/test-runtime.ts';

jest.setTimeout(60_000);

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

const NOT_LOADED = [
  '/node_modules/kysely/', '/node_modules/better-sqlite3/', '/node_modules/pg/', '/src/sandbox/', '/src/adapters/store/kysely-',
  '/node_modules/@okta/okta-sdk-nodejs/src/generated/', '/node_modules/@okta/okta-sdk-nodejs/src/index.js', '/node_modules/node-jose/',
  '/node_modules/njwt/', '/node_modules/@azure/identity/',
];

test.each([
  ['diagnose', ['diagnose', 'adele.vance@contoso.com']],
  ['plan', ['plan', 'adele.vance@contoso.com', '--path', 'okta-owns-licenses']],
])('%s in live mode loads neither the store nor the sandbox nor the Okta SDK beyond its HTTP parts', async (_name, args) => {
  const dir = cliDataDir();
  const trace = join(dir, 'modules.txt');
  const env = cliEnv(dir, { ...liveEnv(sandbox), NODE_OPTIONS: `--import=${join(ROOT, 'test', 'support', 'module-trace.ts')}`, MODULE_TRACE_FILE: trace });
  const run = await runCliProcess(args, env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Adele Vance');
  const loaded = readFileSync(trace, 'utf8').split('\n');
  // The trace works: the Okta adapter and the SDK's request executor were loaded.
  expect(loaded.some((url) => url.endsWith('/src/adapters/okta/okta-http.ts'))).toBe(true);
  expect(loaded.some((url) => url.includes('/node_modules/@okta/okta-sdk-nodejs/src/default-request-executor.js'))).toBe(true);
  expect(NOT_LOADED.flatMap((part) => loaded.filter((url) => url.includes(part)))).toEqual([]);
});
