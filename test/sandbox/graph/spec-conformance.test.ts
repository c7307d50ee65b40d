// The sandbox's answers, as the adapter and the Okta push engine read them, checked against the property names
// and Edm types of Graph's CSDL (spec/graph-v1.0-subset.json, extracted by scripts/extract-graph-spec.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractGraphSubset, type GraphSpecSubset, type TypeRef } from '../../../scripts/extract-graph-spec.ts';
import { GROUP, SKU, seededEntraId } from '../../../src/sandbox/seed.ts';
import { startTestGraph, type TestGraph } from './graph-test-server.ts';

const root = join(__dirname, '..', '..', '..');
const subset = JSON.parse(readFileSync(join(root, 'spec', 'graph-v1.0-subset.json'), 'utf8')) as GraphSpecSubset;
// The full CSDL lives beside the repository on development machines only (CI has the committed subset).
const csdl = join(root, '..', 'shared', 'specs', 'graph-v1.0-csdl.xml');
const NS = 'microsoft.graph.';

function propertiesOf(typeName: string): Record<string, TypeRef> {
  const type = subset.types[typeName];
  if (!type) return {};
  return { ...(type.baseType ? propertiesOf(type.baseType) : {}), ...type.properties };
}

function checkValue(value: unknown, type: string, where: string, problems: string[]): void {
  const bad = (what: string) => problems.push(`${where}: ${JSON.stringify(value)} is not ${what}`);
  switch (type) {
    case 'Edm.String': if (typeof value !== 'string') bad('a string'); return;
    case 'Edm.Guid': if (typeof value !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) bad('a GUID'); return;
    case 'Edm.DateTimeOffset': if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) bad('a DateTimeOffset'); return;
    case 'Edm.Int32': if (!Number.isInteger(value)) bad('an Int32'); return;
    case 'Edm.Boolean': if (typeof value !== 'boolean') bad('a Boolean'); return;
    default:
      if (!type.startsWith(NS) || !subset.types[type]) { problems.push(`${where}: type ${type} is not in the subset`); return; }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) { bad(`a ${type}`); return; }
      checkObject(value as Record<string, unknown>, type, where, problems);
  }
}

function checkRef(value: unknown, ref: TypeRef, where: string, problems: string[]): void {
  if (value === null) {
    if (!ref.nullable) problems.push(`${where}: null, but the property is not nullable`);
    return;
  }
  if (!ref.collection) return checkValue(value, ref.type, where, problems);
  if (!Array.isArray(value)) return void problems.push(`${where}: not a collection`);
  value.forEach((item, i) => checkValue(item, ref.type, `${where}[${i}]`, problems));
}

/** Every property must exist on the type (base types included) with the right JSON type; `@odata.*` annotations are allowed. */
function checkObject(value: Record<string, unknown>, type: string, where: string, problems: string[]): void {
  const properties = propertiesOf(type);
  for (const [name, v] of Object.entries(value)) {
    if (name.startsWith('@odata.')) continue;
    const ref = properties[name];
    if (!ref) problems.push(`${where}.${name}: not a property of ${type}`);
    else checkRef(v, ref, `${where}.${name}`, problems);
  }
}

function conformance(value: unknown, type: string): string[] {
  const problems: string[] = [];
  checkValue(value, type, type.slice(NS.length), problems);
  return problems;
}

let graph: TestGraph;
beforeAll(async () => {
  graph = await startTestGraph();
});
afterAll(() => graph.close());

const USER_SELECT = 'id,userPrincipalName,displayName,mail,accountEnabled,usageLocation,onPremisesSyncEnabled,assignedLicenses,licenseAssignmentStates';
const GROUP_SELECT = 'id,displayName,groupTypes,membershipRule,membershipRuleProcessingState,onPremisesSyncEnabled,mailEnabled,securityEnabled,isAssignableToRole,assignedLicenses,licenseProcessingState';

// Where Microsoft's full CSDL sits beside the repository (../shared/specs on the development machines), the committed
// subset must be exactly what the script extracts from it; a clone without it checks against the committed subset only.
if (existsSync(csdl)) {
  it('the committed subset is what scripts/extract-graph-spec.ts extracts from the CSDL', () => {
    expect(extractGraphSubset(readFileSync(csdl, 'utf8'), subset.source)).toEqual(subset);
  });
}

