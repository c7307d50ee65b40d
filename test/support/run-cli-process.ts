// Runs the real `license-doctor` command (bin/license-doctor.js on Node 24) as a child process.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'license-doctor.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A private data folder: sandbox state and SQLite store of one test file. */
export function cliDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'ld-cli-'));
}

/**
 * The environment of a CLI run: no inherited credentials, state under `dataDir`. A store of its own is a sign of a
 * real deployment, so runs without tenant settings ask for the sandbox explicitly (SANDBOX=true).
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'NODE_COMPILE_CACHE', 'npm_config_nodedir'];
  const base = Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k] as string]] : [])));
  const tenantSet = Object.keys(extra).some((k) => /^(GRAPH|AZURE|OKTA)_/.test(k) || k === 'SANDBOX');
  return {
    ...base, NO_COLOR: '1', ...(tenantSet ? {} : { SANDBOX: 'true' }),
    SANDBOX_STATE_FILE: join(dataDir, 'sandbox.json'), DATABASE_URL: `sqlite:${join(dataDir, 'store.sqlite')}`, ...extra,
  };
}

/** Runs `license-doctor ...args` to completion. */
export function runCliProcess(args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
