// EntraDirectory on Microsoft Graph v1.0: the reads License Doctor diagnoses with and the writes its plans
// execute. Every response is validated (schemas.ts) and normalised (normalise.ts); failures are translated by
// toGraphError. Paths come only from graph-paths.ts, so ids and UPNs can never change the request.
import { LicenseDoctorError } from '../../core/errors.ts';
import type { AssignedLicense, EntraGroup, EntraUser, SubscribedSku } from '../../core/model/entra.ts';
import type { EntraDirectory, GraphWriteResult } from '../../core/ports/entra-directory.ts';
import { BATCH_LIMIT, batchGet, type BatchAnswer, type BatchGet } from './graph-batch.ts';
import { groupPath, isGuid, memberRefPath, odataString, userPath } from './graph-paths.ts';
import { graphErrorFrom, readJson, validate, type GraphAnswer, type GraphTransport } from './graph-transport.ts';
import { toEntraGroup, toEntraUser, toSubscribedSku } from './normalise.ts';
import { countSchema, directoryObjectSchema, groupSchema, idCollectionSchema, pageOf, subscribedSkuSchema, userSchema } from './schemas.ts';
import type { SkuCache } from './sku-cache.ts';
import { MalformedGraphResponse, toGraphError } from './to-graph-error.ts';

const USER_SELECT = 'id,userPrincipalName,displayName,mail,accountEnabled,usageLocation,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates';
const GROUP_SELECT = 'id,displayName,groupTypes,membershipRule,onPremisesSyncEnabled,mailEnabled,securityEnabled,isAssignableToRole,assignedLicenses';
/** Pages followed at most when looking a user up by mail (two matches already mean "ambiguous"). */
const MAX_PAGES = 3;

const USER_PAGE = pageOf(userSchema);
/** Pages of group members read at most (999 each): an approvers group is people, not the whole tenant. */
const MAX_MEMBER_PAGES = 10;

const uniqueGuids = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))].filter(isGuid);

function requireValue(value: string, what: string): void {
  if (value === '') throw new LicenseDoctorError('usage', `${what} is empty.`);
}

export class GraphDirectory implements EntraDirectory {
  private readonly transport: GraphTransport;
  private readonly skus: SkuCache;
  private readonly retryBudgetMs: number;

  constructor(transport: GraphTransport, skus: SkuCache, retryBudgetMs: number) {
    this.transport = transport;
    this.skus = skus;
    this.retryBudgetMs = retryBudgetMs;
  }

  async getUser(idOrUpn: string): Promise<EntraUser | null> {
    if (idOrUpn === '') return null;
    const answer = await this.transport.send({ method: 'GET', path: `${userPath(idOrUpn)}?$select=${USER_SELECT}` }, 'getUser');
    if (answer.status === 404) return null;
    return toEntraUser(readJson(answer, userSchema, 'getUser'));
  }

  async findUserByMail(mail: string): Promise<EntraUser | null> {
    if (mail.trim() === '') return null;
    // Two simple filters rather than one `or` across properties: both are basic queries Graph always accepts.
    const byMail = await this.findUsers(`mail eq ${odataString(mail)}`);
    const found = byMail.length > 0 ? byMail : await this.findUsers(`proxyAddresses/any(p:p eq ${odataString(`smtp:${mail}`)})`);
    return found.length === 1 ? (found[0] ?? null) : null;
  }

  private async findUsers(filter: string): Promise<EntraUser[]> {
    const op = 'findUserByMail';
    const users = new Map<string, EntraUser>();
    // One user per page: a unique match costs one request; a second page (followed through the absolute
    // @odata.nextLink) means the address is ambiguous.
    let path: string | null = `/users?$filter=${encodeURIComponent(filter)}&$select=${USER_SELECT}&$top=1`;
    for (let pages = 0; path !== null && pages < MAX_PAGES && users.size < 2; pages++) {
      const answer: GraphAnswer = await this.transport.send({ method: 'GET', path }, op);
      const page = readJson(answer, USER_PAGE, op);
      for (const u of page.value.map(toEntraUser)) users.set(u.id, u);
      const next: string | null | undefined = page['@odata.nextLink'];
      path = next ? this.transport.nextLinkPath(next, op) : null;
    }
    return [...users.values()];
  }

