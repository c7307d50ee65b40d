// What a modal carries between opening and submission (private_metadata, ≤ 3000 characters). Slack returns it
// unchanged, but it arrives over the network like any payload: it is parsed with a schema, never trusted further
// than naming what the server re-reads.
import { z } from 'zod';
import type { PathId } from '../../core/model/diagnosis.ts';
import { isPathId } from '../../core/paths/path-registry.ts';

const where = { channel: z.string().max(64).nullable(), threadTs: z.string().max(64).nullable() };

const requestMeta = z.object({
  query: z.string().min(1).max(2000),
  path: z.custom<PathId>(isPathId),
  /** The option values the previewed plan was built with (absent: the path's defaults). */
  options: z.record(z.string().max(100), z.union([z.boolean(), z.string().max(200)])).optional(),
  ...where,
});
const rejectMeta = z.object({ requestId: z.string().min(1).max(64), ...where });

/** The plan-preview modal: which user and path, and where the agent asked (their thread gets the status line). */
export type RequestModalMeta = z.infer<typeof requestMeta>;
/** The rejection modal: which request, and where the card was clicked (refusals go there, ephemerally). */
export type RejectModalMeta = z.infer<typeof rejectMeta>;

/** The private_metadata text of a modal. */
export const encodeMeta = (meta: RequestModalMeta | RejectModalMeta): string => JSON.stringify(meta);

const parse = <T>(schema: z.ZodType<T>, text: string): T | null => {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null; // not JSON: treated like any other malformed metadata
  }
};

/** The plan-preview modal's metadata, or null when it is not ours or malformed. */
export const decodeRequestMeta = (text: string): RequestModalMeta | null => parse(requestMeta, text);

/** The rejection modal's metadata, or null. */
export const decodeRejectMeta = (text: string): RejectModalMeta | null => parse(rejectMeta, text);
