// npm run package:teams [-- --out <file.zip>]: builds the Teams app package to upload (Teams admin center, or
// "Upload a custom app"): manifest/teams/manifest.json with its {{placeholders}} filled from the environment,
// validated offline against the schema bundled in @microsoft/app-manifest, plus the two icons, checked for size.
//   TEAMS_CLIENT_ID=<bot app id> TEAMS_BOT_DOMAIN=license-doctor.contoso.com npm run package:teams
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLicenseDoctorError } from '../src/core/errors.ts';
import { manifestValues, renderManifest } from '../src/surfaces/teams/manifest/render-manifest.ts';
import { pngSize, TEAMS_ICONS } from '../src/surfaces/teams/manifest/png-size.ts';

// Run by node only (never imported by jest), so import.meta is available here.
const root = fileURLToPath(new URL('..', import.meta.url));
const source = resolve(root, 'manifest', 'teams');

function outPath(argv: readonly string[]): string {
  const i = argv.indexOf('--out');
  const given = i >= 0 ? argv[i + 1] : undefined;
  return resolve(process.cwd(), given ?? resolve(root, 'artifacts', 'license-doctor-teams.zip'));
}

async function main(): Promise<number> {
  const pkg = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8')) as { version: string };
  const values = manifestValues(process.env, pkg.version);
  const manifest = renderManifest(await readFile(resolve(source, 'manifest.json'), 'utf8'), values);
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest);
  const zip = new JSZip();
  for (const [name, size] of Object.entries(TEAMS_ICONS)) {
    const bytes = await readFile(resolve(source, name));
    const actual = pngSize(bytes);
    if (!actual || actual.width !== size.width || actual.height !== size.height) {
      problems.push(`${name} must be a ${size.width}×${size.height} PNG${actual ? ` (it is ${actual.width}×${actual.height})` : ''}`);
    }
    zip.file(name, bytes);
  }
  if (problems.length > 0) {
    console.error(`The Teams app package is not valid:\n  - ${problems.join('\n  - ')}`);
    return 1;
  }
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  const out = outPath(process.argv.slice(2));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`Teams app package: ${out} (app id ${values.TEAMS_CLIENT_ID}, version ${values.TEAMS_APP_VERSION}, bot at https://${values.TEAMS_BOT_DOMAIN}/api/messages)`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(isLicenseDoctorError(err) ? err.message : err);
    process.exitCode = isLicenseDoctorError(err, 'configuration') ? 2 : 1;
  },
);
