// `npm start` (license-doctor serve) with no configuration: the sandbox, the server's health, readiness and metrics,
// the demo page, a clean stop on SIGTERM — and a clear refusal to start when the store is unreachable.
import { spawn, type ChildProcess } from 'node:child_process';
import { startSandbox } from '../../src/sandbox/start-sandbox.ts';
import { BIN, cliDataDir, cliEnv, ROOT, runCliProcess } from '../support/run-cli-process.ts';

jest.setTimeout(60_000);

function startServe(env: Record<string, string>): { child: ChildProcess; url: Promise<string>; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /is running on (http:\/\/localhost:\d+)/.exec(output);
      if (m?.[1]) resolve(m[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return { child, url, output: () => output };
}

test('starts on the sandbox, answers health, readiness and metrics, serves the demo, and stops cleanly', async () => {
  const serve = startServe(cliEnv(cliDataDir(), { PORT: '0', LOG_LEVEL: 'warn' }));
  try {
    const url = await serve.url;
    expect(serve.output()).toContain('Mode: SANDBOX: the built-in Contoso tenant (fake data)');
    expect(serve.output()).toContain('Listening on 127.0.0.1.');
    expect(serve.output()).toMatch(/npx license-doctor diagnose adele\.vance@contoso\.com/);

    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', mode: 'sandbox', store: 'ok', readOnly: false, teamsUnauthenticated: true, work: { running: 0, queued: 0, concurrency: 64, limit: 512 }, permissions: { diagnose: 'ok', plan: 'ok' } });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^license_doctor_http_request_duration_seconds_count\{route="\/readyz",method="GET",status="200"\} 1$/m);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('License Doctor');
    expect((await fetch(`${url}/no/such/route`)).status).toBe(404);
    const after = await (await fetch(`${url}/metrics`)).text();
    expect(after).toMatch(/^license_doctor_http_request_duration_seconds_count\{route="\/",method="GET",status="200"\} 1$/m);
    expect(after).toMatch(/^license_doctor_http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} 1$/m);
  } finally {
    const exited = new Promise<number | null>((resolve) => serve.child.on('exit', (code) => resolve(code)));
    serve.child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
});

test('live mode says so, and warns when HELPDESK_GROUP_ID is unset (everyone may diagnose); not once it is set', async () => {
  const tenant = await startSandbox();
  const live = { GRAPH_BASE_URL: tenant.endpoints.graphBaseUrl, GRAPH_ACCESS_TOKEN: tenant.endpoints.graphToken, OKTA_ORG_URL: tenant.endpoints.oktaOrgUrl, OKTA_API_TOKEN: tenant.endpoints.oktaToken, SANDBOX: '', PORT: '0', LOG_LEVEL: 'warn' };
  try {
    for (const [extra, warned] of [[{}, true], [{ HELPDESK_GROUP_ID: '0a1b2c3d-7777-8888-9999-444455556666' }, false]] as const) {
      const serve = startServe(cliEnv(cliDataDir(), { ...live, ...extra }));
      try {
        await serve.url;
        expect(serve.output()).toContain('Mode: LIVE: Microsoft Graph');
        expect(serve.output().includes('HELPDESK_GROUP_ID is not set: everyone in the Slack workspace or Teams tenant may diagnose any user')).toBe(warned);
      } finally {
        const exited = new Promise<number | null>((resolve) => serve.child.on('exit', (code) => resolve(code)));
        serve.child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    }
  } finally {
    await tenant.close();
  }
});

test('explicit mode: a chat credential without Graph/Okta settings refuses to start instead of running the sandbox', async () => {
  const run = await runCliProcess(['serve'], cliEnv(cliDataDir(), { SANDBOX: '', PORT: '0', SLACK_BOT_TOKEN: 'xoxb-secret-1', SLACK_SIGNING_SECRET: 'sig-secret-1', SLACK_APPROVALS_CHANNEL: 'C1' }));
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/Graph and Okta settings are missing .* SLACK_BOT_TOKEN is set/);
  expect(run.stderr + run.stdout).not.toMatch(/secret-1/);
});

test('a port already in use is a clear configuration error (exit 2)', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '0.0.0.0', () => resolve()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const run = await runCliProcess(['serve'], cliEnv(cliDataDir(), { PORT: String(port), LOG_LEVEL: 'silent' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`license-doctor: Port ${port} is already in use: stop the other process, or set PORT to a free port.`);
  } finally {
    blocker.close();
  }
});

test('refuses to start when the store cannot be reached, saying what to check (and never the password)', async () => {
  const run = await runCliProcess(['serve'], cliEnv(cliDataDir(), { PORT: '0', DATABASE_URL: 'postgres://ld:s3cret-pass@127.0.0.1:9/license_doctor' }));
  expect(run.code).not.toBe(0);
  expect(run.stderr).toMatch(/license-doctor: .*(PostgreSQL|database)/i);
  expect(run.stderr + run.stdout).not.toContain('s3cret-pass');
});
