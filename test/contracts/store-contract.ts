// The store's contract suites, one per narrow port (core/ports): every implementation (SQLite file, SQLite in memory,
// PostgreSQL) passes them. A test file supplies a StoreContractSetup and calls storeContracts(setup) at the top level.
import type { RequestStore } from '../../src/core/ports/request-store.ts';
import { auditContract } from './audit.contract.ts';
import { auditStateContract } from './audit-state.contract.ts';
import { claimsContract } from './claims.contract.ts';
import { conversationRefsContract } from './conversation-refs.contract.ts';
import { journalContract } from './journal.contract.ts';
import { leasesContract } from './leases.contract.ts';
import { lifecycleContract } from './lifecycle.contract.ts';
import { requestsContract } from './requests.contract.ts';
import { targetContract } from './requests-targets.contract.ts';

/** One database, as the contract sees it. */
export interface StoreTarget {
  /** A new store instance on this database, with its own connection or pool; not migrated. */
  open(options?: { readonly auditKey?: string }): Promise<RequestStore>;
  /** Runs SQL on this database behind the stores' back (inspection, tampering); the rows of a query. */
  sql(statement: string): Promise<Array<Record<string, unknown>>>;
}

/** What a test file provides. */
export interface StoreContractSetup {
  /** Whether several instances can share one database (false for SQLite in memory). */
  readonly multiInstance: boolean;
  /** A new, empty database. */
  newTarget(): Promise<StoreTarget>;
  /** Closes and drops everything newTarget made. */
  cleanup(): Promise<void>;
}

/** Shared by the suites; filled in beforeAll. */
export interface ContractContext {
  readonly setup: StoreContractSetup;
  target: StoreTarget;
  /** The first instance (migrated). */
  store: RequestStore;
  /** Every instance on `target` (just `store` when multiInstance is false). */
  instances: RequestStore[];
  readonly multiInstance: boolean;
  /** A new instance on `target` (not migrated), closed after the suites. */
  open(target: StoreTarget): Promise<RequestStore>;
  /** A new, empty database and `count` migrated instances on it (one when multiInstance is false). */
  fresh(count?: number): Promise<{ readonly target: StoreTarget; readonly instances: RequestStore[] }>;
}

/** Defines every port's contract suite on one engine. */
export function storeContracts(setup: StoreContractSetup): void {
  const opened: RequestStore[] = [];
  const open = async (target: StoreTarget) => {
    const store = await target.open();
    opened.push(store);
    return store;
  };
  const ctx = {
    setup, multiInstance: setup.multiInstance, open,
    fresh: async (count = 1) => {
      const target = await setup.newTarget();
      const first = await open(target);
      await first.migrate();
      const instances = [first];
      while (setup.multiInstance && instances.length < count) instances.push(await open(target));
      return { target, instances };
    },
  } as ContractContext;

  beforeAll(async () => {
    ctx.target = await setup.newTarget();
    ctx.store = await open(ctx.target);
    await ctx.store.migrate();
    ctx.instances = setup.multiInstance ? [ctx.store, await open(ctx.target), await open(ctx.target)] : [ctx.store];
  });

  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await setup.cleanup();
  });

  lifecycleContract(ctx);
  describe('Requests', () => {
    requestsContract(ctx);
    targetContract(ctx);
  });
  describe('ExecutionStore', () => {
    leasesContract(ctx);
    journalContract(ctx);
  });
  describe('AuditLog', () => {
    auditContract(ctx);
    auditStateContract(setup);
  });
  conversationRefsContract(ctx);
  claimsContract(ctx);
}
