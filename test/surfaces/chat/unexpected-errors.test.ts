// Errors end in one place: a chat flow meets a LicenseDoctorError as a message the person can act on, and anything
// unexpected as a message with a correlation id that is also in the one log line with the error (its text is never
// shown). The Teams turn does the same for a card action.
import type { ChatServices } from '../../../src/app/services.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { decide, diagnoseText, recheckRequest, type ChatFlowDeps } from '../../../src/surfaces/chat/chat-flows.ts';
import { safely } from '../../../src/surfaces/teams/teams-turn.ts';
import { startSandboxRuntime, type SandboxRuntime } from '../../support/test-runtime.ts';

const REFERENCE = /reference (E-[0-9A-F]{8})\)/;
const AGENT = { entraIdentity: 'megan.bowen@contoso.com', surface: 'teams' as const, surfaceUserId: '29:megan', displayName: 'Megan Bowen' };

let runtime: SandboxRuntime;
let logged: Array<Record<string, unknown>>;
let chat: ChatFlowDeps;

beforeAll(async () => {
  runtime = await startSandboxRuntime();
});

beforeEach(() => {
  logged = [];
  const logger = createLogger('error', { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
  chat = { services: runtime.services, logger };
});

afterAll(async () => {
  await runtime.close();
});

test('an unexpected failure shows the person a reference, and the log line with the error carries the same one', async () => {
  const services: ChatServices = { ...chat.services, diagnose: () => Promise.reject(new TypeError('cannot read properties of undefined (reading "skuId")')) };
  const failing: ChatFlowDeps = { ...chat, services };
  const result = await diagnoseText(failing, AGENT, 'adele.vance@contoso.com');
  expect(result.kind).toBe('message');
  const message = result.kind === 'message' ? result.message : '';
  expect(message).toMatch(/^Something went wrong on License Doctor's side \(reference E-[0-9A-F]{8}\)\. Try again/);
  expect(message).not.toContain('skuId');
  const id = REFERENCE.exec(message)?.[1];
  expect(logged).toEqual([expect.objectContaining({ level: 50, correlationId: id, flow: 'diagnose', err: expect.objectContaining({ type: 'TypeError' }) })]);
});

test('expected outcomes stay plain messages, without a reference or a log line', async () => {
  const unknown = await recheckRequest(chat, 'LD-NONE-NONE');
  expect(unknown).toEqual({ kind: 'message', message: 'There is no request LD-NONE-NONE.', refused: false });
  const person = { entraIdentity: 'debra.berger@contoso.com', surface: 'teams' as const, surfaceUserId: '29:debra', displayName: 'Debra Berger' };
  const refused = await decide(chat, person, 'LD-NONE-NONE', 'approve');
  expect(refused.kind).toBe('message');
  const unusable = await diagnoseText(chat, AGENT, '   ');
  expect(unusable).toMatchObject({ kind: 'message', refused: false });
  expect(unusable.kind === 'message' ? unusable.message : '').not.toMatch(REFERENCE);
  expect(logged).toEqual([]);
});

test('a Teams card action that fails unexpectedly answers with a reference, logged with the verb', async () => {
  const logger = createLogger('error', { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
  const reply = await safely(logger, 'approve', () => Promise.reject(new Error('socket hang up')));
  expect(reply.kind).toBe('message');
  const id = REFERENCE.exec(reply.kind === 'message' ? reply.text : '')?.[1];
  expect(id).toBeDefined();
  expect(logged).toEqual([expect.objectContaining({ correlationId: id, surface: 'teams', verb: 'approve' })]);
});
