// The demo page exists only in sandbox mode: a License Doctor configured with real credentials (here: live mode
// pointed at a sandbox tenant's servers, as CONTRACT.md allows) serves no page, no demo API and no demo connector.
import { loadConfig } from '../../../src/config/load-config.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createRuntime, type Runtime } from '../../../src/main.ts';
import type { RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import { startServer, type RunningServer } from '../../../src/server/start-server.ts';
import { createDemoSurface } from '../../../src/surfaces/web/create-demo-surface.ts';
import { liveEnv, startTestSandbox } from '../../support/test-runtime.ts';

let sandbox: RunningSandbox;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const config = loadConfig({ ...liveEnv(sandbox), LOG_LEVEL: 'silent' });
  runtime = await createRuntime(config, { logger: createLogger('silent'), databaseUrl: 'sqlite::memory:' });
  server = await startServer(runtime, { port: 0, host: '127.0.0.1', maintenanceIntervalMs: 0 });
});

afterAll(async () => {
  await server.close();
  await runtime.close();
  await sandbox.close();
});

test('with real credentials the runtime is live and the demo surface is not mounted', async () => {
  expect(runtime.config.mode).toBe('live');
  expect(runtime.sandbox).toBeNull();
  expect(server.surfaces.map((s) => s.name)).not.toContain('demo');
  const base = server.http.url.replace('localhost', '127.0.0.1');
  for (const [method, path] of [
    ['GET', '/'], ['GET', '/demo/assets/demo.js'], ['GET', '/demo/vendor/adaptivecards.min.js'], ['GET', '/demo/api/setup'],
    ['GET', '/demo/api/events'], ['POST', '/demo/api/reset'], ['POST', '/demo/connector/v3/conversations/x/activities'],
  ] as const) {
    const res = await fetch(`${base}${path}`, { method, ...(method === 'POST' ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}) });
    expect([method, path, res.status]).toEqual([method, path, 404]);
  }
  const ready = (await (await fetch(`${base}/readyz`)).json()) as Record<string, unknown>;
  expect(ready.mode).toBe('live');
  expect(ready.demo).toBeUndefined();
});

test('the demo surface refuses to be built for a live runtime', async () => {
  await expect(createDemoSurface(runtime.surfaceServices, null)).rejects.toMatchObject({ code: 'configuration', message: expect.stringMatching(/only in sandbox mode/) });
});
