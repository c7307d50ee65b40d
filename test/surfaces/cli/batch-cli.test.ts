// `license-doctor batch …` on the sandbox: create from the latest scan (--json shape), usage errors (exit 2), the
// requester's approval refused (exit 4), two approvals run it, `show --json` gives the counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../../src/main.ts';
import { GROUP, PERSONAS } from '../../../src/sandbox/seed.ts';
import { runCli } from '../../../src/surfaces/cli/run-cli.ts';

jest.setTimeout(90_000);
const dir = mkdtempSync(join(tmpdir(), 'ld-batch-cli-'));
const env = { SANDBOX: 'true', LOG_LEVEL: 'silent', NO_COLOR: '1', DATABASE_URL: `sqlite:${join(dir, 'store.sqlite')}`, SANDBOX_STATE_FILE: join(dir, 'sandbox.json') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, createRuntime });
  return { code, stdout, stderr };
}

test('batch create, approve twice, show: JSON with per-user plans and counts; usage and policy exit codes', async () => {
  expect((await cli(['batch', 'create', '--path', '1', '--as', PERSONAS.agent, '--reason', 'x'])).code).toBe(2);
  expect((await cli(['batch', 'create', '--from-scan', '--path', '4', '--as', PERSONAS.agent, '--reason', 'x'])).stderr).toMatch(/--path must be 1, 2 or 3/);
  expect(await cli(['batch', 'create', '--from-scan', '--path', '1', '--as', PERSONAS.agent, '--reason', 'x'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no finished scan/) });
  expect((await cli(['scan'])).code).toBe(0);

  const created = await cli(['batch', 'create', '--from-scan', '--group', GROUP.E3, '--sku', 'SPE_E3', '--path', '1', '--as', PERSONAS.agent, '--reason', 'E3 staff', '--json']);
  expect(created.code).toBe(0);
  const batch = JSON.parse(created.stdout) as { id: string; status: string; approvalsRequired: number; blastRadius: { users: number }; counts: Record<string, number>; users: Array<{ userPrincipalName: string; plan: { steps: string[] } }> };
  expect(batch).toMatchObject({ status: 'pending', approvalsRequired: 2, blastRadius: { users: 4 }, counts: { total: 4, pending: 4 } });
  expect(batch.id).toMatch(/^LD-B[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(batch.users.every((u) => u.plan.steps.length > 0)).toBe(true);

  expect(await cli(['batch', 'approve', batch.id, '--as', PERSONAS.agent])).toMatchObject({ code: 4, stderr: expect.stringMatching(/someone else must approve/) });
  expect((await cli(['batch', 'approve', batch.id, '--as', PERSONAS.approver])).code).toBe(0);
  const ran = await cli(['batch', 'approve', batch.id, '--as', PERSONAS.secondApprover, '--json']);
  expect(ran.code).toBe(0);
  expect(JSON.parse(ran.stdout)).toMatchObject({ status: 'finished', counts: { total: 4, done: 3, manual: 1, failed: 0, pending: 0 } });
  const shown = await cli(['batch', 'show', batch.id]);
  expect(shown.stdout).toMatch(/3 done · 1 manual/);
  expect((await cli(['batch', 'show', 'LD-BNONE-0000'])).code).toBe(2);
  expect((await cli(['audit', 'verify'])).code).toBe(0);
});
