// The sandbox's Okta → Office 365 profile push. When an app user's profile is posted (or its group
// assignment changes) and the app pushes profiles, the app user goes SYNCING; after the tenant's push delay
// the engine computes the licenses Okta wants, reads the user from Graph, and calls assignLicense with the
// difference, against `assignedLicenses` (inherited licenses included: removing those is what Graph refuses).
// The outcome lands in syncState and the System Log, as Okta records it.
import type { SandboxAppUser, SandboxOktaApp } from '../state.ts';
import type { SandboxTenant } from '../tenant.ts';
import { pushEvent } from '../log-events.ts';
import { assignLicense, readAssignedLicenses, type GraphFailure, type GraphTarget } from './graph-push-client.ts';
import { licenseChanges, wantedLicenses } from './wanted-licenses.ts';

type Outcome = { ok: true } | { ok: false; graph: GraphFailure } | { ok: false; text: string };

/** A Graph answer as an outcome; an unreachable Graph is Okta's own error text, not a Graph response. */
const graphFailed = (failure: GraphFailure): Outcome => (failure.httpStatus === 0 ? { ok: false, text: failure.errorMessage } : { ok: false, graph: failure });

interface Pending {
  readonly timer: ReturnType<typeof setTimeout>;
  readonly done: () => void;
  readonly waiter: Promise<void>;
}

/** Whether Okta pushes profile changes of this app now. */
function pushesProfiles(app: SandboxOktaApp): boolean {
  return app.status === 'ACTIVE' && app.connection === 'ENABLED' && app.features.includes('PUSH_PROFILE_UPDATES');
}

/** Schedules, runs and records Okta's profile pushes to Office 365 for one sandbox tenant. */
export class PushEngine {
  private readonly tenant: SandboxTenant;
  private readonly graph: GraphTarget;
  private readonly pending = new Map<string, Pending>();
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private closed = false;

  constructor(options: { tenant: SandboxTenant; graph: GraphTarget }) {
    this.tenant = options.tenant;
    this.graph = options.graph;
  }

  /** An app user's profile was posted (`changed`: it differs from what Okta held); pushes it if Okta would. */
  profilePosted(appId: string, userId: string, changed: boolean): void {
    const found = this.lookup(appId, userId);
    if (this.closed || !found || !pushesProfiles(found.app)) return;
    // UNCONFIRMED (reference/okta.md §3): whether Okta re-pushes a profile posted unchanged.
    if (!changed && !this.tenant.behaviour.pushesUnchangedProfile) return;
    found.au.syncState = 'SYNCING';
    this.tenant.save();
    this.schedule(appId, userId);
  }

