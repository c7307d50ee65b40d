// Runs once before every jest run: when no PostgreSQL answers at TEST_DATABASE_URL (a fresh machine, a stopped
// service), starts one shipped through npm and points TEST_DATABASE_URL at it (jest's workers inherit the variable).
// When the browser tests will use the Chromium shipped in node_modules, unpacks it once here, before the workers race.
import { chromiumExecutable, chromiumSource } from './chromium-executable.ts';
import { DEFAULT_TEST_DATABASE_URL, reachable, startEmbeddedPostgres, type StartedPostgres } from './embedded-postgres.ts';

declare global {
  var licenseDoctorEmbeddedPostgres: StartedPostgres | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (chromiumSource() === 'bundled') await chromiumExecutable();
  const url = process.env['TEST_DATABASE_URL'] ?? DEFAULT_TEST_DATABASE_URL;
  if (await reachable(url)) return;
  const started = await startEmbeddedPostgres();
  globalThis.licenseDoctorEmbeddedPostgres = started;
  process.env['TEST_DATABASE_URL'] = started.url;
  process.stderr.write(`\nNo PostgreSQL answered at ${url.replace(/:[^:@/]*@/, ':***@')}; the tests use an embedded one at ${started.url}.\n`);
}
