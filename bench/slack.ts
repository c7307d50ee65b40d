// npm run bench:slack — time to acknowledge under load: 100 concurrent, correctly signed slash commands at
// /slack/events while the sandbox answers every Graph and Okta call slowly (300 ms). Slack allows 3 s; the target is
// p99 under 100 ms, which holds only if the ack never waits for the diagnosis. Then how long the diagnoses took to be
// posted (they do wait for Graph and Okta).
//
// Slack's side (the load generator and the fake Web API the bot posts to) runs in a child process, as Slack runs on
// other machines: measured in the bot's process, the generator's own HTTP client would dominate the numbers.
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { SCENARIOS } from '../src/sandbox/seed.ts';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import { SlackTestClient } from '../test/fakes/slack-test-client.ts';
import { BOT_TOKEN, CHANNELS, SIGNING_SECRET, SLACK_CHANNELS, SLACK_USERS, slackEnv, USERS } from '../test/surfaces/slack/slack-harness.ts';
import { startTestApp } from '../test/support/start-test-app.ts';

const CONCURRENCY = 100;
const LATENCY_MS = 300;
const TARGET_P99_MS = 100;

type Fire = { type: 'fire'; eventsUrl: string; count: number; queries: string[]; wait: boolean };
type Result = { type: 'result'; acks: number[]; statuses: number[]; posted: number[] };

/** Slack's side: the fake Web API, and bursts of signed slash commands on request. */
async function slackSide(): Promise<void> {
  const fake = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
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
  process.on('message', (message: Fire | { type: 'exit' }) => {
    if (message.type === 'exit') {
      agent.destroy();
      void fake.close().then(() => process.exit(0));
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
  send({ type: 'ready', apiUrl: fake.apiUrl });
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

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const line = (values: readonly number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms   p95 ${percentile(values, 95).toFixed(1)} ms   p99 ${percentile(values, 99).toFixed(1)} ms   max ${Math.max(...values).toFixed(1)} ms`;

async function main(): Promise<void> {
  const child = fork(process.argv[1] ?? 'bench/slack.ts', ['--slack-side'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { apiUrl } = await next<{ apiUrl: string }>(child, 'ready');
  const app = await startTestApp({ env: slackEnv(apiUrl) });
  const sandbox = app.runtime.sandbox;
  if (!sandbox) throw new Error('the benchmark needs the sandbox tenant');
  const eventsUrl = `${app.url}/slack/events`;
  const queries = SCENARIOS.map((s) => s.userPrincipalName);
  try {
    // Warm-up without latency (JIT, keep-alive connections, Bolt's cached auth.test).
    child.send({ type: 'fire', eventsUrl, count: 20, queries, wait: true } satisfies Fire);
    await next<Result>(child, 'result');
    await app.runtime.services.idle();
    sandbox.graph.faults.baseLatencyMs = LATENCY_MS;
    sandbox.okta.faults.baseLatencyMs = LATENCY_MS;
    // The floor on this machine: the same burst at a route that does nothing (the server answers 404).
    child.send({ type: 'fire', eventsUrl: `${app.url}/slack/nothing`, count: CONCURRENCY, queries, wait: false } satisfies Fire);
    const floor = await next<Result>(child, 'result');
    child.send({ type: 'fire', eventsUrl, count: CONCURRENCY, queries, wait: true } satisfies Fire);
    const result = await next<Result>(child, 'result');
    const failed = result.statuses.filter((s) => s !== 200);
    const ok = failed.length === 0 && percentile(result.acks, 99) < TARGET_P99_MS;
    console.log(`Slack: ${CONCURRENCY} concurrent signed slash commands, ${LATENCY_MS} ms injected into every Graph and Okta call.`);
    console.log(`\nTime to acknowledge (HTTP 200 from /slack/events)${failed.length > 0 ? ` — ${failed.length} answered otherwise: ${[...new Set(failed)].join(', ')}` : ''}`);
    console.log(`  ${line(result.acks)}`);
    console.log(`  p99 under ${TARGET_P99_MS} ms: ${ok ? 'yes' : 'NO'}`);
    console.log(`  (floor: the same burst at a route that does nothing: ${line(floor.acks)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs)`);
    console.log('\nTime until each diagnosis was posted in the channel (from the first command sent)');
    console.log(`  ${line(result.posted)}`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    sandbox.graph.faults.baseLatencyMs = 0;
    sandbox.okta.faults.baseLatencyMs = 0;
    child.send({ type: 'exit' });
    await app.close();
  }
}

if (process.argv.includes('--slack-side')) await slackSide();
else await main();
