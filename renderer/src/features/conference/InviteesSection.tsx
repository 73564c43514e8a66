// DOM. Who is invited: people of the family and network, or anyone beyond it (a teacher, an imam),
// each invited / declined / attended. A person flagged as a risk to the child can be proposed, but
// is invited only after a supervisor records how safety is managed (the core refuses otherwise).
import { useState, type FormEvent } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { Conference } from '@shared/conference/contract';
import { inviteeStatuses, type InviteeStatus } from '@shared/conference/schemas';
import { languageNames, type Language } from '@shared/i18n/languages';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { saveGeneratedFile } from '../../ui/download';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { useDraft, useFormDraft } from '../../ui/useDraft';
import { LanguageSelect } from './drafted';
import { conferenceDraftKey } from './resume';
import { useConferenceChange } from './queries';

interface NewInvitee {
  memberId: string;
  name: string;
  role: string;
  language: Language;
}

/**
 * A supervisor's note of how safety is managed for an invitee who poses a risk; typing is kept as
 * a draft until the note is recorded (a failure is shown by the section's error).
 */
function SafetyNoteForm({ caseId, conferenceId, inviteeId, record }: { caseId: string; conferenceId: string; inviteeId: string; record: (note: string) => Promise<unknown> }) {
  const { t } = useTranslation('conference');
  const form = useForm<{ note: string }>({ defaultValues: { note: '' } });
  const draft = useFormDraft(form, conferenceDraftKey(caseId, conferenceId, 'safety', inviteeId));
  const text = useWatch({ control: form.control, name: 'note' });
  const submit = form.handleSubmit(async ({ note }) => {
    draft.cancel();
    try {
      await record(note);
      await draft.discard();
    } catch {
      // The section shows the error; the typing stays.
    }
  });
  return (
    <div className="stack">
      <TextAreaField label={t('invitees.writeSafetyNote')} {...form.register('note')} />
      <Button size="sm" disabled={!text?.trim() || form.formState.isSubmitting} onClick={() => void submit()}>
        {t('invitees.recordSafetyNote')}
      </Button>
    </div>
  );
}

export function InviteesSection({ caseId, conference, canWrite }: { caseId: string; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const session = useReadySession();
  const members = useQuery({ queryKey: ['case', caseId, 'family', false], queryFn: () => call('family.list', { caseId, includeRemoved: false }) });
  const save = useConferenceChange('conference.saveInvitee', caseId);
  const remove = useConferenceChange('conference.removeInvitee', caseId);
  const note = useConferenceChange('conference.recordSafetyNote', caseId);
  const empty: NewInvitee = { memberId: '', name: '', role: '', language: conference.familyLanguage };
  const draft = useDraft<NewInvitee>(conferenceDraftKey(caseId, conference.id, 'invitee'), canWrite);
  const [adding, setAdding] = useState<NewInvitee | null>(null);
  const value = adding ?? draft.restored ?? empty;
  const set = (patch: Partial<NewInvitee>) => {
    const next = { ...value, ...patch };
    setAdding(next);
    draft.schedule(next);
  };
  const mayApprove = session.permissions.includes('case.approve');
  const [printError, setPrintError] = useState<unknown>(null);
  const printInvitation = async (inviteeId: string) => {
    setPrintError(null);
    try {
      saveGeneratedFile(await call('conference.invitationPdf', { caseId, conferenceId: conference.id, inviteeId }), 'application/pdf');
    } catch (error) {
      setPrintError(error);
    }
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { conferenceId: conference.id, invitee: { memberId: value.memberId || null, name: value.name, role: value.role, language: value.language, status: 'proposed' } },
      {
        onSuccess: () => {
          setAdding(empty);
          void draft.discard();
        },
      },
    );
  };

  const setStatus = (inviteeId: string, status: InviteeStatus) => {
    const invitee = conference.invitees.find((i) => i.id === inviteeId)!;
    save.mutate({ conferenceId: conference.id, invitee: { id: invitee.id, memberId: invitee.memberId, name: invitee.name, role: invitee.role, language: invitee.language, status } });
  };

  return (
    <div className="stack">
      <h4 className="form-section__title">{t('invitees.title')}</h4>
      {conference.invitees.length === 0 ? <p className="muted">{t('invitees.empty')}</p> : null}
      <ul className="invitee-list">
        {conference.invitees.map((invitee) => (
          <li key={invitee.id} className="invitee">
            <div>
              <strong>
                <bdi>{invitee.name}</bdi>
              </strong>{' '}
              {invitee.role ? (
                <span className="muted">
                  (<bdi>{invitee.role}</bdi>)
                </span>
              ) : null}{' '}
              <span className="muted">{languageNames[invitee.language]}</span>
              {invitee.posesRisk ? <span className="badge badge--danger">{t('invitees.risk')}</span> : null}
            </div>
            {invitee.safetyNote ? (
              <p className="muted">
                {t('invitees.safetyNote', { by: invitee.safetyNoteBy ?? '' })} <bdi>{invitee.safetyNote}</bdi>
              </p>
            ) : null}
            <div className="row">
              <SelectField
                label={t('invitees.status', { name: invitee.name })}
                value={invitee.status}
                disabled={!canWrite || save.isPending}
                onChange={(e) => setStatus(invitee.id, e.target.value as InviteeStatus)}
              >
                {inviteeStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`statuses.${s}`)}
                  </option>
                ))}
              </SelectField>
              {!invitee.posesRisk || invitee.safetyNote ? (
                <Button variant="ghost" size="sm" onClick={() => void printInvitation(invitee.id)}>
                  {t('invitees.invitation', { name: invitee.name })}
                </Button>
              ) : null}
              {canWrite ? (
                <Button variant="ghost" size="sm" onClick={() => remove.mutate({ conferenceId: conference.id, inviteeId: invitee.id })}>
                  {t('invitees.remove', { name: invitee.name })}
                </Button>
              ) : null}
            </div>
            {invitee.posesRisk && !invitee.safetyNote && mayApprove ? (
              <SafetyNoteForm caseId={caseId} conferenceId={conference.id} inviteeId={invitee.id} record={(text) => note.mutateAsync({ conferenceId: conference.id, inviteeId: invitee.id, note: text })} />
            ) : null}
            {invitee.posesRisk && !invitee.safetyNote && !mayApprove ? <p className="muted">{t('invitees.needsSupervisor')}</p> : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={save.error ?? remove.error ?? note.error ?? printError} />
      {canWrite ? (
        <form className="stack" onSubmit={add} aria-label={t('invitees.add')}>
          <SelectField
            label={t('invitees.fromNetwork')}
            value={value.memberId}
            onChange={(e) => {
              const member = members.data?.find((m) => m.id === e.target.value);
              set({ memberId: e.target.value, name: member ? `${member.givenName} ${member.familyName}`.trim() : value.name, role: member ? (member.relationship ?? member.role ?? '') : value.role });
            }}
          >
            <option value="">{t('invitees.beyondNetwork')}</option>
            {(members.data ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {`${m.givenName} ${m.familyName}`.trim()}
              </option>
            ))}
          </SelectField>
          <TextField label={t('invitees.name')} required value={value.name} onChange={(e) => set({ name: e.target.value })} />
          <TextField label={t('invitees.role')} value={value.role} onChange={(e) => set({ role: e.target.value })} />
          <LanguageSelect label={t('invitees.language')} value={value.language} onChange={(language) => set({ language })} />
          <div className="row">
            <Button type="submit" busy={save.isPending} disabled={!value.name.trim()}>
              {t('invitees.add')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
