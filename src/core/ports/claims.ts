/**
 * Things done once across instances: a notice sent, a Slack delivery run. Implemented by the Kysely store on SQLite
 * and PostgreSQL (test/contracts/claims.contract.ts).
 */
export interface Claims {
  /** Records that the notice `key` was sent at `at`; false when it was recorded before (a notice goes out once, across instances). */
  claimNotice(key: string, at: string): Promise<boolean>;
  /** True for the first claim of `key` within `ttlMs` from `nowMs`, across instances; false while an earlier claim holds
   *  (lapsed claims are pruned). Keys are stored as given: pass a hash, never a secret or a payload. */
  claimOnce(key: string, nowMs: number, ttlMs: number): Promise<boolean>;
}
