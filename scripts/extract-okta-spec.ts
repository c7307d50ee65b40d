// Extracts from Okta's management OpenAPI description the routes the sandbox Okta server serves and the
// component schemas their answers use (with everything they reference), into spec/okta-management-subset.json.
// The subset is committed: CI has no ../shared. Run it when Okta publishes a new description:
//   node scripts/extract-okta-spec.ts [path/to/okta-management-openapi.yaml]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const source = resolve(process.argv[2] ?? '../shared/specs/okta-management-openapi.yaml');
const target = resolve('spec/okta-management-subset.json');

/** The routes the sandbox serves, as the description names them. */
const ROUTES = [
  'GET /api/v1/users/{userId}',
  'GET /api/v1/users/{userId}/groups',
  'GET /api/v1/apps',
  'GET /api/v1/apps/{appId}',
  'GET /api/v1/apps/{appId}/users',
  'GET /api/v1/apps/{appId}/users/{userId}',
  'POST /api/v1/apps/{appId}/users/{userId}',
  'GET /api/v1/apps/{appId}/groups',
  'PUT /api/v1/apps/{appId}/groups/{groupId}',
  'GET /api/v1/meta/schemas/apps/{appInstanceId}/default',
  'GET /api/v1/apps/{appId}/connections/default',
  'POST /api/v1/apps/{appId}/connections/default/lifecycle/activate',
  'POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate',
  'GET /api/v1/apps/{appId}/features',
  'GET /api/v1/apps/{appId}/features/{name}',
  'GET /api/v1/logs',
];

/** Schemas the routes reach only through a `discriminator` (dropped below), named explicitly. */
const EXTRA_SCHEMAS = ['Office365Application', 'UserProvisioningApplicationFeature', 'InboundProvisioningApplicationFeature', 'ModelError'];

/** Documentation-only keys: they make the file large and change nothing a validator checks. */
const DROPPED = new Set(['description', 'example', 'examples', 'externalDocs', 'summary', 'title', 'discriminator']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A copy without documentation keys and `x-*` extensions, object keys sorted (stable diffs). */
function clean(value: Json, propertyNames = false): Json {
  if (Array.isArray(value)) return value.map((v) => clean(v));
  if (!isObject(value)) return value;
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    const inner = value[key];
    if (inner === undefined) continue;
    // Inside `properties` the keys are attribute names (a `description` or `title` attribute is kept).
    if (!propertyNames && (key.startsWith('x-') || DROPPED.has(key))) continue;
    out[key] = clean(inner, !propertyNames && key === 'properties');
  }
  return out;
}

function main(): void {
  const doc = parse(readFileSync(source, 'utf8')) as { info?: { version?: string }; paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; responses: Record<string, Json> } };
  const routes: Record<string, Json> = {};
  for (const route of ROUTES) {
    const [method = '', path = ''] = route.split(' ');
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!isObject(op) || !isObject(op.responses)) throw new Error(`${source}: no operation ${route}`);
    const responses: Record<string, Json> = {};
    for (const [code, raw] of Object.entries(op.responses)) {
      let response: Json | undefined = raw;
      if (isObject(response) && typeof response.$ref === 'string') response = doc.components.responses[response.$ref.split('/').pop() ?? ''];
      const content = isObject(response) && isObject(response.content) ? response.content['application/json'] : undefined;
      responses[code] = isObject(content) && content.schema !== undefined ? clean(content.schema) : null;
    }
    routes[route] = { operationId: typeof op.operationId === 'string' ? op.operationId : '', responses };
  }

  const schemas: Record<string, Json> = {};
  const visit = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) add(inner.split('/').pop() ?? '');
        else visit(inner);
      }
    }
  };
  const add = (name: string): void => {
    if (name in schemas) return;
    const schema = doc.components.schemas[name];
    if (schema === undefined) throw new Error(`${source}: no schema ${name}`);
    schemas[name] = clean(schema);
    visit(schemas[name]);
  };
  visit(routes);
  EXTRA_SCHEMAS.forEach(add);
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k] ?? null]));
  const subset = {
    source: 'Okta management OpenAPI (okta/okta-sdk-nodejs oas-spec/management.yaml), subset',
    version: doc.info?.version ?? null,
    generatedBy: 'scripts/extract-okta-spec.ts',
    routes,
    components: { schemas: sorted },
  };
  writeFileSync(target, `${JSON.stringify(subset, null, 1)}\n`);
  console.log(`${target}: ${ROUTES.length} routes, ${Object.keys(sorted).length} schemas`);
}

main();
