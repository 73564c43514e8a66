// Node-only. The family's screen. The facilitator's session asks for a one-time pairing code
// (conference.openFamilyView); the family's window or tab presents it on its own connection
// (conference.pairFamilyView), which from then on is a family view of that one conference: the core refuses
// it every channel but the family-view ones (core.ts checkAccess), and those answer only from the
// facilitator's selection, through family-safe output schemas. Codes live in memory only: a
// restart, the facilitator's logout or twelve hours end the pairing.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { FamilyScreen } from '../../../shared/conference/family-view';
import { conferenceChannels } from '../../../shared/conference/contract';
import { stepsFor, type ConferenceStep } from '../../../shared/conference/schemas';
import { can } from '../../../shared/permissions';
import { loadCase } from '../cases/scope';
import type { CoreDeps } from '../deps';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { defineHandlers, type Connection, type FamilyViewGrant } from '../handler';
import { buildScreen, movedTo, readBasis, type ScreenBasis } from './family-screen';
import { conferenceRow } from './read';

/** How long a pairing code can be used, and how long a paired family view lasts. */
export const pairingTtlMs = 2 * 60_000;
export const familyViewTtlMs = 12 * 3_600_000;

interface PendingPairing extends Omit<FamilyViewGrant, 'until'> {
  expiresAt: number;
}

/**
 * What a facilitator's connection may show early: set when a family view is paired from it, looked
 * up by core.ts before conference.setStep waits its turn in the call queue (presentStepEarly).
 */
interface Presenter {
  preview(ref: { caseId: string; conferenceId: string }, step: ConferenceStep, at: Date): { revert(): void } | null;
}
const presenters = new WeakMap<Connection, Presenter>();
const setStepInput = conferenceChannels['conference.setStep'].input;

/**
 * The facilitator clicked a step: the family's screen shows it now, from memory, instead of after
 * the calls queued before this one (a case file reloading after a save, say). Only for the
 * connection that paired a live family view of this very conference, signed in and unlocked as the
 * user who paired it, with a role that may write. The call itself then runs in its turn with every
 * check (scope, auto-lock, the case's state) and writes the step; should it be refused, revert()
 * puts back the stored step, and if it succeeds the stored screen replaces the preview anyway.
 */
export function presentStepEarly(conn: Connection, input: unknown, at: Date): { revert(): void } | null {
  const presenter = presenters.get(conn);
  const parsed = setStepInput.safeParse(input);
  const session = conn.session;
  if (!presenter || !parsed.success || !session || session.locked || !can(session.role, 'case.write')) return null;
  return presenter.preview(parsed.data, parsed.data.step, at);
}

