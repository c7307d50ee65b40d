// `license-doctor audit verify | export` with AUDIT_KEY: the keyed chain verifies, exports as JSON lines and CSV, and a
// chain rewritten with every hash recomputed, or truncated behind a checkpoint, is reported (exit 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { auditHash } from '../../../src/adapters/store/audit-chain.ts';
import { createRequestStore } from '../../../src/adapters/store/create-request-store.ts';
import type { AuditRecord } from '../../../src/core/model/journal.ts';
import type { RequestStore } from '../../../src/core/ports/request-store.ts';
import { createRuntime } from '../../../src/main.ts';
import { runCli } from '../../../src/surfaces/cli/run-cli.ts';
import { approver, decided, licenseRequest } from '../../contracts/request-store-fixtures.ts';

jest.setTimeout(60_000);
const dir = mkdtempSync(join(tmpdir(), 'ld-audit-cli-'));
const file = join(dir, 'store.sqlite');
const KEY = 'a-test-audit-key-that-is-long-enough-0123456789';
const env = { SANDBOX: 'true', LOG_LEVEL: 'silent', NO_COLOR: '1', DATABASE_URL: `sqlite:${file}`, SANDBOX_STATE_FILE: join(dir, 'sandbox.json'), AUDIT_KEY: KEY };
let store: RequestStore;
const request = licenseRequest({ reason: '=HYPERLINK("https://evil.example") needs "quotes", commas' });

const note = (action: string, at: string, data: Record<string, unknown> = {}): AuditRecord =>
  ({ at, action, actor: 'approver1@contoso.com', actorDetail: { surface: 'cli', osUser: 'jdoe' }, requestId: request.id, data });

async function cli(args: string[], extra: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { ...env, ...extra }, createRuntime });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  store = await createRequestStore(`sqlite:${file}`, { auditKey: KEY });
  await store.migrate();
  await store.create(request, { audit: [note('request.created', '2026-05-07T12:00:00.000Z', { reason: request.reason })] });
  await store.appendAudit({ ...note('diagnosis.viewed', '2026-05-07T12:10:00.000Z', { query: '-2+3' }), actor: '=cmd|calc' });
  const approved = decided(request, 'approve', approver(1), '2026-05-07T12:30:00.000Z');
  await store.compareAndSet(1, approved, { audit: [note('request.approved', '2026-05-07T12:30:00.000Z')] });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('verify: intact, with what the key and the requests check covered on stderr', async () => {
  expect(await cli(['audit', 'verify'])).toEqual({
    code: 0,
    stdout: 'Audit log intact: 3 entries, every hash chained to the one before.\n',
    stderr: expect.stringContaining('Every MAC checked from entry 1 on (AUDIT_KEY).\n1 requests match the state their last audit entry recorded.'),
  });
  expect(JSON.parse((await cli(['audit', 'verify', '--json'])).stdout)).toEqual({ kind: 'intact', entries: 3, keyedFrom: 1, requests: 1 });
});

test('export: JSON lines by default, each entry with its hash and MAC; --since filters', async () => {
  const all = await cli(['audit', 'export']);
  expect(all.code).toBe(0);
  const lines = all.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toEqual((await store.audit()).map((e) => ({ ...e })));
  expect(lines.map((l) => l['mac'])).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.any(String), expect.any(String)]);
  const later = await cli(['audit', 'export', '--since', '2026-05-07T12:05:00Z']);
  expect(later.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([2, 3]);
  expect((await cli(['audit', 'export', '--since', '2030-01-01T00:00:00Z'])).stdout).toBe('');
});

test('export --format csv: a header, one RFC 4180 row per entry, formula-looking cells defused', async () => {
  const csv = await cli(['audit', 'export', '--format', 'csv']);
  expect(csv.code).toBe(0);
  const rows = csv.stdout.split('\r\n');
  expect(rows[0]).toBe('seq,at,action,actor,actorDetail,requestId,data,prevHash,hash,requestHash,mac');
  expect(rows).toHaveLength(5);
  expect(rows[1]).toMatch(/^1,2026-05-07T12:00:00\.000Z,request\.created,approver1@contoso\.com,"\{""surface"":""cli"",""osUser"":""jdoe""\}",/);
  expect(rows[2]).toMatch(/^2,2026-05-07T12:10:00\.000Z,diagnosis\.viewed,'=cmd\|calc,/);
  expect(rows[1]).toContain('""reason"":""=HYPERLINK(\\""https://evil.example\\"") needs \\""quotes\\"", commas""');
  expect(rows[4]).toBe('');
});

test('bad arguments are usage errors (exit 2)', async () => {
  expect(await cli(['audit', 'export', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--format must be jsonl or csv/) });
  expect(await cli(['audit', 'export', '--since', 'yesterday'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since must be an ISO 8601 time/) });
  expect(await cli(['audit', 'verify', '--checkpoint', '3'])).toMatchObject({ code: 2 });
  expect(await cli(['audit', 'shred'])).toMatchObject({ code: 2 });
});

test('a rewritten chain with every hash recomputed, then a truncated one, fail verification (exit 1)', async () => {
  const head = await store.auditHead();
  if (head === null) throw new Error('the log has entries');
  expect(await cli(['audit', 'verify', '--checkpoint', `${head.seq}:${head.hash}`])).toMatchObject({ code: 0, stdout: expect.stringContaining(`Checkpoint: entry ${head.seq} has the hash the log recorded.`) });

  const db = new Database(file);
  try {
    db.prepare("UPDATE audit_log SET actor = 'mallory@contoso.com' WHERE seq = 3").run();
    let prev = '0'.repeat(64);
    for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, string | number | null>>) {
      const record: AuditRecord = {
        at: String(row['at']), action: String(row['action']), actor: String(row['actor']), actorDetail: JSON.parse(String(row['actor_detail'])) as AuditRecord['actorDetail'],
        requestId: row['request_id'] === null ? null : String(row['request_id']), data: JSON.parse(String(row['data'])) as AuditRecord['data'],
      };
      const hash = auditHash(prev, Number(row['seq']), record, row['request_hash'] === null ? null : String(row['request_hash']));
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row['seq']);
      prev = hash;
    }
    expect(await cli(['audit', 'verify'], { AUDIT_KEY: '' })).toMatchObject({ code: 0 });
    expect(await cli(['audit', 'verify'])).toMatchObject({ code: 1, stdout: expect.stringMatching(/^Audit log BROKEN at entry 3 of 3: its MAC does not match/) });
    expect(await cli(['audit', 'verify', '--checkpoint', `${head.seq}:${head.hash}`])).toMatchObject({ code: 1, stdout: expect.stringContaining('Checkpoint MISMATCH: entry 3') });

    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const truncated = await cli(['audit', 'verify', '--checkpoint', `${head.seq}:${head.hash}`], { AUDIT_KEY: '' });
    expect(truncated).toMatchObject({ code: 1, stdout: expect.stringContaining('Checkpoint MISSING: the log recorded entry 3, the audit table ends at 2: it was truncated.') });
  } finally {
    db.close();
  }
});
