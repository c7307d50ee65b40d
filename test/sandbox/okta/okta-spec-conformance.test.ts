// The sandbox Okta server's answers, validated against Okta's management OpenAPI description
// (spec/okta-management-subset.json, extracted by scripts/extract-okta-spec.ts) with ajv.
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OKTA_APP, OKTA_GROUP, seededOktaUserId } from '../../../src/sandbox/seed.ts';
import { startOktaHarness, type OktaHarness } from './okta-harness.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const subset = JSON.parse(readFileSync(resolve(__dirname, '../../../spec/okta-management-subset.json'), 'utf8')) as {
  routes: Record<string, { responses: Record<string, Json> }>;
  components: { schemas: Record<string, Json> };
};

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null alternative; refs point into the registered document. */
function translate(node: Json): Json {
  if (Array.isArray(node)) return node.map(translate);
  if (!isObject(node)) return node;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable') continue;
    if (k === '$ref' && typeof v === 'string') out[k] = v.replace(/^#\//, 'okta.json#/');
    else out[k] = k === 'properties' && isObject(v) ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, translate(s)])) : translate(v);
  }
  return node.nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

const schemas = Object.fromEntries(Object.entries(subset.components.schemas).map(([n, s]) => [n, translate(s)]));
// Relaxations, each a known gap between the description and Okta's own answers:
// - System Log events: Okta sends null for absent parts (the description's own ListLogs example has
//   detailEntry, outcome.reason, client.id ... null), which the schemas do not mark nullable.
for (const [name, schema] of Object.entries(schemas)) {
  if (!name.startsWith('Log') || !isObject(schema) || !isObject(schema.properties)) continue;
  for (const [p, s] of Object.entries(schema.properties)) {
    schema.properties[p] = { anyOf: [{ type: 'null' }, s] };
  }
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
for (const f of ['int32', 'double', 'password']) ajv.addFormat(f, true);
ajv.addSchema({ components: { schemas } }, 'okta.json');

const compiled = new Map<string, ValidateFunction>();
function validatorFor(route: string, status: string): ValidateFunction {
  const key = `${route} ${status}`;
  const schema = subset.routes[route]?.responses[status];
  if (schema === undefined || schema === null) throw new Error(`the description has no ${status} answer with a body for ${route}`);
  const fn = compiled.get(key) ?? ajv.compile(translate(schema) as object);
  compiled.set(key, fn);
  return fn;
}
const component = (name: string) => ajv.compile({ $ref: `okta.json#/components/schemas/${name}` });

function expectValid(fn: ValidateFunction, body: unknown): void {
  const ok = fn(body);
  expect(ok ? [] : ajv.errorsText(fn.errors, { separator: '\n' }).split('\n')).toEqual([]);
}

let h: OktaHarness;
beforeAll(async () => {
  h = await startOktaHarness();
});
afterAll(() => h.close());

const app = OKTA_APP.MAIN;
const user = seededOktaUserId(1);
const GETS: Array<[string, string]> = [
  ['GET /api/v1/users/{userId}', `/api/v1/users/${user}`],
  ['GET /api/v1/users/{userId}/groups', `/api/v1/users/${seededOktaUserId(13)}/groups`],
  ['GET /api/v1/apps', `/api/v1/apps?filter=${encodeURIComponent('name eq "office365"')}`],
  ['GET /api/v1/apps/{appId}', `/api/v1/apps/${app}`],
  ['GET /api/v1/apps/{appId}/users', `/api/v1/apps/${app}/users?limit=500&expand=user`],
  ['GET /api/v1/apps/{appId}/users/{userId}', `/api/v1/apps/${app}/users/${seededOktaUserId(13)}`],
  ['GET /api/v1/apps/{appId}/groups', `/api/v1/apps/${app}/groups?expand=group`],
  ['GET /api/v1/meta/schemas/apps/{appInstanceId}/default', `/api/v1/meta/schemas/apps/${app}/default`],
  ['GET /api/v1/apps/{appId}/connections/default', `/api/v1/apps/${app}/connections/default`],
  ['GET /api/v1/apps/{appId}/features', `/api/v1/apps/${app}/features`],
  ['GET /api/v1/apps/{appId}/features/{name}', `/api/v1/apps/${app}/features/USER_PROVISIONING`],
  ['GET /api/v1/logs', `/api/v1/logs?since=${encodeURIComponent(new Date(Date.now() - 6 * 86_400_000).toISOString())}&limit=1000`],
];

describe('the sandbox Okta server conforms to the Okta management API description', () => {
  it('has a live validator (a wrong enum value fails)', () => {
    expect(validatorFor('GET /api/v1/apps/{appId}/users/{userId}', '200')({ id: 'x', syncState: 'BROKEN' })).toBe(false);
  });

  it.each(GETS)('%s', async (route, path) => {
    const res = await h.json<unknown>(path);
    expect(res.status).toBe(200);
    if (Array.isArray(res.body)) expect(res.body.length).toBeGreaterThan(0);
    expectValid(validatorFor(route, '200'), res.body);
  });

  it('answers apps in the Office365Application shape and features in their own shapes', async () => {
    const apps = await h.json<unknown[]>('/api/v1/apps');
    for (const a of apps.body) expectValid(component('Office365Application'), a);
    const features = await h.json<Array<{ name: string }>>(`/api/v1/apps/${app}/features`);
    for (const f of features.body) {
      expectValid(component(f.name === 'USER_PROVISIONING' ? 'UserProvisioningApplicationFeature' : 'InboundProvisioningApplicationFeature'), f);
    }
  });

  it('POST /api/v1/apps/{appId}/users/{userId} and PUT /api/v1/apps/{appId}/groups/{groupId}', async () => {
    const current = await h.json<{ profile: Record<string, unknown> }>(`/api/v1/apps/${app}/users/${seededOktaUserId(9)}`);
    const posted = await h.json<unknown>(`/api/v1/apps/${app}/users/${seededOktaUserId(9)}`, { method: 'POST', body: JSON.stringify({ profile: current.body.profile }) });
    expectValid(validatorFor('POST /api/v1/apps/{appId}/users/{userId}', '200'), posted.body);
    const put = await h.json<unknown>(`/api/v1/apps/${app}/groups/${OKTA_GROUP.O365_STANDARD}`, { method: 'PUT', body: JSON.stringify({ profile: { licenses: ['ENTERPRISEPACK'], roles: [] } }) });
    expectValid(validatorFor('PUT /api/v1/apps/{appId}/groups/{groupId}', '200'), put.body);
    await h.okta.idle();
  });

  it('answers the lifecycle operations with 204, as described', async () => {
    for (const op of ['deactivate', 'activate']) {
      const route = `POST /api/v1/apps/{appId}/connections/default/lifecycle/${op}`;
      expect(Object.keys(subset.routes[route]?.responses ?? {})).toContain('204');
      expect((await h.call(`/api/v1/apps/${OKTA_APP.CONTRACTORS}/connections/default/lifecycle/${op}`, { method: 'POST' })).status).toBe(204);
    }
  });

  it('answers errors in the ModelError shape', async () => {
    const notFound = await h.json<unknown>(`/api/v1/apps/${app}/users/${seededOktaUserId(11)}`);
    expectValid(validatorFor('GET /api/v1/apps/{appId}/users/{userId}', '404'), notFound.body);
    const notEnabled = await h.json<unknown>(`/api/v1/apps/${OKTA_APP.RETIRED}/features`);
    expectValid(validatorFor('GET /api/v1/apps/{appId}/features', '400'), notEnabled.body);
    h.okta.faults.add({ kind: 'throttle', times: 1 });
    const throttled = await h.json<unknown>('/api/v1/apps');
    expect(throttled.status).toBe(429);
    expectValid(validatorFor('GET /api/v1/apps', '429'), throttled.body);
  });
});
