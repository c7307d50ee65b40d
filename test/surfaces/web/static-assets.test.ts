// Where the page's files are found: the working directory or a parent of it (npm scripts run at the package root;
// a command run from a subfolder still finds them), and what the server says when they are not there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findAppRoot, staticAssets } from '../../../src/surfaces/web/static-assets.ts';

const root = resolve(__dirname, '..', '..', '..');

test('the repository root is found from itself and from a folder inside it', () => {
  expect(findAppRoot(root)).toBe(root);
  expect(findAppRoot(join(root, 'src', 'surfaces'))).toBe(root);
});

test('outside a checkout there is no page, and readiness says the renderer is missing', () => {
  const outside = mkdtempSync(join(tmpdir(), 'ld-no-page-'));
  try {
    expect(findAppRoot(outside)).toBeNull();
    expect(staticAssets(null).rendererStatus()).toMatch(/^missing: adaptivecards\/dist\/adaptivecards\.min\.js/);
    expect(staticAssets(root).rendererStatus()).toBe('ok');
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});
