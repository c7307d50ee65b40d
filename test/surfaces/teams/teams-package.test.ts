// The Teams app package: manifest/teams/manifest.json, filled in as `npm run package:teams` fills it, validated
// offline against the official schema bundled in @microsoft/app-manifest; the icons' sizes and the outline icon's
// white-on-transparent pixels; and the package script itself, run as a user runs it.
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { isLicenseDoctorError } from '../../../src/core/errors.ts';
import { pngSize, TEAMS_ICONS } from '../../../src/surfaces/teams/manifest/png-size.ts';
import { manifestValues, renderManifest } from '../../../src/surfaces/teams/manifest/render-manifest.ts';

const root = resolve(__dirname, '..', '..', '..');
const dir = join(root, 'manifest', 'teams');
const template = readFileSync(join(dir, 'manifest.json'), 'utf8');
const CLIENT_ID = '22222222-3333-4444-5555-666666666666';
const ENV = { TEAMS_CLIENT_ID: CLIENT_ID, TEAMS_BOT_DOMAIN: 'license-doctor.contoso.com' };

const rendered = () => renderManifest(template, manifestValues(ENV, '0.1.0'));

describe('manifest', () => {
  test('is valid against the official schema of its version (bundled, offline)', async () => {
    const manifest = rendered();
    expect(manifest.$schema).toMatch(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest)).toEqual([]);
  });

  test('the validator does catch mistakes (so the test above can fail)', async () => {
    const manifest = rendered() as { bots: { scopes: string[] }[]; accentColor: string };
    const broken = { ...manifest, accentColor: 'blue', bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] };
    const errors = await AppManifestUtils.validateAgainstSchema(broken as unknown as AppManifest);
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/scopes/);
  });

  test('a bot in personal, team and group chat scopes, with diagnose and help commands, on the bot\'s domain', () => {
    const manifest = rendered() as Record<string, unknown> & { bots: Record<string, unknown>[] };
    expect(manifest.id).toBe(CLIENT_ID);
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots[0] as { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] };
    expect(bot.botId).toBe(CLIENT_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.commandLists.flatMap((l) => l.commands.map((c) => c.title))).toEqual(['diagnose', 'help']);
    expect(manifest.validDomains).toEqual(['license-doctor.contoso.com']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  test('placeholders are filled JSON-safely; unknown ones and missing settings are refused, each named', () => {
    const values = manifestValues({ ...ENV, TEAMS_DEVELOPER_NAME: 'Contoso "IT"', TEAMS_BOT_DOMAIN: 'https://bot.contoso.com/api/messages' }, '1.2.3');
    expect(values.TEAMS_BOT_DOMAIN).toBe('bot.contoso.com');
    expect((renderManifest(template, values).developer as { name: string }).name).toBe('Contoso "IT"');
    expect(() => renderManifest('{"x": "{{NOT_A_SETTING}}"}', values)).toThrow(/NOT_A_SETTING/);
    let thrown: unknown;
    try {
      manifestValues({ TEAMS_CLIENT_ID: 'not-a-guid' }, '0.1.0');
    } catch (err) {
      thrown = err;
    }
    expect(isLicenseDoctorError(thrown, 'configuration')).toBe(true);
    expect(String((thrown as Error).message)).toMatch(/TEAMS_CLIENT_ID[\s\S]*TEAMS_BOT_DOMAIN/);
  });
});

/** RGBA pixels of an 8-bit RGBA, non-interlaced PNG (what the icons are). */
function rgbaPixels(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const size = pngSize(png);
  if (!size) throw new Error('not a PNG');
  expect([png[24], png[25], png[28]]).toEqual([8, 6, 0]); // bit depth 8, colour type RGBA, no interlace
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = size.width * 4;
  const pixels = new Uint8Array(stride * size.height);
  for (let y = 0; y < size.height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? pixels[y * stride + x - 4] ?? 0 : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] ?? 0 : 0;
      const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] ?? 0 : 0;
      const paeth = () => {
        const p = left + up - upLeft;
        const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return a <= b && a <= c ? left : b <= c ? up : upLeft;
      };
      const predictor = [0, left, up, Math.floor((left + up) / 2), paeth()][filter ?? 0] ?? 0;
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { ...size, pixels };
}

describe('icons', () => {
  test.each(Object.entries(TEAMS_ICONS))('%s is %o', (name, size) => {
    expect(pngSize(readFileSync(join(dir, name)))).toEqual(size);
  });

  test('the outline icon is white on transparent, and not empty', () => {
    const { pixels } = rgbaPixels(readFileSync(join(dir, 'outline.png')));
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a === 0) continue;
      expect([r, g, b]).toEqual([255, 255, 255]);
      opaque++;
    }
    expect(opaque).toBeGreaterThan(50);
  });

  test('the color icon is opaque where it draws', () => {
    const { pixels, width } = rgbaPixels(readFileSync(join(dir, 'color.png')));
    const centre = (width / 2) * 4 * width + (width / 2) * 4;
    expect(pixels[centre + 3]).toBe(255);
  });
});

function runPackageScript(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TEAMS_') && k !== 'NODE_OPTIONS'));
    execFile(process.execPath, [join(root, 'scripts', 'package-teams.ts'), ...args], { cwd: root, env: { ...clean, ...env } }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run package:teams', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('builds a zip with the filled manifest and both icons at its root', async () => {
    const zipPath = join(out, 'app.zip');
    const run = await runPackageScript(['--out', zipPath], ENV);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain(zipPath);
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await (zip.file('manifest.json')?.async('string') ?? Promise.resolve('{}'))) as Record<string, unknown>;
    expect(manifest.id).toBe(CLIENT_ID);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest)).toEqual([]);
  });

  test('without the bot\'s client id and domain it stops with exit code 2 and says what to set', async () => {
    const run = await runPackageScript(['--out', join(out, 'never.zip')], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/TEAMS_CLIENT_ID/);
    expect(run.stderr).toMatch(/TEAMS_BOT_DOMAIN/);
  });
});
