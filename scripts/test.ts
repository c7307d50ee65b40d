// npm test: jest, and beside it, at a lower CPU priority, the static checks (tsc, then eslint, then knip). Most jest
// files wait on child processes, sockets and timers, so the 2-core CI machine has idle CPU the checks can use; niced,
// they take only what jest leaves and do not slow the tests (or the fault suite's load-scaled deadlines). The checks'
// output is printed after jest's, each under its command. Exits non-zero when any of the four failed.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Run by node only (never imported by jest), so import.meta is available here.
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => resolve(root, 'node_modules', '.bin', name);
const CHECKS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['tsc', ['--noEmit', '-p', 'tsconfig.json']],
  ['eslint', ['--max-warnings', '0', '.']],
  ['knip', []],
];

interface Result { readonly label: string; readonly code: number; readonly output: string }

/** Runs one check niced, its output kept for the end. */
function check(name: string, args: readonly string[]): Promise<Result> {
  return new Promise((done) => {
    const child = spawn('nice', ['-n', '5', bin(name), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (err) => done({ label: `${name} ${args.join(' ')}`, code: 1, output: String(err) }));
    child.on('close', (code) => done({ label: `${name} ${args.join(' ')}`.trim(), code: code ?? 1, output }));
  });
}

async function checks(): Promise<Result[]> {
  const results: Result[] = [];
  for (const [name, args] of CHECKS) results.push(await check(name, args));
  return results;
}

function jest(): Promise<number> {
  return new Promise((done) => {
    const nodeOptions = [process.env['NODE_OPTIONS'], '--experimental-vm-modules'].filter(Boolean).join(' ');
    const child = spawn(bin('jest'), process.argv.slice(2), { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
    child.on('error', () => done(1));
    child.on('close', (code) => done(code ?? 1));
  });
}

const [jestCode, results] = await Promise.all([jest(), checks()]);
for (const r of results) {
  process.stdout.write(`\n> ${r.label}: ${r.code === 0 ? 'clean' : `failed (exit ${r.code})`}\n${r.output}`);
}
const failed = [...results.filter((r) => r.code !== 0).map((r) => r.label), ...(jestCode === 0 ? [] : ['jest'])];
process.stdout.write(failed.length === 0 ? '\nnpm test: jest, tsc, eslint and knip passed\n' : `\nnpm test failed: ${failed.join(', ')}\n`);
process.exitCode = failed.length === 0 ? 0 : 1;