  async getGroups(ids: readonly string[]): Promise<EntraGroup[]> {
    const unique = uniqueGuids(ids);
    if (unique.length === 0) return [];
    const answers = await batchGet(this.transport, groupRequests(unique), this.retryBudgetMs, 'getGroups');
    return groupsFrom(unique, answers, 'getGroups');
  }

  async getLicensingContext(groupIds: readonly string[]): Promise<{ groups: EntraGroup[]; subscribedSkus: SubscribedSku[] }> {
    const op = 'getLicensingContext';
    const unique = uniqueGuids(groupIds);
    const known = this.skus.fresh() ?? this.skus.pending();
    if (known) {
      const [groups, subscribedSkus] = await Promise.all([this.getGroups(unique), known]);
      return { groups, subscribedSkus };
    }
    // The SKUs travel in the same batch; concurrent SKU readers wait for this batch through the cache.
    const read = Promise.withResolvers<SubscribedSku[]>();
    void this.skus.track(read.promise);
    try {
      const answers = await batchGet(this.transport, [...groupRequests(unique), { id: 'skus', url: '/subscribedSkus' }], this.retryBudgetMs, op);
      const skuAnswer = answers.get('skus');
      if (!skuAnswer) throw toGraphError(new MalformedGraphResponse('no answer for /subscribedSkus', 200, null), op);
      const subscribedSkus = skusFrom(skuAnswer, op);
      read.resolve(subscribedSkus);
      return { groups: groupsFrom(unique, answers, op), subscribedSkus };
    } catch (err) {
      read.reject(err);
      throw err;
    }
  }

  listSubscribedSkus(): Promise<SubscribedSku[]> {
    return this.skus.get(async () => {
      const answer = await this.transport.send({ method: 'GET', path: '/subscribedSkus' }, 'listSubscribedSkus');
      return readJson(answer, pageOf(subscribedSkuSchema), 'listSubscribedSkus').value.map(toSubscribedSku);
    });
  }

  async checkMemberGroups(userId: string, groupIds: readonly string[]): Promise<string[]> {
    const ids = uniqueGuids(groupIds);
    if (userId === '' || ids.length === 0) return [];
    const member: string[] = [];
    for (let i = 0; i < ids.length; i += BATCH_LIMIT) {
      const body = { groupIds: ids.slice(i, i + BATCH_LIMIT) };
      const answer = await this.transport.send({ method: 'POST', path: `${userPath(userId)}/checkMemberGroups`, body }, 'checkMemberGroups');
      if (answer.status === 404) return [];
      member.push(...readJson(answer, idCollectionSchema, 'checkMemberGroups').value.map((id) => id.toLowerCase()));
    }
    return member;
  }

  async listGroupUsers(groupId: string): Promise<EntraUser[]> {
    const op = 'listGroupUsers';
    const users: EntraUser[] = [];
    // The OData cast keeps only users (nested groups are expanded, not listed); paged through @odata.nextLink.
    let path: string | null = `${groupPath(groupId)}/transitiveMembers/microsoft.graph.user?$select=${USER_SELECT}&$top=999`;
    for (let pages = 0; path !== null && pages < MAX_MEMBER_PAGES; pages++) {
      const answer: GraphAnswer = await this.transport.send({ method: 'GET', path }, op);
      const page = readJson(answer, USER_PAGE, op);
      users.push(...page.value.map(toEntraUser));
      const next: string | null | undefined = page['@odata.nextLink'];
      path = next ? this.transport.nextLinkPath(next, op) : null;
    }
    return users;
  }

