// Which app user attributes carry licenses and roles, and which license values the app offers. The variable names
// are UNCONFIRMED (reference/okta.md §2), so they are found by what the Admin Console shows: string-array attributes
// titled "Licenses" and "Roles", in the base or custom part of the schema. The offered values are the attribute's
// `items.enum` or `items.oneOf` (`const`, `title`), plus those of a service-plan attribute when there is one.
import type { OktaLicenseSchema, OktaLicenseValue } from '../../core/model/okta.ts';
import type { AppUserSchemaJson } from './schemas.ts';

type Attribute = NonNullable<NonNullable<NonNullable<NonNullable<AppUserSchemaJson['definitions']>['base']>['properties']>[string]>;

function findArrayAttribute(schema: AppUserSchemaJson, matches: (title: string) => boolean): { name: string; attr: Attribute } | null {
  const parts = [schema.definitions?.base, schema.definitions?.custom];
  for (const part of parts) {
    for (const [name, attr] of Object.entries(part?.properties ?? {})) {
      if (attr.type === 'array' && matches(attr.title?.trim().toLowerCase() ?? '')) return { name, attr };
    }
  }
  return null;
}

/** The values an array attribute lists, or null when it lists none (any value is then accepted as far as we know). */
function listedValues(attr: Attribute): OktaLicenseValue[] | null {
  const items = attr.items;
  if (!items) return null;
  const fromEnum = (items.enum ?? []).flatMap((v) => (typeof v === 'string' && v.trim() !== '' ? [{ value: v, title: null }] : []));
  const fromOneOf = (items.oneOf ?? []).flatMap((o): OktaLicenseValue[] => {
    if (o === null || typeof o !== 'object') return [];
    const { const: value, title } = o as { const?: unknown; title?: unknown };
    return typeof value === 'string' && value.trim() !== '' ? [{ value, title: typeof title === 'string' ? title : null }] : [];
  });
  if (items.enum == null && items.oneOf == null) return null;
  const seen = new Set<string>();
  return [...fromOneOf, ...fromEnum].filter((v) => !seen.has(v.value) && Boolean(seen.add(v.value)));
}

/** The licenses and roles attribute names of an app user schema (null when absent), and the offered license values. */
export function findLicenseSchema(schema: AppUserSchemaJson): OktaLicenseSchema {
  const licenses = findArrayAttribute(schema, (t) => t === 'licenses');
  const roles = findArrayAttribute(schema, (t) => t === 'roles');
  const plans = findArrayAttribute(schema, (t) => t === 'service plans' || t === 'plans');
  const licenseValues = licenses ? listedValues(licenses.attr) : null;
  const planValues = plans ? listedValues(plans.attr) : null;
  return {
    licensesAttribute: licenses?.name ?? null,
    rolesAttribute: roles?.name ?? null,
    licenseValues: licenseValues === null ? null : [...licenseValues, ...(planValues ?? [])],
  };
}
