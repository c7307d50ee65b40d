// Reads the imports of a TypeScript source file for the architecture tests: static imports and re-exports, type-only
// ones (erased when Node strips types, so they load nothing), and dynamic import() / require() calls.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SRC = join(ROOT, 'src');

export interface SourceImport {
  readonly spec: string;
  /** `static`: loaded with the file; `type`: erased, loads nothing; `dynamic`: loaded when the code runs. */
  readonly kind: 'static' | 'type' | 'dynamic';
}

/** Every .ts file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

// Static imports/exports start a statement (line start); dynamic import() and require() can be anywhere.
const IMPORT = /^\s*(import|export)(\s+type)?\b[^;'"]*?\sfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The imports of `source`. */
export function importsOf(source: string): SourceImport[] {
  return [...source.matchAll(IMPORT)].map((m): SourceImport => {
    if (m[3] !== undefined) return { spec: m[3], kind: m[2] ? 'type' : 'static' };
    if (m[4] !== undefined) return { spec: m[4], kind: 'static' };
    return { spec: m[5] ?? m[6] ?? '', kind: m[5] !== undefined ? 'dynamic' : 'static' };
  });
}

/** The file a relative import names, or null for a package. */
export function resolveImport(file: string, spec: string): string | null {
  return spec.startsWith('.') ? join(file, '..', spec) : null;
}
