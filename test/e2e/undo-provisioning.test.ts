// The undo of path 2 from the command line (the real `license-doctor` child processes on a sandbox tenant of their
// own): provisioning turned off for Grady, then turned back on with a plan of its own that needs two approvals, runs,
// and is verified against the tenant; Okta's provisioning connection is ENABLED again and the conflict is back.
import { rmSync } from 'node:fs';
import { PERSONAS } from '../../src/sandbox/seed.ts';
import { cliDataDir, cliEnv, runCliProcess, type CliRun } from '../support/run-cli-process.ts';

jest.setTimeout(180_000);

const dir = cliDataDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = cliEnv(dir);
const cli = (args: readonly string[]): Promise<CliRun> => runCliProcess(args, env);
const json = (run: CliRun): Record<string, unknown> => {
  if (run.code !== 0) throw new Error(`exit ${String(run.code)}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
};
const GRADY = 'grady.archie@contoso.com';

async function requestAndApprove(path: string): Promise<Record<string, unknown>> {
  const asked = json(await cli(['request', GRADY, '--path', path, '--as', PERSONAS.agent, '--reason', `Test: ${path}`, '--acknowledge-removal', '--json']));
  expect(asked).toMatchObject({ status: 'pending', path, scope: 'app', approvalsRequired: 2 });
  const id = String(asked['id']);
  expect(json(await cli(['approve', id, '--as', PERSONAS.approver, '--json']))).toMatchObject({ status: 'pending' });
  return json(await cli(['approve', id, '--as', PERSONAS.secondApprover, '--json']));
}

test('path 2, then its undo: provisioning back on through a plan with two approvals, verified', async () => {
  expect(await requestAndApprove('entra-owns-licenses')).toMatchObject({ status: 'succeeded' });
  expect(json(await cli(['diagnose', GRADY, '--json']))).toMatchObject({ verdict: 'okta-provisioning-disabled', okta: { provisioning: 'disabled' } });
  const text = await cli(['diagnose', GRADY]);
  expect(text.stdout).toContain(`To turn Okta's provisioning back on: license-doctor plan ${GRADY} --path okta-provisioning-on`);

  const plan = json(await cli(['plan', GRADY, '--path', 'okta-provisioning-on', '--json']));
  expect(plan).toMatchObject({ path: 'okta-provisioning-on', scope: 'app', approvalsRequired: 2 });
  expect((plan['steps'] as Array<{ kind: string }>).map((s) => s.kind)).toEqual(['okta-activate-provisioning', 'verify']);

  const done = await requestAndApprove('okta-provisioning-on');
  expect(done).toMatchObject({
    status: 'succeeded',
    outcome: { status: 'succeeded', message: "Verified: Okta's provisioning of Microsoft Office 365 is on again, so Okta pushes profiles and licenses." },
  });
  expect((done['plan'] as { steps: Array<{ kind: string; status: string }> }).steps.map((s) => [s.kind, s.status])).toEqual([
    ['okta-activate-provisioning', 'succeeded'], ['verify', 'succeeded'],
  ]);
  const after = json(await cli(['diagnose', GRADY, '--json']));
  expect(after).toMatchObject({ okta: { provisioning: 'enabled' } });
  expect(after['verdict']).not.toBe('okta-provisioning-disabled');

  // Nothing left to undo: a second plan is refused with the reason.
  const again = await cli(['plan', GRADY, '--path', 'okta-provisioning-on']);
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('license-doctor: No plan for okta-provisioning-on: Provisioning of Microsoft Office 365 is already on in Okta: there is nothing to turn back on.');
});
