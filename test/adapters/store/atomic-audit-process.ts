// A store user in a process of its own, killed inside a transaction by atomic-audit.test.ts:
//   node atomic-audit-process.ts <databaseUrl> <schema> <requestId> <mode>
// modes: `kill-in-cas`  creates the request, then SIGKILLs itself inside compareAndSet's transaction (after the
//                       request row is updated, before its audit entry is written: the store asks the clock there)
//        `cas`          one compareAndSet with its audit entry (the test blocks it inside the transaction)
//        `loop`         compareAndSet + audit entry, again and again, until killed from outside
// Each audit entry's data names the version it recorded, so the test can match entries to versions.
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { AuditRecord } from '../../../src/core/model/journal.ts';
import type { LicenseRequest } from '../../../src/core/model/request.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

const [url = '', schema = 'public', requestId = '', mode = ''] = process.argv.slice(2);
let armed = false;
const store = await createRequestStore(url, {
  schema,
  now: () => {
    if (armed) process.kill(process.pid, 'SIGKILL');
    return Date.now();
  },
});
await store.migrate();

const record = (r: LicenseRequest): AuditRecord => ({ at: new Date().toISOString(), action: 'test.version', actor: 'system', actorDetail: {}, requestId: r.id, data: { version: r.version } });
const next = (r: LicenseRequest): LicenseRequest => ({ ...r, version: r.version + 1, updatedAt: new Date().toISOString() });
const say = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);

let current = await store.get(requestId);
if (current === null) {
  current = licenseRequest({ id: requestId });
  await store.create(current, { audit: [record(current)] });
}
say({ ready: current.version });
if (mode === 'kill-in-cas') {
  armed = true;
  const after = next(current);
  await store.compareAndSet(current.version, after, { audit: [record(after)] });
  say({ survived: true });
} else if (mode === 'cas') {
  const after = next(current);
  say({ cas: await store.compareAndSet(current.version, after, { audit: [record(after)] }) });
} else if (mode === 'loop') {
  for (;;) {
    const after = next(current);
    if (!(await store.compareAndSet(current.version, after, { audit: [record(after)] }))) throw new Error('lost a compare-and-set with no one else writing');
    current = after;
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
await store.close();
