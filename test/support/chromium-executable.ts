// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's package, else the build shipped inside the npm
// package @sparticuz/chromium (nothing is downloaded: the binary, its fonts and its NSS libraries are in the package).
// CHROMIUM_PATH=bundled forces the shipped build, so a machine with a system Chromium can test that path too.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import chromium from '@sparticuz/chromium';

/** Debian's `chromium` package puts it here. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumExecutable {
  readonly path: string;
  /** Added to the browser's environment (the shipped build's libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
  readonly source: 'CHROMIUM_PATH' | 'system' | 'bundled';
}

/** Where the browser comes from, without unpacking anything. */
export function chromiumSource(env: NodeJS.ProcessEnv = process.env): ChromiumExecutable['source'] {
  const configured = env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '' && configured !== 'bundled') return 'CHROMIUM_PATH';
  if (configured !== 'bundled' && existsSync(SYSTEM_CHROMIUM)) return 'system';
  return 'bundled';
}

interface LambdaFs {
  inflate(file: string): Promise<string>;
}

/** Unpacks the shipped build into the OS temp dir (about 3 s the first time; later calls find it there). */
async function bundledChromium(): Promise<ChromiumExecutable> {
  const path = await chromium.executablePath();
  // The package unpacks its NSS libraries only on Amazon Linux; a fresh Debian or Ubuntu lacks them as well, so they
  // are unpacked here too, with the package's own helper (not exported; the version is pinned in package.json).
  const packageDir = dirname(dirname(require.resolve('@sparticuz/chromium')));
  const lambdaFs = (await import(join(packageDir, 'build', 'lambdafs.js'))) as LambdaFs;
  const libraries = join(await lambdaFs.inflate(join(packageDir, 'bin', 'al2023.tar.br')), 'lib');
  const inherited = process.env['LD_LIBRARY_PATH'];
  return {
    path,
    env: { LD_LIBRARY_PATH: inherited ? `${libraries}:${inherited}` : libraries, FONTCONFIG_PATH: join(tmpdir(), 'fonts') },
    source: 'bundled',
  };
}

/** The Chromium to launch (see the file comment); throws when CHROMIUM_PATH names a file that is not there. */
export async function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumExecutable> {
  const source = chromiumSource(env);
  if (source === 'bundled') return bundledChromium();
  const path = source === 'system' ? SYSTEM_CHROMIUM : (env['CHROMIUM_PATH'] ?? '');
  if (!existsSync(path)) throw new Error(`CHROMIUM_PATH is ${path}, and there is no file there. Unset it to use the system Chromium or the one shipped in node_modules, or set CHROMIUM_PATH=bundled.`);
  return { path, env: {}, source };
}
