// Holds the sandbox tenant's state for the sandbox Graph and Okta servers. With a file, the state survives
// restarts and is shared by every process on the machine (`npm start` and CLI commands run with --sandbox):
// each request first reloads the file if another process changed it, and each write saves it atomically.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PushFailureShape } from './log-events.ts';
import { seedTenant } from './seed.ts';
import type { SandboxState } from './state.ts';

/** How the sandbox answers where Microsoft's or Okta's real behaviour is UNCONFIRMED (reference/*.md). */
export interface SandboxBehaviour {
  /** Graph accepts a direct assignment of a SKU the user already inherits from a group (default true). */
  acceptsDirectAssignmentOfInheritedSku: boolean;
  /** When Graph accepts such a direct assignment, the direct path appears (default true; false: 200 and nothing changes). */
  directAssignmentOfInheritedSkuTakesEffect: boolean;
  /** Okta pushes when an app user's profile is posted unchanged (default true). */
  pushesUnchangedProfile: boolean;
  /** Milliseconds an Okta push stays SYNCING before it reaches Graph (default 150). */
  pushDelayMs: number;
  /** Milliseconds before group-based licensing reflects a membership or group license change (default 100). */
  groupLicensingDelayMs: number;
  /**
   * How the app user schema lists the license values Okta offers: `oneOf` entries with `const` and `title`
   * (default), a plain `enum`, or no list at all. Real shapes vary (reference/okta.md §2 is UNCONFIRMED).
   */
  licenseValueList: 'oneOf' | 'enum' | 'none';
  /** Part numbers of subscribed SKUs the app's list leaves out, as when Okta's application data is stale (default none). */
  licensesNotOffered: readonly string[];
  /** Okta refuses (400 E0000001) an app user POST that adds a license value the list does not offer (default false). */
  enforcesLicenseList: boolean;
  /** Where a failed push's System Log event puts Microsoft's text (default `reason`). */
  pushFailureShape: PushFailureShape;
  /**
   * Okta's per-endpoint-family rate limit, enforced with 429 E0000047 (default null: a generous limit, only reported).
   * Real orgs: about 100/min for /api/v1/apps and 120/min for /api/v1/logs, half of that per token by default.
   */
  oktaRateLimit: { readonly perWindow: number; readonly windowSeconds: number } | null;
  /** What License Doctor's Okta credentials may do, as OAuth scopes (default null: everything); others get 403 E0000006. */
  oktaScopes: readonly string[] | null;
}

const DEFAULT_BEHAVIOUR: SandboxBehaviour = {
  acceptsDirectAssignmentOfInheritedSku: true,
  directAssignmentOfInheritedSkuTakesEffect: true,
  pushesUnchangedProfile: true,
  pushDelayMs: 150,
  groupLicensingDelayMs: 100,
  licenseValueList: 'oneOf',
  licensesNotOffered: [],
  enforcesLicenseList: false,
  pushFailureShape: 'reason',
  oktaRateLimit: null,
  oktaScopes: null,
};

export interface SandboxTenantOptions {
  /** JSON file that keeps the state between processes; absent: in memory only (tests). */
  readonly file?: string;
  readonly now?: () => Date;
  readonly behaviour?: Partial<SandboxBehaviour>;
  /** Initial state instead of the seed (tests of special cases). */
  readonly state?: SandboxState;
}

export class SandboxTenant {
  state: SandboxState;
  readonly behaviour: SandboxBehaviour;
  readonly now: () => Date;
  private readonly file: string | undefined;
  private loadedMtimeMs = 0;

  constructor(options: SandboxTenantOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.behaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.file = options.file;
    this.state = options.state ?? this.loadFile() ?? seedTenant(this.now());
    if (this.file && !options.state) this.save();
  }

  /** Back to the seeded scenario tenant. */
  reset(): void {
    this.state = seedTenant(this.now());
    this.save();
  }

  /** Reloads the state if another process saved a newer one. Call at the start of every request. */
  refresh(): void {
    if (!this.file) return;
    const mtime = this.mtime();
    if (mtime !== null && mtime !== this.loadedMtimeMs) this.state = this.loadFile() ?? this.state;
  }

  /** Saves the state after a write (no-op in memory). */
  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state));
    renameSync(tmp, this.file);
    this.loadedMtimeMs = this.mtime() ?? 0;
  }

  private mtime(): number | null {
    try {
      return this.file ? statSync(this.file).mtimeMs : null;
    } catch {
      return null;
    }
  }

  private loadFile(): SandboxState | null {
    if (!this.file) return null;
    try {
      const text = readFileSync(this.file, 'utf8');
      this.loadedMtimeMs = this.mtime() ?? 0;
      return JSON.parse(text) as SandboxState;
    } catch {
      // Missing or unreadable (e.g. half-written by an old version): start from the seed.
      return null;
    }
  }
}
