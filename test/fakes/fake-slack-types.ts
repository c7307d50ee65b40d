// The data the fake Slack Web API keeps and records: configured users and channels, recorded calls and
// response_url posts, messages and views as they stand.

export interface FakeSlackUser {
  readonly id: string;
  readonly email: string | null;
  readonly name?: string;
  readonly isBot?: boolean;
  readonly deleted?: boolean;
}

export interface FakeSlackChannel {
  readonly id: string;
  readonly name: string;
  readonly isMember: boolean;
  readonly isPrivate?: boolean;
  readonly isArchived?: boolean;
}

export interface SlackCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly authorization: string | null;
  /** performance.now() when the call arrived (benchmarks). */
  readonly at: number;
}

export interface ResponseUrlPost {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface FakeMessage {
  readonly channel: string;
  readonly ts: string;
  text: string;
  blocks: unknown[];
  readonly threadTs: string | null;
  readonly updates: number;
}

export interface FakeView {
  readonly id: string;
  hash: string;
  view: Record<string, unknown>;
  readonly user: string | null;
}

export interface FakeSlackOptions {
  readonly botToken: string;
  readonly appToken?: string;
  readonly users: readonly FakeSlackUser[];
  readonly channels: readonly FakeSlackChannel[];
  readonly botUserId?: string;
  readonly teamId?: string;
}

/** What a Block Kit payload was sent as: a message (50 blocks) or a modal (100). */
export interface SentPayload {
  readonly source: string;
  readonly kind: 'message' | 'modal';
  readonly payload: Record<string, unknown>;
}
