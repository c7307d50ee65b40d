// The services every chat surface calls: identical concurrent diagnoses cost one vendor round, each asker is still
// audited; the per-person limit answers kindly; the queue's load is visible.
import { PERSONAS, SCENARIOS } from '../../src/sandbox/seed.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../support/test-runtime.ts';

const ADELE = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';
let rt: SandboxRuntime;

beforeAll(async () => {
  rt = await startSandboxRuntime({ env: { DIAGNOSES_PER_MINUTE: '3', WORK_CONCURRENCY: '4', WORK_QUEUE_LIMIT: '50' } });
});

afterAll(async () => {
  await rt.close();
});

test('five people asking about the same user at once share one vendor round; each is audited', async () => {
  const single = await (async () => {
    rt.requests.length = 0;
    await rt.services.diagnose(SCENARIOS[1]?.userPrincipalName ?? '');
    return rt.requests.length;
  })();
  rt.requests.length = 0;
  const askers = ['a1@contoso.com', 'a2@contoso.com', 'a3@contoso.com', 'a4@contoso.com', 'a5@contoso.com'];
  const outcomes = await Promise.all(askers.map((a) => rt.services.diagnose(ADELE, { upnOrId: a, surface: 'teams' })));
  expect(outcomes.every((o) => o.kind === 'diagnosis')).toBe(true);
  expect(rt.requests.length).toBeLessThanOrEqual(single + 2);
  await rt.services.idle();
  const audited = (await rt.store.audit()).filter((e) => e.action === 'diagnosed' && e.data.target === ADELE);
  expect(audited.map((e) => e.actor).sort()).toEqual(askers);
});

test('the per-person limit refuses the fourth diagnosis in a minute with a friendly answer, others are not affected', async () => {
  const agent = { upnOrId: PERSONAS.agent, surface: 'slack' as const };
  for (let i = 0; i < 3; i += 1) await rt.services.diagnose(ADELE, agent);
  await expect(rt.services.diagnose(ADELE, agent)).rejects.toMatchObject({ code: 'throttled', message: expect.stringMatching(/3 diagnoses in the last minute.*try again in \d+ s/) });
  await expect(rt.services.diagnose(ADELE, { upnOrId: PERSONAS.approver, surface: 'slack' })).resolves.toMatchObject({ kind: 'diagnosis' });
  expect(rt.services.workload()).toEqual({ running: 0, queued: 0, concurrency: 4, limit: 50 });
});
