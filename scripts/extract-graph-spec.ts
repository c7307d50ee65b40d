// Extracts from Microsoft Graph's v1.0 CSDL (../shared/specs/graph-v1.0-csdl.xml by default, 3.5 MB) the
// entity and complex types the sandbox Graph server serves, and the parameters of the actions it implements,
// into spec/graph-v1.0-subset.json, which is committed (CI has no ../shared). A test validates the sandbox's
// responses against it. Run it when Microsoft publishes new metadata:
//   node scripts/extract-graph-spec.ts [path/to/graph-v1.0-csdl.xml]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

const NAMESPACE = 'microsoft.graph';
/** The types whose properties the subset lists (base types are added automatically). */
const TYPES = ['user', 'group', 'subscribedSku', 'assignedLicense', 'licenseAssignmentState', 'licenseUnitsDetail', 'servicePlanInfo', 'licenseProcessingState'];
/** Bound actions, by name and binding type. */
const ACTIONS = [
  { name: 'assignLicense', binding: 'user' },
  { name: 'assignLicense', binding: 'group' },
  { name: 'checkMemberGroups', binding: 'directoryObject' },
];

type XmlNode = Record<string, unknown>;

export interface SubsetType {
  readonly kind: 'EntityType' | 'ComplexType';
  readonly baseType: string | null;
  readonly properties: Record<string, TypeRef>;
}

export interface TypeRef {
  /** Qualified: `Edm.String`, `microsoft.graph.assignedLicense`. */
  readonly type: string;
  readonly collection: boolean;
  readonly nullable: boolean;
}

export interface GraphSpecSubset {
  readonly source: string;
  readonly types: Record<string, SubsetType>;
  readonly actions: Record<string, { readonly parameters: Record<string, TypeRef>; readonly returnType: TypeRef | null }>;
}

const list = (v: unknown): XmlNode[] => (Array.isArray(v) ? (v as XmlNode[]) : v === undefined ? [] : [v as XmlNode]);
const attr = (node: XmlNode, name: string): string | undefined => {
  const v = node[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
};

/** `graph.x` (the schema's alias) -> `microsoft.graph.x`; `Collection(T)` unwrapped. */
function typeRef(raw: string, nullable: string | undefined): TypeRef {
  const m = /^Collection\((.+)\)$/.exec(raw);
  const inner = m?.[1] ?? raw;
  return { type: inner.replace(/^graph\./, `${NAMESPACE}.`), collection: m !== null, nullable: nullable !== 'false' };
}

function properties(node: XmlNode): Record<string, TypeRef> {
  const out: Record<string, TypeRef> = {};
  for (const p of list(node['Property'])) {
    const name = attr(p, 'Name');
    const type = attr(p, 'Type');
    if (name && type) out[name] = typeRef(type, attr(p, 'Nullable'));
  }
  return out;
}

/** The subset for `csdl` (the XML text). */
export function extractGraphSubset(csdl: string, source: string): GraphSpecSubset {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' });
  const doc = parser.parse(csdl) as XmlNode;
  const edmx = doc['edmx:Edmx'] as XmlNode;
  const services = edmx['edmx:DataServices'] as XmlNode;
  const schema = list(services['Schema']).find((s) => attr(s, 'Namespace') === NAMESPACE);
  if (!schema) throw new Error(`${source}: no Schema ${NAMESPACE}`);
  const declared = new Map<string, { kind: SubsetType['kind']; node: XmlNode }>();
  for (const kind of ['EntityType', 'ComplexType'] as const) {
    for (const node of list(schema[kind])) {
      const name = attr(node, 'Name');
      if (name) declared.set(name, { kind, node });
    }
  }
  const types: Record<string, SubsetType> = {};
  const add = (name: string): void => {
    const qualified = `${NAMESPACE}.${name}`;
    if (types[qualified]) return;
    const found = declared.get(name);
    if (!found) throw new Error(`${source}: type ${qualified} not found`);
    const base = attr(found.node, 'BaseType')?.replace(/^graph\./, `${NAMESPACE}.`) ?? null;
    types[qualified] = { kind: found.kind, baseType: base, properties: properties(found.node) };
    if (base) add(base.slice(NAMESPACE.length + 1));
  };
  TYPES.forEach(add);

  const actions: GraphSpecSubset['actions'] = {};
  for (const wanted of ACTIONS) {
    const action = list(schema['Action']).find((a) => {
      const binding = list(a['Parameter'])[0];
      return attr(a, 'Name') === wanted.name && binding !== undefined && typeRef(attr(binding, 'Type') ?? '', undefined).type === `${NAMESPACE}.${wanted.binding}`;
    });
    if (!action) throw new Error(`${source}: action ${wanted.name} bound to ${wanted.binding} not found`);
    const parameters: Record<string, TypeRef> = {};
    for (const p of list(action['Parameter']).slice(1)) {
      const name = attr(p, 'Name');
      const type = attr(p, 'Type');
      if (name && type) parameters[name] = typeRef(type, attr(p, 'Nullable'));
    }
    const ret = list(action['ReturnType'])[0];
    const retType = ret ? attr(ret, 'Type') : undefined;
    actions[`${NAMESPACE}.${wanted.binding}/${wanted.name}`] = { parameters, returnType: retType ? typeRef(retType, ret ? attr(ret, 'Nullable') : undefined) : null };
  }
  return { source, types, actions };
}

const isMain = process.argv[1] !== undefined && /extract-graph-spec\.ts$/.test(process.argv[1]);
if (isMain) {
  const input = resolve(process.argv[2] ?? '../shared/specs/graph-v1.0-csdl.xml');
  const output = resolve('spec/graph-v1.0-subset.json');
  const subset = extractGraphSubset(readFileSync(input, 'utf8'), 'microsoftgraph/msgraph-metadata clean_v10_metadata/cleanMetadata.xml (graph-v1.0-csdl.xml)');
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(subset, null, 2)}\n`);
  console.log(`${Object.keys(subset.types).length} types and ${Object.keys(subset.actions).length} actions written to ${output}`);
}
