// GET /v1.0/subscribedSkus: the tenant's SKUs with consumedUnits computed from the current assignments,
// `id` = `{tenantId}_{skuId}` and prepaidUnits (reference/graph.md §2.4). Supports only $select, as Graph.
import type { SandboxSku, SandboxState } from '../state.ts';
import type { GraphContext } from './graph-context.ts';
import { graphJson } from './graph-response.ts';
import { graphRoute, type GraphRouter } from './graph-router.ts';
import { consumedUnitsBySku } from './license-computation.ts';
import { odataContext, selectOption } from './query-options.ts';
import { sandboxUuid } from '../log-events.ts';

const SKU_PROPERTIES = ['id', 'accountId', 'accountName', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'prepaidUnits', 'servicePlans', 'skuId', 'skuPartNumber', 'subscriptionIds'];

/** One subscribed SKU as Graph serialises it. */
function subscribedSkuJson(state: SandboxState, sku: SandboxSku, consumed: ReadonlyMap<string, number>): Record<string, unknown> {
  return {
    accountId: state.graph.tenantId,
    accountName: state.graph.domain.split('.')[0] ?? state.graph.domain,
    appliesTo: 'User',
    capabilityStatus: sku.capabilityStatus,
    consumedUnits: consumed.get(sku.skuId.toLowerCase()) ?? 0,
    id: `${state.graph.tenantId}_${sku.skuId}`,
    prepaidUnits: { enabled: sku.enabledUnits, lockedOut: 0, suspended: sku.capabilityStatus === 'Suspended' ? sku.enabledUnits : 0, warning: 0 },
    servicePlans: sku.servicePlans.map((p) => ({ servicePlanId: p.servicePlanId, servicePlanName: p.servicePlanName, provisioningStatus: 'Success', appliesTo: 'User' })),
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [sandboxUuid(`subscription|${sku.skuId}`)],
  };
}

/** Registers GET /v1.0/subscribedSkus. */
export function registerSubscribedSkuRoutes(router: GraphRouter, ctx: GraphContext): void {
  router.on('GET', '/v1.0/subscribedSkus', graphRoute(ctx, (req) => {
    const select = selectOption(req, SKU_PROPERTIES, 'subscribedSku');
    const { state } = ctx.tenant;
    const consumed = consumedUnitsBySku(state, ctx.tenant.now());
    const value = state.graph.skus.map((sku) => {
      const all = subscribedSkuJson(state, sku, consumed);
      return select ? Object.fromEntries(['id', ...select.filter((s) => s !== 'id')].map((n) => [n, all[n]])) : all;
    });
    return graphJson(req, 200, { '@odata.context': odataContext(req, 'subscribedSkus', select, false), value });
  }));
}
