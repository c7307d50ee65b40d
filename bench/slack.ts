// npm run bench:slack — 200 concurrent, correctly signed slash commands at /slack/events while the sandbox answers
// every Graph and Okta call in 200 ms: how soon each diagnosis is posted against the floor (two sequential round
// trips), diagnoses per second, the acknowledgement against a no-op route in the same run (Slack allows 3 s; the ack
// must never wait for the diagnosis), and the bot's event-loop lag. Goals in bench/load-report.ts.
//
// Slack's side (the load generator and the fake Web API the bot posts to) runs in a child process, as Slack runs on
// other machines: measured in the bot's process, the generator's own HTTP client would dominate the numbers.
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { SCENARIOS } from '../src/sandbox/seed.ts';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import { SlackTestClient } from '../test/fakes/slack-test-client.ts';
import { BOT_TOKEN, CHANNELS, SIGNING_SECRET, SLACK_CHANNELS, SLACK_USERS, slackEnv, USERS } from '../test/surfaces/slack/slack-harness.ts';
import { setLatency, startBenchBot, startBenchTenant } from './bench-app.ts';
import { CONCURRENCY, LATENCY_MS, measuredBurst, report } from './load-report.ts';


type Fire = { type: 'fire'; eventsUrl: string; count: number; queries: string[]; wait: boolean };
type Latency = { type: 'latency'; ms: number };
type Result = { type: 'result'; acks: number[]; statuses: number[]; posted: number[] };

/** Slack's side and the tenant: the fake Web API, the stand-in Graph and Okta, and bursts of signed slash commands. */
async function slackSide(): Promise<void> {
  const fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
  const tenant = await startBenchTenant();
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  const send = process.send?.bind(process);
  if (!send) throw new Error('run through npm run bench:slack');
  const post = (url: URL, body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const ms = performance.now() - started;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms }));
      });
      req.on('error', reject);
      req.end(body);
    });
  process.on('message', (message: Fire | Latency | { type: 'exit' }) => {
    if (message.type === 'exit') {
      agent.destroy();
      void Promise.all([fake.close(), tenant.sandbox.close()]).then(() => process.exit(0));
      return;
    }
    if (message.type === 'latency') {
      setLatency(tenant.sandbox, message.ms);
      send({ type: 'latency-set' });
      return;
    }
    void (async () => {
      const client = new SlackTestClient({ eventsUrl: message.eventsUrl, signingSecret: SIGNING_SECRET, fake });
      const url = new URL(message.eventsUrl);
      const bodies = Array.from({ length: message.count }, (_, i) => client.slashCommandBody(USERS.agent, message.queries[i % message.queries.length] ?? '', CHANNELS.helpdesk));
      const diagnoses = () => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNELS.helpdesk);
      const before = diagnoses().length;
      const started = performance.now();
      const results = await Promise.all(bodies.map((b) => post(url, b, client.sign(b))));
      if (message.wait) await fake.waitFor(() => diagnoses().length >= before + message.count, 'every diagnosis to be posted', 120_000);
      const posted = diagnoses().slice(before).map((c) => c.at - started);
      send({ type: 'result', acks: results.map((r) => r.ms), statuses: results.map((r) => r.status), posted } satisfies Result);
    })();
  });
  send({ type: 'ready', apiUrl: fake.apiUrl, tenantEnv: tenant.env });
}

const next = <T>(child: ChildProcess, type: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the Slack side exited (${code})`)));
  });

async function main(): Promise<void> {
  const child = fork(process.argv[1] ?? 'bench/slack.ts', ['--slack-side'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { apiUrl, tenantEnv } = await next<{ apiUrl: string; tenantEnv: Record<string, string> }>(child, 'ready');
  let vendorRequests = 0;
  const app = await startBenchBot({ ...tenantEnv, ...slackEnv(apiUrl) }, () => (vendorRequests += 1));
  const latency = async (ms: number) => {
    child.send({ type: 'latency', ms } satisfies Latency);
    await next(child, 'latency-set');
  };
  const eventsUrl = `${app.url}/slack/events`;
  const queries = SCENARIOS.map((s) => s.userPrincipalName);
  try {
    // Warm-up without latency (JIT, keep-alive connections, Bolt's cached auth.test, users.info).
    child.send({ type: 'fire', eventsUrl, count: 20, queries, wait: true } satisfies Fire);
    await next<Result>(child, 'result');
    await app.runtime.services.idle();
    await latency(LATENCY_MS);
    // The no-op route: the same burst at a path that does nothing (the server answers 404), in this run.
    child.send({ type: 'fire', eventsUrl: `${app.url}/slack/nothing`, count: CONCURRENCY, queries, wait: false } satisfies Fire);
    const noop = await next<Result>(child, 'result');
    vendorRequests = 0;
    const { result, lagMaxMs, queuePeak } = await measuredBurst(() => app.runtime.services.workload().queued, async () => {
      child.send({ type: 'fire', eventsUrl, count: CONCURRENCY, queries, wait: true } satisfies Fire);
      return next<Result>(child, 'result');
    });
    const ok = report({
      surface: 'Slack (signed slash commands at /slack/events)', acks: result.acks, noopAcks: noop.acks, posted: result.posted,
      failed: result.statuses.filter((s) => s !== 200).length, lagMaxMs, vendorRequests, queuePeak,
    });
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.send({ type: 'exit' });
    await app.close();
  }
}

if (process.argv.includes('--slack-side')) await slackSide();
else await main();