describe('the conformance check itself', () => {
  it.each([
    [{ accountEnabled: 'yes' }, 'is not a Boolean'],
    [{ assignedLicenses: [{ skuId: 'E3', disabledPlans: [] }] }, 'is not a GUID'],
    [{ assignedLicenses: null }, 'not nullable'],
    [{ favouriteColour: 'red' }, 'not a property of microsoft.graph.user'],
    [{ deletedDateTime: '2026-01-01' }, 'is not a DateTimeOffset'],
  ])('flags %j', (value, problem) => {
    expect(conformance(value, `${NS}user`).join('\n')).toContain(problem);
  });
});

describe('sandbox answers conform to the Graph v1.0 CSDL', () => {
  it.each([
    ['user with the adapter $select', `/users/${seededEntraId(8)}?$select=${USER_SELECT}`, `${NS}user`],
    ['user, default properties', `/users/${seededEntraId(7)}`, `${NS}user`],
    ['group with the adapter $select', `/groups/${GROUP.SALES_DYNAMIC}?$select=${GROUP_SELECT}`, `${NS}group`],
    ['group, default properties', `/groups/${GROUP.LEGAL_MAIL}`, `${NS}group`],
  ])('%s', async (_label, path, type) => {
    const reply = await graph.call('GET', path);
    expect(reply.status).toBe(200);
    expect(conformance(reply.body, type)).toEqual([]);
  });

  it('subscribedSkus', async () => {
    const body = (await graph.call('GET', '/subscribedSkus')).body as { value: unknown[] };
    expect(body.value.length).toBeGreaterThan(0);
    expect(body.value.flatMap((sku) => conformance(sku, `${NS}subscribedSku`))).toEqual([]);
  });

  it('group members, each by its @odata.type', async () => {
    const body = (await graph.call('GET', `/groups/${GROUP.APPROVERS}/members`)).body as { value: Array<Record<string, unknown>> };
    const problems = body.value.flatMap((m) => conformance(m, String(m['@odata.type']).replace(/^#/, '')));
    expect(problems).toEqual([]);
  });

  it('the results of assignLicense (user and group) and checkMemberGroups', async () => {
    const user = await graph.call('POST', `/users/${seededEntraId(1)}/assignLicense`, { body: { addLicenses: [{ skuId: SKU.EMS, disabledPlans: [] }], removeLicenses: [] } });
    expect(conformance(user.body, subset.actions[`${NS}user/assignLicense`]?.returnType?.type ?? '')).toEqual([]);
    const group = await graph.call('POST', `/groups/${GROUP.VISIO}/assignLicense`, { body: { addLicenses: [], removeLicenses: [] } });
    expect(conformance(group.body, subset.actions[`${NS}group/assignLicense`]?.returnType?.type ?? '')).toEqual([]);
    const check = await graph.call('POST', `/users/${seededEntraId(21)}/checkMemberGroups`, { body: { groupIds: [GROUP.APPROVERS] } });
    const returnType = subset.actions[`${NS}directoryObject/checkMemberGroups`]?.returnType;
    const problems: string[] = [];
    if (returnType) checkRef((check.body as { value: unknown }).value, returnType, 'checkMemberGroups', problems);
    expect(problems).toEqual([]);
  });

  it('requires every non-nullable assignLicense parameter, as the CSDL declares them', async () => {
    const parameters = Object.entries(subset.actions[`${NS}user/assignLicense`]?.parameters ?? {});
    expect(parameters.map(([name]) => name).sort()).toEqual(['addLicenses', 'removeLicenses']);
    for (const [name, ref] of parameters) {
      expect(ref).toMatchObject({ collection: true, nullable: false });
      const body = Object.fromEntries(parameters.filter(([other]) => other !== name).map(([other]) => [other, []]));
      const reply = await graph.call('POST', `/users/${seededEntraId(1)}/assignLicense`, { body });
      expect(reply.status).toBe(400);
      expect(reply.text).toContain(`The missing parameters are: ${name}.`);
    }
  });

  it("the error envelope is Graph's: error { code, message, innerError { date, request-id, client-request-id } }", async () => {
    const reply = await graph.call('GET', '/users/nobody%40contoso.com');
    const body = reply.body as { error: { innerError: Record<string, unknown> } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'innerError', 'message']);
    expect(Object.keys(body.error.innerError).sort()).toEqual(['client-request-id', 'date', 'request-id']);
    expect(Object.values(body.error.innerError).every((v) => typeof v === 'string')).toBe(true);
  });
});
