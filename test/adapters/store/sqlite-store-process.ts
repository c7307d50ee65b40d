// One bot instance in a process of its own, racing its siblings on one SQLite file (run by
// sqlite-multi-process.test.ts): node sqlite-store-process.ts <file> <n> <requestId> <appends> <startAtMs>
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { approver, decided, licenseRequest } from '../../contracts/request-store-fixtures.ts';

const [file = '', n = '0', requestId = '', appends = '0', startAt = '0'] = process.argv.slice(2);
const store = await createRequestStore(`sqlite:${file}`);
// Start together, so that the processes really contend (migrations included).
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
await store.migrate();

const request = licenseRequest({ id: requestId });
let created = true;
try {
  await store.create(request);
} catch (err) {
  if (!isLicenseDoctorError(err, 'conflict')) throw err;
  created = false;
}
const cas = await store.compareAndSet(1, decided(request, 'approve', approver(Number(n)), '2026-05-07T12:30:00.000Z'));
const lease = (await store.acquireLease(`request:${requestId}`, `process-${n}`, Date.parse('2026-05-07T12:31:00.000Z'), 60_000)) !== null;
for (let i = 0; i < Number(appends); i++) {
  await store.appendAudit({ at: new Date(0).toISOString(), action: 'test.append', actor: `process-${n}`, actorDetail: { pid: String(process.pid) }, requestId, data: { i } });
}
await store.close();
process.stdout.write(`${JSON.stringify({ created, cas, lease })}\n`);
