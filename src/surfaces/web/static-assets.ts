// The page and its files: src/surfaces/web/public (HTML, CSS, plain ES modules: no build step) and the official
// Adaptive Cards renderer from node_modules (adaptivecards/dist/adaptivecards.min.js). Nothing comes from a CDN, so
// the demo works offline. Like ./data, the files are found from the working directory (the repository root).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The renderer bundle the page loads. */
const RENDERER_MODULE = 'adaptivecards/dist/adaptivecards.min.js';

const PUBLIC_DIR = join('src', 'surfaces', 'web', 'public');
/** Only flat names of known types are served: no paths, so nothing outside the folder can be asked for. */
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(html|css|js|svg)$/;
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/** What the page may load and connect to: only this server (no inline scripts, no other origin). */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The folder holding `src/surfaces/web/public`: the working directory or the nearest parent that has it. */
export function findAppRoot(from: string = process.cwd()): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, PUBLIC_DIR, 'index.html'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

export interface StaticAssets {
  /** Serves asset `name` of the public folder (404 for anything else). */
  serveAsset(res: ServerResponse, name: string): Promise<void>;
  /** Serves the Adaptive Cards renderer bundle. */
  serveRenderer(res: ServerResponse): Promise<void>;
  /** Where the renderer was found, or why not (readiness). */
  rendererStatus(): string;
}

function notFound(res: ServerResponse, message: string): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(message);
}

function send(res: ServerResponse, type: string, body: Buffer, cache: string): void {
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': cache, ...PAGE_HEADERS });
  res.end(body);
}

/** The demo's static files under `root` (default: found from the working directory). */
export function staticAssets(root: string | null = findAppRoot()): StaticAssets {
  let renderer: Buffer | null = null;
  const rendererPath = (): string | null => {
    if (!root) return null;
    try {
      return createRequire(join(root, 'package.json')).resolve(RENDERER_MODULE);
    } catch {
      return null;
    }
  };
  return {
    serveAsset: async (res, name) => {
      if (!root) return notFound(res, `The demo page's files (${PUBLIC_DIR}) were not found: start License Doctor from the repository root.`);
      if (!ASSET_NAME.test(name)) return notFound(res, `No demo asset ${name}.`);
      const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
      let body: Buffer;
      try {
        body = await readFile(join(root, PUBLIC_DIR, name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return notFound(res, `No demo asset ${name}.`);
        throw err;
      }
      // Small files, read on every request: an edited page shows on reload.
      send(res, type, body, 'no-cache');
    },
    serveRenderer: async (res) => {
      if (!renderer) {
        const path = rendererPath();
        if (!path) return notFound(res, `The Adaptive Cards renderer (${RENDERER_MODULE}) is not installed: run npm ci (it is in the adaptivecards package).`);
        renderer = await readFile(path);
      }
      send(res, CONTENT_TYPES.js ?? 'text/javascript', renderer, 'public, max-age=3600');
    },
    rendererStatus: () => (rendererPath() ? 'ok' : `missing: ${RENDERER_MODULE} (npm ci installs it)`),
  };
}
