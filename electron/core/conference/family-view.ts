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

  async function screen(row: ConferenceRow): Promise<FamilyScreen> {
    const db = deps.store.get().db;
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
      await deps.auditAs(deps.store.get().db, {
        action: 'conference.familyViewPaired',
        userId: grant.pairedBy,
        entityType: 'case',
        entityId: grant.caseId,
        details: { conferenceId: grant.conferenceId, connection: env.conn.id.slice(0, 8) },
      });
      return { paired: true as const };
    },

    'conference.familyScreen': async ({ knownRevision }, env) => {
      const grant = liveGrant(env.conn, env.now().getTime());
      if (revisions.has(grant.conferenceId) && revisionOf(grant.conferenceId) === knownRevision) return { changed: false as const };
      const row = await conferenceRow(env.db(), grant.caseId, grant.conferenceId);
      if (!row) throw new AppError('NOT_FOUND', 'no such conference');
      return { changed: true as const, screen: await screen(row) };
    },
  });

  return {
    handlers,
    /** A conference changed: family screens showing it fetch it again. */
    touched(conferenceId: string) {
      revisions.set(conferenceId, ++base);
    },
  };
}
