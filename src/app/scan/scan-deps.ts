// What a fleet scan needs; the scan's composition (src/scan-main.ts) builds it.
import type { Clock } from '../../core/ports/clock.ts';
import type { EntraDirectory } from '../../core/ports/entra-directory.ts';
import type { OktaOrg } from '../../core/ports/okta-org.ts';
import type { EntraUserPages, OktaAppUserPages } from '../../core/ports/scan-sources.ts';
import type { ScanProgress } from '../../core/model/scan.ts';
import type { ScanStore } from '../../core/ports/scan-store.ts';

export interface ScanSettings {
  /** Okta app users per page (Okta allows up to 500). */
  readonly oktaPageSize: number;
  /** Entra users per page (Graph allows up to 999). */
  readonly entraPageSize: number;
  /** How long the scan lease lasts without renewal (a crashed scan is resumed after it). */
  readonly leaseMs: number;
  /** How far back push failures are read from the System Log (as for a single diagnosis). */
  readonly pushFailureLookbackMs: number;
  /** The most the users waiting for their other side may cost in memory (bytes, roughly); beyond it they are spilled
   *  to the store and joined by a merge at the end, so the scan's memory does not grow with the tenant. */
  readonly waitingBudgetBytes: number;
}

export const DEFAULT_SCAN_SETTINGS: ScanSettings = { oktaPageSize: 500, entraPageSize: 999, leaseMs: 30_000, pushFailureLookbackMs: 7 * 24 * 3_600_000, waitingBudgetBytes: 64 * 1024 * 1024 };

export interface ScanDeps {
  readonly entra: EntraDirectory;
  readonly okta: OktaOrg;
  readonly entraPages: EntraUserPages;
  readonly oktaPages: OktaAppUserPages;
  readonly store: ScanStore;
  readonly clock: Clock;
  readonly sandbox: boolean;
  /** OKTA_O365_APP_ID, when configured. */
  readonly oktaAppId: string | null;
  readonly workflowsConfigured: boolean;
  /** Identifies this process in the scan lease. */
  readonly owner: string;
  newScanId(): string;
  readonly settings: ScanSettings;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Who asked for the scan (a person's UPN, `schedule`), told to whoever asks for another one meanwhile. */
  readonly startedBy?: string;
  /** Aborted when the process stops: the scan ends after the pages in flight, its checkpoint kept for a resume. */
  readonly stopSignal?: AbortSignal;
}
