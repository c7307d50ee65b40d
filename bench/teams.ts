// npm run bench:teams — the Teams twin of bench:slack: 200 concurrent message activities at /api/messages (each a
// diagnosis request from an agent's personal chat) while the stand-in tenant answers every Graph and Okta call in
// 200 ms. The bot posts each diagnosis card back to the activity's serviceUrl, a minimal Bot Connector stand-in in the
// child process that stamps when it arrived. Same figures and goals as bench:slack (bench/load-report.ts).
import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { SANDBOX_TENANT_ID, SCENARIOS, seededEntraId } from '../src/sandbox/seed.ts';
import { setLatency, startBenchBot, startBenchTenant } from './bench-app.ts';
import { CONCURRENCY, LATENCY_MS, measuredBurst, report } from './load-report.ts';

type Fire = { type: 'fire'; appUrl: string; path: string; count: number; queries: string[]; wait: boolean };
type Result = { type: 'result'; acks: number[]; statuses: number[]; posted: number[] };

/** The connector stand-in: answers every post with an id and stamps the messages it receives. */
async function startConnector(): Promise<{ url: string; cardsAt: number[]; close(): Promise<void> }> {
  const cardsAt: number[] = [];
  let next = 1;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      // Each diagnosis is one message: a card, or a line of text for a user who does not exist.
      if (req.method === 'POST' && /"type":"message"/.test(body)) cardsAt.push(performance.now());
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cardsAt,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const AGENT = { id: '29:allan-deyoung', name: 'Allan Deyoung', aadObjectId: seededEntraId(20) };

/** A message activity from the agent's personal chat, as Teams posts it. */
const activity = (text: string, serviceUrl: string) => JSON.stringify({
  id: randomUUID(), type: 'message', channelId: 'msteams', serviceUrl, timestamp: new Date().toISOString(), from: AGENT,
  recipient: { id: '28:license-doctor-bot', name: 'License Doctor' },
  conversation: { id: 'a:personal-allan', conversationType: 'personal', tenantId: SANDBOX_TENANT_ID, isGroup: false },
  channelData: { tenant: { id: SANDBOX_TENANT_ID } }, locale: 'en-US', text, textFormat: 'plain',
});

async function teamsSide(): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });
  const post = (url: URL, body: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        const ms = performance.now() - started;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const send = process.send?.bind(process);
  if (!send) throw new Error('run through npm run bench:teams');
  const connector = await startConnector();
  const tenant = await startBenchTenant();
  process.on('message', (message: Fire | { type: 'latency'; ms: number } | { type: 'exit' }) => {
    if (message.type === 'exit') {
      agent.destroy();
      void Promise.all([connector.close(), tenant.sandbox.close()]).then(() => process.exit(0));
      return;
    }
    if (message.type === 'latency') {
      setLatency(tenant.sandbox, message.ms);
      send({ type: 'latency-set' });
      return;
    }
    void (async () => {
      const url = new URL(`${message.appUrl}${message.path}`);
      const bodies = Array.from({ length: message.count }, (_, i) => activity(message.queries[i % message.queries.length] ?? '', connector.url));
      const before = connector.cardsAt.length;
      const started = performance.now();
      const results = await Promise.all(bodies.map((b) => post(url, b)));
      while (message.wait && connector.cardsAt.length < before + message.count) await new Promise((r) => setTimeout(r, 5));
      send({ type: 'result', acks: results.map((r) => r.ms), statuses: results.map((r) => r.status), posted: connector.cardsAt.slice(before).map((at) => at - started) } satisfies Result);
    })();
  });
  send({ type: 'ready', tenantEnv: tenant.env });
}

const next = <T>(child: ChildProcess, type: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      resolve(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the Teams side exited (${code})`)));
  });

async function main(): Promise<void> {
  const child = fork(process.argv[1] ?? 'bench/teams.ts', ['--teams-side'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { tenantEnv } = await next<{ tenantEnv: Record<string, string> }>(child, 'ready');
  let vendorRequests = 0;
  // No Teams credentials here (no Bot Framework to issue tokens): live mode accepts that only with READ_ONLY=true.
  const app = await startBenchBot({ ...tenantEnv, TEAMS_ALLOW_UNAUTHENTICATED: 'true', READ_ONLY: 'true' }, () => (vendorRequests += 1));
  const queries = SCENARIOS.map((s) => s.userPrincipalName);
  const fire = async (path: string, count: number, wait: boolean) => {
    child.send({ type: 'fire', appUrl: app.url, path, count, queries, wait } satisfies Fire);
    return next<Result>(child, 'result');
  };
  try {
    await fire('/api/messages', 20, true);
    await app.runtime.services.idle();
    child.send({ type: 'latency', ms: LATENCY_MS });
    await next(child, 'latency-set');
    // The no-op route: the same burst at a path that does nothing (404), in this run.
    const noop = await fire('/api/nothing', CONCURRENCY, false);
    vendorRequests = 0;
    const { result, lagMaxMs, queuePeak } = await measuredBurst(() => app.runtime.services.workload().queued, () => fire('/api/messages', CONCURRENCY, true));
    const ok = report({
      surface: 'Teams (message activities at /api/messages)', acks: result.acks, noopAcks: noop.acks, posted: result.posted,
      failed: result.statuses.filter((s) => s !== 200).length, lagMaxMs, vendorRequests, queuePeak,
    });
    process.exitCode = ok ? 0 : 1;
  } finally {
    child.send({ type: 'exit' });
    await app.close();
  }
}

if (process.argv.includes('--teams-side')) await teamsSide();
else await main();
