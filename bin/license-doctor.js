#!/usr/bin/env node
// The license-doctor command. Node 24 runs the TypeScript sources directly (type stripping), so there is no build step.
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 24 || (major === 24 && minor < 9)) {
  process.stderr.write(`license-doctor needs Node.js 24.9 or newer (this is ${process.version}); see the README's "Toolchain".\n`);
  process.exit(2);
}
// `scan` runs with a smaller young generation (src/scan-heap.ts): the process starts again with it, under the same pid
// (execve), so signals, exit codes and the terminal are unchanged.
const { scanRelaunchArgv } = await import('../src/scan-heap.ts');
const relaunch = scanRelaunchArgv(process.argv, process.execArgv, process.env.NODE_OPTIONS);
if (relaunch && typeof process.execve === 'function') process.execve(process.execPath, relaunch, process.env);
// Caches compiled code between runs (in the OS temp folder): the SDKs are large, and a CLI starts often.
module.enableCompileCache?.();
const { runProcessCli } = await import('../src/cli.ts');
process.exitCode = await runProcessCli(process.argv.slice(2));
