// A License Doctor server whose PostgreSQL goes away (run by store-loss.test.ts):
//   node store-loss-process.ts <databaseUrl> <schema> <requestId>
// Starts the sandbox runtime and the HTTP server on the store, creates request <requestId>, prints {"url"}, then runs
// one command per stdin line: `cas` (a compare-and-set with its audit entry; prints {"cas": true|false} or
// {"error": code}), `exit`; prints {"remote": change} for each request event another process sends. Any uncaught error or unhandled 'error' event would end the process with a stack trace.
import { createInterface } from 'node:readline';
import { loadConfig } from '../../../src/config/load-config.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createRuntime } from '../../../src/main.ts';
import { startServer } from '../../../src/server/start-server.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

const [databaseUrl = '', schema = '', requestId = ''] = process.argv.slice(2);
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);

const runtime = await createRuntime(loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent' }), {
  logger: createLogger('silent'), sandboxInMemory: true, databaseUrl, databaseSchema: schema,
});
const server = await startServer(runtime, { port: 0, host: '127.0.0.1', maintenanceIntervalMs: 0 });
const created = licenseRequest({ id: requestId });
await runtime.store.create(created, { audit: [{ at: created.createdAt, action: 'request.created', actor: 'test', actorDetail: {}, requestId, data: { version: 1 } }] });
runtime.events.subscribe((event) => {
  if (event.type === 'request-changed' && event.remote === true) say({ remote: event.change });
});
say({ url: server.http.url.replace('localhost', '127.0.0.1') });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'exit') break;
  try {
    const current = await runtime.store.get(requestId);
    if (current === null) throw new Error('the request vanished');
    const next = { ...current, version: current.version + 1, updatedAt: new Date().toISOString() };
    say({ cas: await runtime.store.compareAndSet(current.version, next, { audit: [{ at: next.updatedAt, action: 'test.version', actor: 'test', actorDetail: {}, requestId, data: { version: next.version } }] }) });
  } catch (err) {
    say({ error: isLicenseDoctorError(err) ? err.code : String(err) });
  }
}
process.stdin.destroy();
await server.close();
await runtime.close();
