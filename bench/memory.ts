// npm run bench:memory — resident memory (RSS) of an idle `license-doctor serve` in live mode with Slack and Teams
// configured. Graph and Okta are the sandbox servers started as a separate process (`license-doctor sandbox`), as a
// real tenant runs elsewhere; Slack's Web API is the test fake, in this process. Goal (issue 12): ≤ 180 MB. The floor
// printed beside it is an idle bare node process with an HTTP server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GROUP } from '../src/sandbox/seed.ts';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import { SLACK_CHANNELS, SLACK_USERS, BOT_TOKEN, slackEnv } from '../test/surfaces/slack/slack-harness.ts';

const GOAL_MB = 180;
const IDLE_MS = Number(process.env.IDLE_MS ?? 5_000);
const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'bin', 'license-doctor.js');
const data = mkdtempSync(join(tmpdir(), 'ld-bench-memory-'));
const children: ChildProcess[] = [];

/** Starts `node args`, resolves with the child and the first stdout line matching `ready`. */
function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) done({ child, match });
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => fail(new Error(`node ${args.join(' ')} exited ${String(code)} before it was ready:\n${out}\n${err}`)));
  });
}

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** RSS after `IDLE_MS` of idling: the lowest of samples taken each 500 ms over the last half (after start-up's garbage). */
async function idleRss(pid: number | undefined): Promise<number> {
  await sleep(IDLE_MS / 2);
  let least = Number.POSITIVE_INFINITY;
  for (let waited = 0; waited < IDLE_MS / 2; waited += 500) {
    least = Math.min(least, rssMb(pid));
    await sleep(500);
  }
  return least;
}

const base = { ...process.env, NO_COLOR: '1', LOG_LEVEL: 'warn' };
try {
  const sandbox = await start([cli, 'sandbox', '--json'], { ...base, SANDBOX_STATE_FILE: join(data, 'sandbox.json') }, /^(\{.*\})$/m);
  const e = JSON.parse(sandbox.match[1] ?? '{}') as { graphBaseUrl: string; graphToken: string; oktaOrgUrl: string; oktaToken: string };
  const slack = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
  const live = {
    ...base, PORT: '0', DATABASE_URL: `sqlite:${join(data, 'store.sqlite')}`,
    GRAPH_BASE_URL: e.graphBaseUrl, GRAPH_ACCESS_TOKEN: e.graphToken, OKTA_ORG_URL: e.oktaOrgUrl, OKTA_API_TOKEN: e.oktaToken,
    APPROVERS_GROUP_ID: GROUP.APPROVERS, ...slackEnv(slack.apiUrl),
    TEAMS_CLIENT_ID: '22222222-3333-4444-5555-666666666666', TEAMS_CLIENT_SECRET: 'not-a-real-secret', TEAMS_TENANT_ID: '6f1c3c1e-2b4d-4c8e-9a51-5d0c0ffee001',
  };
  const serve = await start([cli, 'serve'], live, /Surfaces: (.*)\n/);
  const floor = await start(['-e', "require('node:http').createServer().listen(0, () => console.log('listening'))"], base, /listening/);
  const [serveMb, floorMb] = await Promise.all([idleRss(serve.child.pid), idleRss(floor.child.pid)]);
  await slack.close();
  console.log(`Idle RSS after ${IDLE_MS / 1000} s (Node ${process.version}):`);
  console.log(`  bare node with an HTTP server                  ${floorMb.toFixed(0).padStart(5)} MB`);
  console.log(`  license-doctor serve (live; ${serve.match[1] ?? ''})`.padEnd(49) + `${serveMb.toFixed(0).padStart(5)} MB  (goal ≤ ${GOAL_MB} MB) ${serveMb <= GOAL_MB ? 'ok' : 'OVER'}`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
