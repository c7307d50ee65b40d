// npm run bench:startup — how long `license-doctor diagnose` takes from process start to exit when Graph and Okta
// answer at once (0 ms injected), against the floor that matters: importing the Okta SDK alone, measured in the same
// run. Goal (issue 12): diagnose ≤ 1.3× the Okta SDK import. Also: bare node, `--help`, and `diagnose --sandbox`
// (which starts the sandbox tenant in the process). The CLI runs in live mode against sandbox servers started here, in
// this process, as a real tenant runs elsewhere. Each figure is the median of RUNS, after one warm-up (compile cache).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GROUP, SCENARIOS } from '../src/sandbox/seed.ts';
import { startSandbox } from '../src/sandbox/start-sandbox.ts';

const RUNS = Number(process.env.RUNS ?? 9);
const GOAL = 1.3;
const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'bin', 'license-doctor.js');
const user = SCENARIOS[0]?.userPrincipalName ?? 'adele.vance@contoso.com';

const sandbox = await startSandbox();
const data = mkdtempSync(join(tmpdir(), 'ld-bench-startup-'));
const e = sandbox.endpoints;
const live = {
  ...process.env, NO_COLOR: '1', GRAPH_BASE_URL: e.graphBaseUrl, GRAPH_ACCESS_TOKEN: e.graphToken, OKTA_ORG_URL: e.oktaOrgUrl,
  OKTA_API_TOKEN: e.oktaToken, APPROVERS_GROUP_ID: GROUP.APPROVERS, DATABASE_URL: `sqlite:${join(data, 'store.sqlite')}`,
  SANDBOX_STATE_FILE: join(data, 'sandbox.json'),
};

// The compile cache as the CLI enables it, so that the floor and the CLI are compared on equal terms.
const oktaImport = "import m from 'node:module'; m.enableCompileCache?.(); await import('@okta/okta-sdk-nodejs');";
const cases: Array<{ name: string; args: string[]; env?: NodeJS.ProcessEnv }> = [
  { name: 'bare node', args: ['-e', ''] },
  { name: 'import the Okta SDK alone', args: ['--input-type=module', '-e', oktaImport] },
  { name: 'license-doctor --help', args: [cli, '--help'] },
  { name: `license-doctor diagnose (live, 0 ms)`, args: [cli, 'diagnose', user], env: live },
  { name: `license-doctor diagnose --sandbox`, args: [cli, 'diagnose', user, '--sandbox'], env: { ...live, SANDBOX: 'true' } },
];

/** Wall milliseconds from spawn to exit; rejects when the process fails (a broken CLI is not fast). */
function time(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    // Asynchronous: the sandbox servers answer from this process's event loop meanwhile.
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(performance.now() - started);
      else fail(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr}`));
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const samples = new Map(cases.map((c) => [c.name, [] as number[]]));
for (const c of cases) await time(c.args, c.env);
// Interleaved, so that a busy moment of the machine hits every case alike.
for (let i = 0; i < RUNS; i += 1) for (const c of cases) samples.get(c.name)?.push(await time(c.args, c.env));
await sandbox.close();
rmSync(data, { recursive: true, force: true });

const figure = (name: string): number => median(samples.get(name) ?? []);
console.log(`Start-up to exit, median of ${RUNS} runs (Node ${process.version}, Graph and Okta answering at once):`);
for (const c of cases) console.log(`  ${c.name.padEnd(42)} ${figure(c.name).toFixed(0).padStart(6)} ms`);
const ratio = figure(cases[3]?.name ?? '') / figure(cases[1]?.name ?? '');
console.log(`diagnose / Okta SDK import: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×) ${ratio <= GOAL ? 'ok' : 'OVER'}`);
