// The push engine against the real sandbox Graph server (startSandbox wires both), not the stand-in.
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/start-sandbox.ts';
import type { RunningOktaSandbox } from '../../../src/sandbox/okta/start-okta-sandbox.ts';
import { OKTA_APP, SKU, seededEntraId, seededOktaUserId } from '../../../src/sandbox/seed.ts';

let s: RunningSandbox;
beforeEach(async () => {
  s = await startSandbox({ behaviour: { pushDelayMs: 5 } });
});
afterEach(() => s.close());

const appUser = (n: number) => s.tenant.state.okta.apps.find((a) => a.id === OKTA_APP.MAIN)?.appUsers.find((u) => u.userId === seededOktaUserId(n));

async function post(n: number, licenses: string[] | null): Promise<void> {
  const profile = licenses === null ? appUser(n)?.profile : { ...appUser(n)?.profile, licenses };
  const res = await fetch(`${s.okta.url}/api/v1/apps/${OKTA_APP.MAIN}/users/${seededOktaUserId(n)}`, {
    method: 'POST', headers: { Authorization: `SSWS ${s.endpoints.oktaToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ profile }),
  });
  expect(res.status).toBe(200);
  await (s.okta as RunningOktaSandbox).idle();
}

describe('push engine with the sandbox Graph server', () => {
  it('fails with the KB error when Okta would remove a license a group grants', async () => {
    await post(1, null);
    expect(appUser(1)?.syncState).toBe('ERROR');
    expect(JSON.stringify(s.tenant.state.okta.logs[0])).toContain('User license is inherited from a group membership and it cannot be removed directly from the user.');
  });

  it('assigns and removes direct licenses when Okta owns them', async () => {
    await post(9, ['SPE_E3']);
    expect(appUser(9)?.syncState).toBe('SYNCHRONIZED');
    expect(s.tenant.state.graph.users.find((u) => u.id === seededEntraId(9))?.directLicenses.map((l) => l.skuId)).toEqual([SKU.SPE_E3]);
  });
});
