// DOM. Running the conference (the facilitator's private view): the agenda of steps, the step on
// the family's screen, a timer, attendance, notes, and the case file at hand. Private family time
// moves the family's screen to the questions and locks this view at once (the app's own lock:
// back only with the facilitator's password) — it is a shared computer.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import type { Conference } from '@shared/conference/contract';
import { stepsFor, type ConferenceStep } from '@shared/conference/schemas';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { TextAreaField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { useLockAction } from '../../ui/lockAction';
import { DraftKept, useDraftedValue } from './drafted';
import { conferenceDraftKey } from './resume';
import { useConferenceChange } from './queries';
import { Timer } from './Timer';

/** The family's screen: a second window (desktop app) or tab (browser mode) on the app's own origin. */
function familyViewUrl(token: string): string {
  return `${window.location.origin}${window.location.pathname}#/family-view?pair=${encodeURIComponent(token)}`;
}

export function RunSection({ caseFile, conference, canWrite }: { caseFile: CaseFile; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const caseId = caseFile.id;
  const steps = stepsFor(conference.kind);
  const setStep = useConferenceChange('conference.setStep', caseId);
  const saveNotes = useConferenceChange('conference.saveNotes', caseId);
  const attendance = useConferenceChange('conference.saveInvitee', caseId);
  const lock = useLockAction();
  const { value: notes, update: setNotes, draft } = useDraftedValue<string>(conferenceDraftKey(caseId, conference.id, 'notes'), canWrite, () => conference.facilitatorNotes);
  const [openError, setOpenError] = useState<unknown>(null);

  const go = (step: ConferenceStep) => {
    setStep.mutate(
      { conferenceId: conference.id, step },
      {
        onSuccess: () => {
          // The facilitator leaves the room: nothing of the case stays on this screen.
          if (step === 'private_time') lock?.();
        },
      },
    );
  };

  const openFamilyView = async () => {
    setOpenError(null);
    try {
      const { token } = await call('conference.openFamilyView', { caseId, conferenceId: conference.id });
      window.open(familyViewUrl(token), '_blank', 'noopener');
    } catch (error) {
      setOpenError(error);
    }
  };

  const current = conference.step;
  const index = current ? steps.indexOf(current) : -1;
  const next = steps[index + 1] ?? null;

  return (
    <div className="stack run-section">
      <div className="row row--between">
        <h4 className="form-section__title">{t('run.title')}</h4>
        {canWrite ? <Button onClick={() => void openFamilyView()}>{t('run.openFamilyView')}</Button> : null}
      </div>
      <ErrorAlert error={openError} />
      <ol className="agenda" aria-label={t('run.agenda')}>
        {steps.map((step) => (
          <li key={step} className="agenda__step" aria-current={step === current ? 'step' : undefined}>
            <Button variant={step === current ? 'primary' : 'secondary'} size="sm" disabled={!canWrite || setStep.isPending} onClick={() => go(step)} data-step={step}>
              {t(`steps.${step}`)}
            </Button>
          </li>
        ))}
      </ol>
      <p role="status" className="run-section__current">
        {current ? t('run.current', { step: t(`steps.${current}`) }) : t('run.notStarted')}
      </p>
      {current ? <Timer since={conference.stepStartedAt} label={t('run.stepTime')} /> : null}
      {canWrite && next ? (
        <Button variant="primary" onClick={() => go(next)} busy={setStep.isPending}>
          {next === 'private_time' ? t('run.startPrivate') : t('run.next', { step: t(`steps.${next}`) })}
        </Button>
      ) : null}
      <ErrorAlert error={setStep.error} />
      <h5 className="form-section__title">{t('run.attendance')}</h5>
      <ul className="invitee-list">
        {conference.invitees.map((invitee) => (
          <li key={invitee.id} className="row">
            <bdi>{invitee.name}</bdi> <span className="muted">{t(`statuses.${invitee.status}`)}</span>
            {canWrite && invitee.status !== 'attended' ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() =>
                  attendance.mutate({ conferenceId: conference.id, invitee: { id: invitee.id, memberId: invitee.memberId, name: invitee.name, role: invitee.role, language: invitee.language, status: 'attended' } })
                }
              >
                {t('run.markAttended', { name: invitee.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorAlert error={attendance.error} />
      <TextAreaField
        label={t('run.notes')}
        description={t('run.notesHint')}
        rows={6}
        disabled={!canWrite}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      {canWrite ? (
        <div className="row">
          <Button busy={saveNotes.isPending} onClick={() => saveNotes.mutate({ conferenceId: conference.id, notes }, { onSuccess: () => void draft.discard() })}>
            {t('run.saveNotes')}
          </Button>
          <DraftKept savedAt={draft.savedAt} />
        </div>
      ) : null}
      <nav aria-label={t('run.caseFile')} className="row">
        {(['overview', 'family', 'safety', 'plan'] as const).map((tab) => (
          <Link key={tab} to={`/cases/${caseId}?tab=${tab}`}>
            {t(`run.caseTabs.${tab}`)}
          </Link>
        ))}
      </nav>
    </div>
  );
}
