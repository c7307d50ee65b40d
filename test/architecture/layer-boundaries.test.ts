// The layers keep to their side (DESIGN.md "Architecture"): the use cases (app) know no surface, sandbox or adapter;
// surfaces know neither the composition root (main.ts), the Runtime it builds, nor an adapter; and the sandbox is
// never loaded by live code — main.ts loads it with import() in its sandbox branch, and only sandbox-only code (the
// demo page, the `sandbox` command) imports it directly. Type-only imports are erased when Node strips types, so they load nothing.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importsOf, resolveImport, ROOT, SRC, sourceFiles, type SourceImport } from './source-imports.ts';

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');
const under = (file: string, dir: string) => rel(file).startsWith(`src/${dir}/`);

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: SourceImport['kind'];
}

/** Every import between two files of src/. */
const EDGES: readonly Edge[] = sourceFiles(SRC).flatMap((file) =>
  importsOf(readFileSync(file, 'utf8')).flatMap((i) => {
    const target = resolveImport(file, i.spec);
    return target ? [{ from: rel(file), to: rel(target), kind: i.kind }] : [];
  }),
);

const from = (dir: string) => EDGES.filter((e) => under(join(ROOT, e.from), dir));
const to = (edge: Edge, ...targets: string[]) => targets.some((t) => (t.endsWith('.ts') ? edge.to === `src/${t}` : edge.to.startsWith(`src/${t}/`)));
const shown = (edges: readonly Edge[]) => edges.map((e) => `${e.from} → ${e.to} (${e.kind})`);

/** Code that runs only in sandbox mode. */
const SANDBOX_ONLY = (file: string) =>
  file.startsWith('src/sandbox/') || file.startsWith('src/surfaces/web/') || file === 'src/surfaces/cli/commands/sandbox-command.ts';

test('the source has imports to check', () => {
  expect(from('app').length).toBeGreaterThan(20);
  expect(from('surfaces').length).toBeGreaterThan(50);
});

test('app (the use cases) imports no surface, sandbox, adapter, server or composition root', () => {
  expect(shown(from('app').filter((e) => to(e, 'surfaces', 'sandbox', 'adapters', 'server', 'main.ts', 'runtime.ts', 'cli.ts')))).toEqual([]);
});

test('app and surfaces depend on the store\'s narrow ports (requests, execution, audit, claims, conversation references, ...), never the whole RequestStore', () => {
  expect(shown(from('app').filter((e) => to(e, 'core/ports/request-store.ts')))).toEqual([]);
  expect(shown(from('surfaces').filter((e) => to(e, 'core/ports/request-store.ts')))).toEqual([]);
});

test('surfaces import neither main.ts nor an adapter', () => {
  expect(shown(from('surfaces').filter((e) => to(e, 'main.ts', 'cli.ts', 'scan-main.ts', 'adapters')))).toEqual([]);
});

/** The command line is given the Runtime by cli.ts (its own composition root): only these two files name it. */
const CLI_RUNTIME = new Set(['src/surfaces/cli/cli-io.ts', 'src/surfaces/cli/with-runtime.ts']);

test('surfaces get narrow services, not the Runtime (the CLI only where cli.ts hands it over)', () => {
  expect(shown(from('surfaces').filter((e) => to(e, 'runtime.ts') && !CLI_RUNTIME.has(e.from)))).toEqual([]);
});

test('live code never loads the sandbox; main.ts only with import() in its sandbox branch', () => {
  const loads = EDGES.filter((e) => to(e, 'sandbox') && e.kind !== 'type' && !SANDBOX_ONLY(e.from));
  expect(shown(loads.filter((e) => !(e.from === 'src/main.ts' && e.kind === 'dynamic')))).toEqual([]);
  // The demo page is sandbox-only because the server mounts it only then, with import().
  const demo = EDGES.filter((e) => to(e, 'surfaces/web') && !SANDBOX_ONLY(e.from) && e.kind !== 'type');
  expect(shown(demo.filter((e) => !(e.from === 'src/server/start-server.ts' && e.kind === 'dynamic')))).toEqual([]);
});

test('the checks see each kind of import', () => {
  expect(importsOf("import { x } from '../sandbox/seed.ts';")).toEqual([{ spec: '../sandbox/seed.ts', kind: 'static' }]);
  expect(importsOf("import type { X } from '../main.ts';")).toEqual([{ spec: '../main.ts', kind: 'type' }]);
  expect(importsOf("export type { X } from './runtime.ts';")).toEqual([{ spec: './runtime.ts', kind: 'type' }]);
  expect(importsOf("import { a, type B } from '../adapters/x.ts';")).toEqual([{ spec: '../adapters/x.ts', kind: 'static' }]);
  expect(importsOf("const m = await import('./sandbox/start-sandbox.ts');")).toEqual([{ spec: './sandbox/start-sandbox.ts', kind: 'dynamic' }]);
});