  async countGroupMembers(groupId: string): Promise<number> {
    const op = 'countGroupMembers';
    // $count on directory objects is an advanced query: without this header Graph answers 400.
    const answer = await this.transport.send({ method: 'GET', path: `${groupPath(groupId)}/members/$count`, headers: { ConsistencyLevel: 'eventual' } }, op);
    if (answer.status >= 300) throw toGraphError(graphErrorFrom(answer.status, answer.headers, parseBody(answer)), op);
    return validate(answer.text, countSchema, op, answer.status, answer.requestId);
  }

  async assignUserLicenses(userId: string, add: readonly AssignedLicense[], remove: readonly string[]): Promise<GraphWriteResult> {
    requireValue(userId, 'The user id');
    const body = { addLicenses: add.map((l) => ({ disabledPlans: [...l.disabledPlans], skuId: l.skuId })), removeLicenses: [...remove] };
    const answer = await this.transport.send({ method: 'POST', path: `${userPath(userId)}/assignLicense`, body }, 'assignUserLicenses');
    readJson(answer, directoryObjectSchema, 'assignUserLicenses');
    return { requestId: answer.requestId };
  }

  /**
   * Idempotent: when Graph says the member is not there (404 naming the member, or "removed object references
   * do not exist" after a retried DELETE that had succeeded), the membership is gone, which is what was asked.
   */
  async removeGroupMember(groupId: string, userId: string): Promise<GraphWriteResult> {
    const op = 'removeGroupMember';
    const answer = await this.transport.send({ method: 'DELETE', path: memberRefPath(groupId, userId) }, op);
    if (answer.status < 300 || memberAlreadyGone(answer, userId)) return { requestId: answer.requestId };
    throw toGraphError(graphErrorFrom(answer.status, answer.headers, parseBody(answer)), op);
  }

  async assignGroupLicenses(groupId: string, add: readonly AssignedLicense[], remove: readonly string[]): Promise<GraphWriteResult> {
    const body = { addLicenses: add.map((l) => ({ disabledPlans: [...l.disabledPlans], skuId: l.skuId })), removeLicenses: [...remove] };
    const answer = await this.transport.send({ method: 'POST', path: `${groupPath(groupId)}/assignLicense`, body }, 'assignGroupLicenses');
    readJson(answer, directoryObjectSchema, 'assignGroupLicenses');
    return { requestId: answer.requestId };
  }
}

function parseBody(answer: GraphAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return answer.text;
  }
}

function memberAlreadyGone(answer: GraphAnswer, memberId: string): boolean {
  const err = graphErrorFrom(answer.status, answer.headers, parseBody(answer));
  if (answer.status === 404) return err.message.toLowerCase().includes(`'${memberId.toLowerCase()}'`);
  return answer.status === 400 && /removed object references do not exist/i.test(err.message);
}

function groupRequests(ids: readonly string[]): BatchGet[] {
  return ids.map((id, i) => ({ id: `g${i + 1}`, url: `${groupPath(id)}?$select=${GROUP_SELECT}` }));
}

/** The groups in request order; 404 answers (no such group) are left out, other failures throw. */
function groupsFrom(ids: readonly string[], answers: ReadonlyMap<string, BatchAnswer>, op: string): EntraGroup[] {
  return ids.flatMap((_, i) => {
    const answer = answers.get(`g${i + 1}`);
    if (!answer || answer.status === 404) return [];
    if (answer.status >= 300) throw toGraphError(graphErrorFrom(answer.status, answer.headers, answer.body), op);
    return [toEntraGroup(validate(answer.body, groupSchema, op, answer.status, answer.headers.get('request-id')))];
  });
}

function skusFrom(answer: BatchAnswer, op: string): SubscribedSku[] {
  if (answer.status >= 300) throw toGraphError(graphErrorFrom(answer.status, answer.headers, answer.body), op);
  return validate(answer.body, pageOf(subscribedSkuSchema), op, answer.status, answer.headers.get('request-id')).value.map(toSubscribedSku);
}
