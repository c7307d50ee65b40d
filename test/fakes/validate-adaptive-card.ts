// Every Adaptive Card the Teams surface produces goes through here: the official `adaptivecards` library (parsed for
// target version 1.5: no parse or validation events allowed) and ajv against the vendored Adaptive Card 1.5 JSON
// schema (which catches misspelled or newer properties the library silently drops), plus Teams' 28 KB payload limit.
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

import type * as AdaptiveCards from 'adaptivecards';

type AdaptiveCardsModule = typeof AdaptiveCards;

const root = resolve(__dirname, '..', '..');
// The package's ESM build uses extension-less imports Node cannot load; its UMD bundle works without a DOM.
const AC = createRequire(resolve(root, 'package.json'))('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

/** Teams' limit for a message with a card (the whole payload; the card must stay well inside it). */
const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

let schemaValidator: ValidateFunction | null = null;
function schema(): ValidateFunction {
  if (!schemaValidator) {
    const { id, ...json } = JSON.parse(readFileSync(resolve(root, 'spec', 'adaptive-card-1.5.json'), 'utf8')) as Record<string, unknown>;
    const draft06 = JSON.parse(readFileSync(resolve(root, 'node_modules', 'ajv', 'dist', 'refs', 'json-schema-draft-06.json'), 'utf8')) as Record<string, unknown>;
    // The schema's only formats are uri and uri-reference; URL.canParse (relative to a base) checks both.
    const uri = (v: string) => URL.canParse(v);
    const uriReference = (v: string) => URL.canParse(v, 'https://example.invalid/');
    const ajv = new Ajv({ strict: false, allErrors: true, formats: { uri, 'uri-reference': uriReference } });
    ajv.addMetaSchema(draft06);
    // The file names itself with draft-04's `id`; ajv 8 wants `$id`.
    schemaValidator = ajv.compile({ ...json, $id: String(id) });
  }
  return schemaValidator;
}

/** Every problem with `card` (empty when it is a valid 1.5 card within Teams' size limit). */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size > TEAMS_CARD_LIMIT_BYTES) problems.push(`card is ${size} bytes, over Teams' ${TEAMS_CARD_LIMIT_BYTES}`);

  const validate = schema();
  if (!validate(card)) {
    for (const e of validate.errors ?? []) problems.push(`schema: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }

  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`parse: ${AC.ValidationEvent[event.event]} ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${AC.ValidationEvent[event.event]} ${event.message}`);
  }
  return problems;
}

/** Throws with every problem when `card` is not a valid Adaptive Card 1.5. */
export function expectValidAdaptiveCard(card: unknown): void {
  const problems = adaptiveCardProblems(card);
  if (problems.length > 0) throw new Error(`invalid Adaptive Card:\n  ${problems.join('\n  ')}\n${JSON.stringify(card).slice(0, 2000)}`);
}
