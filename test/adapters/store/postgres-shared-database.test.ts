// The store's migrations on a PostgreSQL database other sessions keep changing: schemas with tables created and dropped
// meanwhile (another application, or another test file) must not fail start-up. Kysely's stock introspector read every
// schema's columns and failed with "schema … does not exist" when one was dropped during its query.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';

jest.setTimeout(120_000);

const DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const RUN = `ld_shared_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
const ours: string[] = [];

afterAll(async () => {
  for (const schema of ours) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.end();
});

/** Creates and drops schemas holding tables with serial columns until `done` says stop; resolves how many. */
async function churn(id: number, done: () => boolean): Promise<number> {
  let n = 0;
  while (!done()) {
    const schema = `${RUN}_churn${id}_${n}`;
    await admin.query(`CREATE SCHEMA "${schema}"`);
    for (let t = 0; t < 5; t += 1) await admin.query(`CREATE TABLE "${schema}".t${t} (id serial primary key, a text, b text, c text)`);
    await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
    n += 1;
  }
  return n;
}

test('migrations succeed while other sessions create and drop schemas with tables', async () => {
  let finished = false;
  const churners = [churn(1, () => finished), churn(2, () => finished)];
  const failures: string[] = [];
  try {
    for (let i = 0; i < 12; i += 1) {
      const schema = `${RUN}_${i}`;
      ours.push(schema);
      const store = await createRequestStore(DATABASE_URL, { schema });
      try {
        await store.migrate();
        await store.migrate();
      } catch (err) {
        failures.push(err instanceof Error ? err.message : String(err));
      } finally {
        await store.close();
      }
    }
  } finally {
    finished = true;
  }
  const churned = (await Promise.all(churners)).reduce((a, b) => a + b, 0);
  expect(churned).toBeGreaterThan(0);
  expect(failures).toEqual([]);
});