export function createFamilyViewHandlers(deps: CoreDeps) {
  const pending = new Map<string, PendingPairing>();
  // Bumped on every change to a conference, so a family screen polling with the revision it holds
  // gets "unchanged" without a database read.
  let base = 0;

  // Per conference: what its screens are built from (read once per change, inside the facilitator's
  // call) and the screen as it stands, served from memory. The family's polls never touch the
  // database, so the core answers them without queueing behind writes (core.ts).
  const bases = new Map<string, ScreenBasis>();
  const snapshots = new Map<string, FamilyScreen>();
  const waiters = new Map<string, Set<() => void>>();
  const publish = (conferenceId: string, next: FamilyScreen | null) => {
    if (next) snapshots.set(conferenceId, next);
    else snapshots.delete(conferenceId);
    for (const wake of [...(waiters.get(conferenceId) ?? [])]) wake();
  };
  async function refresh(db: Kysely<DB>, conferenceId: string): Promise<void> {
    const basis = await readBasis(db, conferenceId);
    if (basis) bases.set(conferenceId, basis);
    else bases.delete(conferenceId);
    publish(conferenceId, basis ? buildScreen(basis, basis.row, ++base) : null);
  }
  const showStored = (conferenceId: string) => {
    const basis = bases.get(conferenceId);
    if (basis) publish(conferenceId, buildScreen(basis, basis.row, ++base));
  };

  const prune = (now: number) => {
    for (const [token, p] of pending) if (p.expiresAt <= now) pending.delete(token);
  };

  /** The facilitator who paired this view must still be signed in (locked is fine: private time). */
  function liveGrant(conn: Connection, now: number): FamilyViewGrant {
    const grant = conn.familyView;
    if (!grant) throw new AppError('FORBIDDEN', 'not a family view');
    const facilitator = [...deps.connections].find((c) => c.id === grant.facilitatorConnId);
    if (now > grant.until || !facilitator?.session || facilitator.session.userId !== grant.pairedBy) {
      throw new AppError('NOT_AUTHENTICATED', 'the facilitator is no longer signed in');
    }
    return grant;
  }

  const presenterFor = (facilitator: Connection): Presenter => ({
    preview({ caseId, conferenceId }, step, at) {
      const now = at.getTime();
      const paired = [...deps.connections].some((c) => {
        const g = c.familyView;
        return g && g.conferenceId === conferenceId && g.caseId === caseId && g.facilitatorConnId === facilitator.id && g.pairedBy === facilitator.session?.userId && now <= g.until;
      });
      const basis = bases.get(conferenceId);
      if (!paired || !basis || basis.row.step === step || !stepsFor(basis.row.kind).includes(step)) return null;
      publish(conferenceId, buildScreen(basis, movedTo(basis.row, step, at.toISOString()), ++base));
      return { revert: () => showStored(conferenceId) };
    },
  });

  const handlers = defineHandlers({
    'conference.openFamilyView': async ({ caseId, conferenceId }, env) => {
      await loadCase(env, caseId, 'write');
      if (!(await conferenceRow(env.db(), caseId, conferenceId))) throw new AppError('NOT_FOUND', 'no such conference');
      const now = env.now().getTime();
      prune(now);
      const token = crypto.randomBytes(24).toString('base64url');
      pending.set(token, { conferenceId, caseId, facilitatorConnId: env.conn.id, pairedBy: env.session.userId, expiresAt: now + pairingTtlMs });
      await env.audit(env.db(), { action: 'conference.familyViewOpened', entityType: 'case', entityId: caseId, details: { conferenceId } });
      return { token, expiresAt: new Date(now + pairingTtlMs).toISOString() };
    },

    'conference.pairFamilyView': async ({ token }, env) => {
      const now = env.now().getTime();
      prune(now);
      const found = pending.get(token);
      // One use only: a code read off the screen or the address bar is worth nothing afterwards.
      pending.delete(token);
      if (!found || env.conn.session) throw new AppError('FORBIDDEN', 'this pairing code is not valid');
      const grant: FamilyViewGrant = { conferenceId: found.conferenceId, caseId: found.caseId, facilitatorConnId: found.facilitatorConnId, pairedBy: found.pairedBy, until: now + familyViewTtlMs };
      env.conn.familyView = grant;
      liveGrant(env.conn, now);
      await refresh(env.db(), grant.conferenceId);
      const facilitator = [...deps.connections].find((c) => c.id === grant.facilitatorConnId);
      if (facilitator) presenters.set(facilitator, presenterFor(facilitator));
      await deps.auditAs(deps.store.get().db, {
        action: 'conference.familyViewPaired',
        userId: grant.pairedBy,
        entityType: 'case',
        entityId: grant.caseId,
        details: { conferenceId: grant.conferenceId, connection: env.conn.id.slice(0, 8) },
      });
      return { paired: true as const };
    },

    // Memory only: no database access here (the core serves this channel outside its queue).
    'conference.familyScreen': async ({ knownRevision, waitMs }, env) => {
      const grant = liveGrant(env.conn, env.now().getTime());
      let snapshot = snapshots.get(grant.conferenceId);
      if (snapshot && snapshot.revision === knownRevision && waitMs > 0) {
        // A long poll: answered the moment the conference changes (a push), or "unchanged" later.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, waitMs);
          function done() {
            clearTimeout(timer);
            waiters.get(grant.conferenceId)?.delete(done);
            resolve();
          }
          if (!waiters.has(grant.conferenceId)) waiters.set(grant.conferenceId, new Set());
          waiters.get(grant.conferenceId)!.add(done);
        });
        liveGrant(env.conn, env.now().getTime());
        snapshot = snapshots.get(grant.conferenceId);
      }
      if (!snapshot) throw new AppError('NOT_FOUND', 'no such conference');
      if (snapshot.revision === knownRevision) return { changed: false as const };
      return { changed: true as const, screen: snapshot };
    },
  });

  return {
    handlers,
    /** A conference changed (its transaction ended): the family's screen is built again from what is stored. */
    async touched(db: Kysely<DB>, conferenceId: string) {
      if (bases.has(conferenceId) || [...deps.connections].some((c) => c.familyView?.conferenceId === conferenceId)) await refresh(db, conferenceId);
    },
  };
}
