// Every store port's contract on PostgreSQL (TEST_DATABASE_URL), each database a schema of its own, dropped afterwards.
// Without a PostgreSQL at TEST_DATABASE_URL, jest's global setup starts one shipped through npm (test/support).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import { storeContracts, type StoreTarget } from '../../contracts/store-contract.ts';
import { licenseRequest } from '../../contracts/request-store-fixtures.ts';

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `ld_test_${process.pid}_${randomBytes(4).toString('hex')}`;

const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
const pools: pg.Pool[] = [];
const schemas: string[] = [];

/** A schema for this run, dropped in afterAll; with a pool whose search_path is that schema. */
function newSchema(): { schema: string; pool: pg.Pool } {
  const schema = `${RUN}_${schemas.length + 1}`;
  schemas.push(schema);
  const pool = new pg.Pool({ connectionString: DATABASE_URL, options: `-c search_path=${schema}`, max: 2 });
  pools.push(pool);
  return { schema, pool };
}

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

describe('PostgreSQL', () => {
  storeContracts({
    multiInstance: true,
    newTarget: async (): Promise<StoreTarget> => {
      const { schema, pool } = newSchema();
      return { open: (options = {}) => createRequestStore(DATABASE_URL, { schema, ...options }), sql: async (statement) => (await pool.query(statement)).rows as Array<Record<string, unknown>> };
    },
    cleanup: async () => undefined,
  });
});

describe('createRequestStore on PostgreSQL', () => {
  test('every table lives in the given schema, also when the URL carries a libpq options parameter', async () => {
    const { schema } = newSchema();
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', '-c statement_timeout=5000');
    const store = await createRequestStore(url.toString().replace(/^postgres:/, 'postgresql:'), { schema });
    await store.migrate();
    const request = licenseRequest();
    await store.create(request);
    expect(await store.get(request.id)).toStrictEqual(request);
    await store.close();
    const { rows } = await admin.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    expect(rows.map((r: { table_name: string }) => r.table_name)).toEqual([
      'alert_causes', 'alert_members', 'alerted_users', 'alerts', 'audit_log', 'batch_members', 'batches', 'conversation_refs', 'decisions', 'journal', 'license_doctor_migration', 'license_doctor_migration_lock', 'notices_sent',
      'okta_event_receipts', 'okta_log_cursor', 'once_claims', 'request_events', 'requests', 'scan_lease', 'scan_results', 'scan_runs', 'scan_spill', 'scan_staged_pages', 'target_leases',
    ]);
  });

  test('an unreachable server: migrate says what to check, without the password; ping answers false', async () => {
    const store = await createRequestStore('postgres://license_doctor:s3cr%40t-pw@127.0.0.1:1/license_doctor', { schema: 'unused' });
    const failure: unknown = await store.migrate().catch((err: unknown) => err);
    expect(failure).toMatchObject({ name: 'LicenseDoctorError', code: 'unavailable', details: { operation: 'migrate', vendorCode: 'ECONNREFUSED' } });
    expect(String((failure as Error).message)).toMatch(/Cannot reach PostgreSQL license_doctor@127\.0\.0\.1:1\/license_doctor .*check DATABASE_URL/);
    expect(JSON.stringify({ message: (failure as Error).message, ...(failure as { details: object }).details })).not.toMatch(/s3cr/);
    expect(await store.ping()).toBe(false);
    await store.close();
  });

  test('a database that does not exist is named as the problem', async () => {
    const url = new URL(DATABASE_URL);
    url.pathname = '/no_such_database_ld';
    const store = await createRequestStore(url.toString());
    await expect(store.migrate()).rejects.toMatchObject({ code: 'store', message: expect.stringMatching(/does not exist/), details: { vendorCode: '3D000' } });
    await store.close();
  });

  test('a schema name that is not a plain identifier is refused', async () => {
    await expect(createRequestStore(DATABASE_URL, { schema: 'x"; DROP TABLE requests; --' })).rejects.toMatchObject({ code: 'configuration' });
  });
});