  /** Resolves once no push is waiting or running. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.running.size > 0) {
      await Promise.allSettled([...[...this.pending.values()].map((p) => p.waiter), ...this.running]);
    }
  }

  /** Cancels waiting pushes (their app users go back to OUT_OF_SYNC) and stops running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    for (const [key, p] of this.pending) {
      clearTimeout(p.timer);
      const [appId = '', userId = ''] = key.split('|');
      const found = this.lookup(appId, userId);
      if (found?.au.syncState === 'SYNCING') found.au.syncState = 'OUT_OF_SYNC';
      p.done();
    }
    if (this.pending.size > 0) this.tenant.save();
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }

  private lookup(appId: string, userId: string): { app: SandboxOktaApp; au: SandboxAppUser } | null {
    const app = this.tenant.state.okta.apps.find((a) => a.id === appId);
    const au = app?.appUsers.find((u) => u.userId === userId);
    return app && au ? { app, au } : null;
  }

  private schedule(appId: string, userId: string): void {
    const key = `${appId}|${userId}`;
    const previous = this.pending.get(key);
    if (previous) {
      // A newer post supersedes a push that has not started yet: Okta pushes the latest profile once.
      clearTimeout(previous.timer);
      previous.done();
    }
    let done: () => void = () => undefined;
    const waiter = new Promise<void>((resolve) => {
      done = resolve;
    });
    const timer = setTimeout(() => {
      this.pending.delete(key);
      const run = this.push(appId, userId).finally(() => {
        this.running.delete(run);
        done();
      });
      this.running.add(run);
    }, this.tenant.behaviour.pushDelayMs);
    this.pending.set(key, { timer, done, waiter });
  }

  private async push(appId: string, userId: string): Promise<void> {
    this.tenant.refresh();
    const before = this.lookup(appId, userId);
    if (!before) return;
    let outcome: Outcome | null = null;
    if (pushesProfiles(before.app)) {
      try {
        outcome = await this.attempt(before.app, before.au);
      } catch (err) {
        outcome = { ok: false, text: `Sandbox push failed: ${(err as Error).message}` };
      }
    }
    // The state may have been reloaded while Graph answered: record on the current objects.
    this.tenant.refresh();
    const found = this.lookup(appId, userId);
    if (!found) return;
    // Provisioning turned off (or the server closed) before the push went out: the change is not pushed.
    if (outcome === null || this.closed || !pushesProfiles(found.app)) found.au.syncState = 'OUT_OF_SYNC';
    else this.record(found.app, found.au, outcome);
    this.tenant.save();
  }

  private async attempt(app: SandboxOktaApp, au: SandboxAppUser): Promise<Outcome> {
    const wanted = wantedLicenses(au.profile[app.schema.licensesAttribute], this.tenant.state.graph.skus);
    // Okta's wording for an unknown license is not documented; this message is the sandbox's own.
    if (!wanted.ok) return { ok: false, text: `No license found for value '${wanted.value}'. Check the licenses assigned in Okta against the subscriptions of the Microsoft Office 365 tenant.` };
    if (au.externalId === null) return { ok: false, text: 'The user has not been created in Office 365 yet (no external id).' };
    const signal = this.abort.signal;
    const current = await readAssignedLicenses(this.graph, au.externalId, signal);
    if (!current.ok) return graphFailed(current.failure);
    const change = licenseChanges(wanted.licenses, current.value);
    if (change.addLicenses.length === 0 && change.removeLicenses.length === 0) return { ok: true };
    const assigned = await assignLicense(this.graph, au.externalId, change, signal);
    return assigned.ok ? { ok: true } : graphFailed(assigned.failure);
  }

  private record(app: SandboxOktaApp, au: SandboxAppUser, outcome: Outcome): void {
    const now = this.tenant.now();
    const user = this.tenant.state.okta.users.find((u) => u.id === au.userId);
    const input = {
      now,
      app: { id: app.id, label: app.label },
      user: { id: au.userId, login: user?.login ?? au.userName, displayName: user ? `${user.firstName} ${user.lastName}` : au.userName },
      userName: au.userName,
      shape: this.tenant.behaviour.pushFailureShape,
    };
    if (outcome.ok) {
      au.syncState = 'SYNCHRONIZED';
      au.lastSync = now.toISOString();
      this.tenant.state.okta.logs.unshift(pushEvent(input));
      return;
    }
    au.syncState = 'ERROR';
    if ('graph' in outcome) {
      this.tenant.state.okta.logs.unshift(pushEvent({ ...input, failure: outcome.graph }));
      return;
    }
    // Not a Graph answer: the same event, with Okta's own text instead of a Graph response.
    const event = pushEvent({ ...input, failure: { httpStatus: 0, errorCode: '', errorMessage: outcome.text, requestId: '', clientRequestId: '' } });
    const reason = `Could not push profile for Office 365 user ${au.userName}, received error: ${outcome.text}`;
    this.tenant.state.okta.logs.unshift({
      ...event,
      outcome: { result: 'FAILURE', reason },
      debugContext: { debugData: { appname: 'office365', userName: au.userName, errorMessage: outcome.text } },
    });
  }
}
