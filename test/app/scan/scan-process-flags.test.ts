// `license-doctor scan` starts again with the scan's V8 flags (same pid, execve); every other command, and a scan whose
// young generation the operator already sized, runs as started.
import { spawnSync } from 'node:child_process';
import { SCAN_PROCESS_FLAGS, scanRelaunchArgv } from '../../../src/scan-heap.ts';

const NODE = '/usr/bin/node24';

describe('scanRelaunchArgv', () => {
  test('scan: the same command with the flags, after node and before the script', () => {
    expect(scanRelaunchArgv([NODE, '/app/bin/license-doctor.js', 'scan', '--json'], ['--enable-source-maps'], undefined))
      .toEqual([NODE, ...SCAN_PROCESS_FLAGS, '--enable-source-maps', '/app/bin/license-doctor.js', 'scan', '--json']);
  });

  test.each([['diagnose', 'adele.vance@contoso.com'], ['serve'], ['batch', 'create', '--from-scan'], ['--help']])('%s: not started again', (...args) => {
    expect(scanRelaunchArgv([NODE, '/app/bin/license-doctor.js', ...args], [], undefined)).toBeNull();
  });

  test('already started with the flags (the relaunched process itself): not again', () => {
    expect(scanRelaunchArgv([NODE, '/app/bin/license-doctor.js', 'scan'], [...SCAN_PROCESS_FLAGS], undefined)).toBeNull();
  });

  test.each([
    ['the command line', ['--max-semi-space-size=32'], undefined],
    ['the command line (heap size)', ['--max-heap-size=512'], undefined],
    ['NODE_OPTIONS', [], '--enable-source-maps --min-semi-space-size=2'],
  ])('young generation sized by the operator on %s: left as it is', (_where, execArgv, nodeOptions) => {
    expect(scanRelaunchArgv([NODE, '/app/bin/license-doctor.js', 'scan'], execArgv, nodeOptions)).toBeNull();
  });
});

test('the CLI runs scan with the flags under its own pid; other commands start once, as they were', () => {
  // Preloaded into the CLI's process (and kept by the relaunch): once the flags are in effect it prints the pid and the
  // flags and ends the process, so no scan actually runs.
  const probe = `if (process.execArgv.includes('${SCAN_PROCESS_FLAGS[0]}')) { process.stderr.write(JSON.stringify({ pid: process.pid, execArgv: process.execArgv }) + '\\n'); process.exit(0); }`;
  const run = (args: string[]) => {
    const child = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(probe)}`, 'bin/license-doctor.js', ...args], { encoding: 'utf8', timeout: 60_000 });
    return { pid: child.pid, status: child.status, probed: child.stderr.split('\n').filter((l) => l.startsWith('{"pid"')).map((l) => JSON.parse(l) as { pid: number; execArgv: string[] }) };
  };
  const scan = run(['scan', '--sandbox', '--json']);
  expect(scan.probed).toEqual([{ pid: scan.pid, execArgv: expect.arrayContaining([...SCAN_PROCESS_FLAGS]) }]);
  const help = run(['--help']);
  expect(help).toMatchObject({ status: 0, probed: [] });
});
