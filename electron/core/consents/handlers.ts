// Node-only. The consents feature's handlers: consent and assent recorded with who, what for, how
// and when; withdrawal recorded on the consent, which stays on file.
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import { todayIso } from '../../../shared/cases/fields';
import { consentKindOf, type Consent } from '../../../shared/consents/contract';
import { AppError } from '../../../shared/contract/errors';
import { assertEventDate } from '../cases/dates';
import { loadCase, recordCaseChange, recordCaseView } from '../cases/scope';
import type { CoreDeps } from '../deps';
import { defineHandlers, type HandlerEnv } from '../handler';
import { caseBeganOn } from '../notes/case-dates';
import type { ConsentsTable } from './tables';

export { hasConsent } from './queries';

type ConsentRow = Selectable<ConsentsTable> & {
  document_title: string | null;
  document_removed_at: string | null;
  recorded_by_name: string | null;
  withdrawn_by_name: string | null;
};

function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    kind: consentKindOf(row.given_by),
    givenBy: row.given_by,
    memberId: row.member_id,
    giverName: row.giver_name,
    relationship: row.relationship,
    purposes: JSON.parse(row.purposes) as Consent['purposes'],
    purposeOther: row.purpose_other,
    method: row.method,
    date: row.given_on,
    documentId: row.document_id,
    documentTitle: row.document_removed_at ? null : row.document_title,
    notes: row.notes,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
    withdrawal: row.withdrawn_on
      ? {
          date: row.withdrawn_on,
          reason: row.withdrawn_reason ?? '',
          recordedAt: row.withdrawn_at ?? '',
          recordedByName: row.withdrawn_by_name,
        }
      : null,
    active: row.withdrawn_on === null,
  };
}

function consentQuery(env: HandlerEnv, caseId: string) {
  return env
    .db()
    .selectFrom('consents')
    .leftJoin('case_documents', 'case_documents.id', 'consents.document_id')
    .leftJoin('users as recorder', 'recorder.id', 'consents.recorded_by')
    .leftJoin('users as withdrawer', 'withdrawer.id', 'consents.withdrawn_by')
    .selectAll('consents')
    .select([
      'case_documents.title as document_title',
      'case_documents.removed_at as document_removed_at',
      'recorder.display_name as recorded_by_name',
      'withdrawer.display_name as withdrawn_by_name',
    ])
    .where('consents.case_id', '=', caseId);
}

async function oneConsent(env: HandlerEnv, caseId: string, consentId: string): Promise<ConsentRow> {
  const row = await consentQuery(env, caseId).where('consents.id', '=', consentId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'no such consent in this case');
  return row;
}

function invalidReference(field: string): AppError {
  return new AppError('VALIDATION', `the ${field} is not part of this case`, {
    issues: [{ path: ['consent', field], code: 'notInCase', message: 'notInCase' }],
  });
}

export function createConsentsHandlers(_deps: CoreDeps) {
  return defineHandlers({
    'consents.list': async ({ caseId }, env) => {
      await loadCase(env, caseId, 'read');
      const rows = await consentQuery(env, caseId).orderBy('consents.given_on', 'desc').orderBy('consents.recorded_at', 'desc').execute();
      await recordCaseView(env, caseId, 'consents');
      return rows.map(toConsent);
    },

    'consents.record': async ({ caseId, consent }, env) => {
      const caseRow = await loadCase(env, caseId, 'write');
      assertEventDate(consent.date, todayIso(env.now()), caseBeganOn(caseRow), 'consent.date');
      let { giverName, relationship } = consent;
      if (consent.memberId) {
        const member = await env
          .db()
          .selectFrom('family_members')
          .select(['given_name', 'family_name', 'relationship', 'role', 'role_other'])
          .where('id', '=', consent.memberId)
          .where('case_id', '=', caseId)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (!member) throw invalidReference('memberId');
        // The form may leave these to the family tab; the record keeps them as they were then.
        giverName ||= [member.given_name, member.family_name].filter(Boolean).join(' ');
        relationship ||= member.relationship ?? (member.role === 'other' ? member.role_other : member.role) ?? '';
      }
      if (consent.documentId) {
        const document = await env
          .db()
          .selectFrom('case_documents')
          .select('id')
          .where('id', '=', consent.documentId)
          .where('case_id', '=', caseId)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (!document) throw invalidReference('documentId');
      }
      const id = crypto.randomUUID();
      const kind = consentKindOf(consent.givenBy);
      await env.tx(async (trx) => {
        await trx
          .insertInto('consents')
          .values({
            id,
            case_id: caseId,
            given_by: consent.givenBy,
            member_id: consent.memberId,
            giver_name: consent.givenBy === 'child' ? '' : giverName,
            relationship: consent.givenBy === 'child' ? '' : relationship,
            purposes: JSON.stringify(consent.purposes),
            purpose_other: consent.purposes.includes('other') ? consent.purposeOther : '',
            method: consent.method,
            given_on: consent.date,
            document_id: consent.documentId,
            notes: consent.notes,
            recorded_at: env.now().toISOString(),
            recorded_by: env.session.userId,
            withdrawn_on: null,
            withdrawn_reason: null,
            withdrawn_at: null,
            withdrawn_by: null,
          })
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'consent.record',
          {
            consentId: id,
            kind,
            givenBy: consent.givenBy,
            purposes: consent.purposes,
            method: consent.method,
            memberId: consent.memberId,
            documentId: consent.documentId,
          },
          { consentId: id, kind, givenBy: consent.givenBy, purposes: consent.purposes, method: consent.method, date: consent.date },
        );
      });
      return toConsent(await oneConsent(env, caseId, id));
    },

    'consents.withdraw': async ({ caseId, consentId, date, reason }, env) => {
      await loadCase(env, caseId, 'write');
      const before = await oneConsent(env, caseId, consentId);
      if (before.withdrawn_on) {
        throw new AppError('CONFLICT', 'this consent was already withdrawn', { params: { reason: 'alreadyWithdrawn' } });
      }
      // A consent cannot be withdrawn before it was given.
      assertEventDate(date, todayIso(env.now()), before.given_on, 'date');
      await env.tx(async (trx) => {
        await trx
          .updateTable('consents')
          .set({ withdrawn_on: date, withdrawn_reason: reason, withdrawn_at: env.now().toISOString(), withdrawn_by: env.session.userId })
          .where('id', '=', consentId)
          .where('withdrawn_on', 'is', null)
          .execute();
        await recordCaseChange(
          env,
          trx,
          caseId,
          'consent.withdraw',
          { consentId, kind: consentKindOf(before.given_by), purposes: JSON.parse(before.purposes) as unknown },
          { consentId, kind: consentKindOf(before.given_by), date, reason },
        );
      });
      return toConsent(await oneConsent(env, caseId, consentId));
    },
  });
}
