import type { AuditLog } from './audit-log.ts';
import type { Claims } from './claims.ts';
import type { ConversationRefs } from './conversation-refs.ts';
import type { ExecutionStore } from './execution-store.ts';
import type { Requests } from './requests.ts';
import type { StoreLifecycle } from './store-lifecycle.ts';

/**
 * The whole store, as the composition root opens it: one object (Kysely, on SQLite or PostgreSQL) that implements
 * every narrow port. Use cases depend on the ports they use (ServiceDeps), never on this. Every state change is a
 * compare-and-set or a conditional statement, so concurrent instances cannot both win.
 */
export interface RequestStore extends Requests, ExecutionStore, AuditLog, ConversationRefs, Claims, StoreLifecycle {}
