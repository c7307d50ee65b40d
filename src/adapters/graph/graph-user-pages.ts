// EntraUserPages on Graph: `GET /users` with License Doctor's `$select` (license properties come only on $select)
// and `$top`, following Graph's absolute `@odata.nextLink`, which is the page's cursor.
import type { EntraUserPages, SourcePage } from '../../core/ports/scan-sources.ts';
import type { EntraUser } from '../../core/model/entra.ts';
import { readJson, type GraphTransport } from './graph-transport.ts';
import { toEntraUser } from './normalise.ts';
import { pageOf, userSchema } from './schemas.ts';

const SELECT = 'id,userPrincipalName,displayName,mail,accountEnabled,usageLocation,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates';
const USER_PAGE = pageOf(userSchema);
const OPERATION = 'list users';

/** Graph's users collection page by page; `pageSize` is clamped to Graph's 1..999. */
export class GraphUserPages implements EntraUserPages {
  private readonly transport: GraphTransport;

  constructor(transport: GraphTransport) {
    this.transport = transport;
  }

  async usersPage(cursor: string | null, pageSize: number): Promise<SourcePage<EntraUser>> {
    const top = Math.min(999, Math.max(1, Math.floor(pageSize)));
    const path = cursor === null ? `/users?$select=${SELECT}&$top=${top}` : this.transport.nextLinkPath(cursor, OPERATION);
    const page = readJson(await this.transport.send({ method: 'GET', path }, OPERATION), USER_PAGE, OPERATION);
    return { items: page.value.map(toEntraUser), next: page['@odata.nextLink'] ?? null };
  }
}
