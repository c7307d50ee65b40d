// license-doctor sandbox --users N --seed S serves a generated tenant of that size; the same seed gives the same tenant.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BIN, cliDataDir, cliEnv, ROOT } from '../../support/run-cli-process.ts';

async function usersOf(seed: string): Promise<string[]> {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--users', '300', '--seed', seed, '--json'], { cwd: ROOT, env: cliEnv(cliDataDir()), stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout });
    let first = '';
    for await (const line of lines) {
      first = line;
      break;
    }
    const e = JSON.parse(first) as { graphBaseUrl: string; graphToken: string };
    const res = await fetch(`${e.graphBaseUrl}/users?$select=userPrincipalName&$top=999`, { headers: { authorization: `Bearer ${e.graphToken}` } });
    const body = (await res.json()) as { value: Array<{ userPrincipalName: string }> };
    return body.value.map((u) => u.userPrincipalName);
  } finally {
    child.kill('SIGTERM');
  }
}

it('serves a generated tenant of the size asked for, the same for the same seed', async () => {
  const [a, b, c] = await Promise.all([usersOf('3'), usersOf('3'), usersOf('4')]);
  expect(a).toHaveLength(300);
  expect(b).toEqual(a);
  expect(c).not.toEqual(a);
}, 120_000);
