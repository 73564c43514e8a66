// Node-only. The family's screen. The facilitator's session asks for a one-time pairing code
// (conference.openFamilyView); the family's window or tab presents it on its own connection
// (conference.pairFamilyView), which from then on is a family view of that one conference: the core refuses
// it every channel but the family-view ones (core.ts checkAccess), and those answer only from the
// facilitator's selection, through family-safe output schemas. Codes live in memory only: a
// restart, the facilitator's logout or twelve hours end the pairing.
import crypto from 'node:crypto';
import { AppError } from '../../../shared/contract/errors';
import type { FamilyScreen } from '../../../shared/conference/family-view';
import { stepsFor, type SelectionKind } from '../../../shared/conference/schemas';
import type { Language } from '../../../shared/i18n/languages';
import { loadCase } from '../cases/scope';
import type { CoreDeps } from '../deps';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { defineHandlers, type Connection, type FamilyViewGrant } from '../handler';
import { conferenceRow, parseSelection, type ConferenceRow } from './read';

/** How long a pairing code can be used, and how long a paired family view lasts. */
export const pairingTtlMs = 2 * 60_000;
export const familyViewTtlMs = 12 * 3_600_000;

interface PendingPairing extends Omit<FamilyViewGrant, 'until'> {
  expiresAt: number;
}

/** What each step shows of the facilitator's selection. */
const shownAt: Record<string, readonly SelectionKind[]> = {
  welcome: [],
  information: ['strength', 'worry', 'child_words'],
  private_time: ['question'],
  family_plan: ['question', 'strength'],
  agreement: [],
};

export function createFamilyViewHandlers(deps: CoreDeps) {
  const pending = new Map<string, PendingPairing>();
  // Bumped on every change to a conference, so a family screen polling with the revision it holds
  // gets "unchanged" without a database read.
  const revisions = new Map<string, number>();
  let base = 0;
  const revisionOf = (conferenceId: string) => {
    if (!revisions.has(conferenceId)) revisions.set(conferenceId, ++base);
    return revisions.get(conferenceId)!;
  };

  // The family's screen as it stands, per conference: built when the conference changes (inside the
  // facilitator's call), served from memory. The family's polls never touch the database, so the
  // core answers them without queueing behind writes (core.ts) — that keeps a step change < 100 ms.
  const snapshots = new Map<string, FamilyScreen>();
  const waiters = new Map<string, Set<() => void>>();
  const publish = (conferenceId: string, next: FamilyScreen | null) => {
    if (next) snapshots.set(conferenceId, next);
    else snapshots.delete(conferenceId);
    for (const wake of [...(waiters.get(conferenceId) ?? [])]) wake();
  };
  async function refresh(db: Kysely<DB>, conferenceId: string): Promise<void> {
    const row = await db.selectFrom('conferences').selectAll().where('id', '=', conferenceId).executeTakeFirst();
    publish(conferenceId, row ? await screen(db, row) : null);
  }

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

  async function screen(db: Kysely<DB>, row: ConferenceRow): Promise<FamilyScreen> {
    const step = row.step;
    const kinds = step ? shownAt[step] : [];
    // The child's words are checked again here: the child may have withdrawn their agreement.
    const shown = parseSelection(row)
      .filter((item) => kinds.includes(item.kind) && (item.kind !== 'child_words' || row.child_agreed_to_share === 1))
      .map((item) => ({ kind: item.kind, text: item.text }));
    const agreement =
      step === 'agreement'
        ? (await db.selectFrom('conference_commitments').select(['who', 'what', 'by_when', 'support_needed', 'family_part']).where('conference_id', '=', row.id).orderBy('position').execute()).map(
            (c) => ({ who: c.who, what: c.what, byWhen: c.by_when, supportNeeded: c.support_needed, familyPart: c.family_part }),
          )
        : [];
    const privateEndsAt =
      step === 'private_time' && row.private_started_at ? new Date(Date.parse(row.private_started_at) + row.private_minutes * 60_000).toISOString() : null;
    return {
      revision: revisionOf(row.id),
      language: row.family_language as Language,
      kind: row.kind,
      purpose: row.purpose,
      steps: [...stepsFor(row.kind)],
      step,
      privateEndsAt,
      shown,
      agreement,
    };
  }

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
    /**
     * The facilitator moved to another step: the family's screen shows it at once, before the
     * change is written (the step is display; if the write fails, touched() puts back what is stored).
     */
    async showStepEarly(db: Kysely<DB>, row: ConferenceRow, step: ConferenceRow['step'], at: string) {
      if (!snapshots.has(row.id)) return;
      revisions.set(row.id, ++base);
      const entersPrivate = step === 'private_time';
      publish(row.id, await screen(db, { ...row, step, step_started_at: at, private_started_at: entersPrivate ? at : row.private_started_at }));
    },
    /** A conference changed (its transaction committed): the family's screen is built again. */
    async touched(db: Kysely<DB>, conferenceId: string) {
      revisions.set(conferenceId, ++base);
      if (snapshots.has(conferenceId) || [...deps.connections].some((c) => c.familyView?.conferenceId === conferenceId)) await refresh(db, conferenceId);
    },
  };
}
