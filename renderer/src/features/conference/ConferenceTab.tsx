// DOM. The case file's conference tab: the case's conferences and family meetings, and the one
// open — prepared (details, invitees, what the family will see), run (steps, notes, attendance,
// the family's screen) and agreed (the agreement, the plan draft). Hosted by the case-file page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import { conferenceKinds, type ConferenceKind } from '@shared/conference/schemas';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { useCaseFormat } from '../cases/format';
import { AcknowledgementSection } from './AcknowledgementSection';
import { AgreementSection } from './AgreementSection';
import { CommitmentsSection } from './CommitmentsSection';
import { ConferenceForm } from './ConferenceForm';
import { InviteesSection } from './InviteesSection';
import { RunSection } from './RunSection';
import { SelectionSection } from './SelectionSection';
import { useConference, useConferences } from './queries';
import { parts, resumePoint, type Part } from './resume';
import './conference.css';

export default function ConferenceTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('conference');
  const format = useCaseFormat();
  const caseId = caseFile.id;
  const list = useConferences(caseId);
  // From the Conferences section or My work: `conference` opens one (at its follow-up when it is
  // held), `plan` opens the form for a new conference or meeting.
  const [params] = useSearchParams();
  const planned = params.get('plan');
  // After unlocking, the conference form that held typing when the session locked comes first.
  const [resume] = useState(() => resumePoint(caseId));
  const [openId, setOpenId] = useState<string | null>(resume && 'conferenceId' in resume ? resume.conferenceId : params.get('conference'));
  const [creating, setCreating] = useState<ConferenceKind | null>(resume && 'creating' in resume ? resume.creating : (conferenceKinds.find((k) => k === planned) ?? null));
  const [part, setPart] = useState<Part>(resume && 'part' in resume ? resume.part : params.get('part') === 'followUp' ? 'followUp' : 'details');
  const conference = useConference(caseId, openId);
  const canWrite = caseFile.canWrite;

  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;

  return (
    <div className="stack conference-tab">
      <div className="row row--between">
        <div>
          <h2 className="form-section__title">{t('tab.title')}</h2>
          <p className="muted">{t('tab.intro')}</p>
        </div>
        {canWrite ? (
          <div className="row">
            <Button variant="primary" onClick={() => setCreating('conference')}>
              {t('actions.planConference')}
            </Button>
            <Button onClick={() => setCreating('meeting')}>{t('actions.planMeeting')}</Button>
          </div>
        ) : null}
      </div>
      {!canWrite ? (
        <Alert tone="neutral" live={false}>
          {t('tab.readOnly')}
        </Alert>
      ) : null}
      {creating ? (
        <ConferenceForm
          caseId={caseId}
          kind={creating}
          conference={null}
          onDone={(saved) => {
            setCreating(null);
            if (saved) {
              setOpenId(saved.id);
              setPart('invitees');
            }
          }}
        />
      ) : null}
      {list.data.length === 0 ? (
        <p className="muted">{t('tab.empty')}</p>
      ) : (
        <ul className="conference-list" aria-label={t('tab.listLabel')}>
          {list.data.map((c) => (
            <li key={c.id}>
              <button type="button" className="conference-list__item" aria-current={c.id === openId ? 'true' : undefined} onClick={() => setOpenId(c.id)}>
                <span className="conference-list__title">
                  {t(`kinds.${c.kind}`)} · {t(`purposes.${c.purpose}`)}
                </span>
                <span className="muted">
                  {format.day(c.date)} {c.time} · <bdi>{c.venue}</bdi>
                </span>
                {c.agreed ? <span className="badge badge--success">{t('list.agreed')}</span> : null}
                {c.planVersion !== null ? <span className="badge">{t('list.planVersion', { version: c.planVersion })}</span> : null}
                {c.overdueCommitments > 0 ? (
                  <span className="badge badge--warning">{t('register.overdueCommitments', { number: c.overdueCommitments })}</span>
                ) : c.openCommitments > 0 ? (
                  <span className="badge">{t('register.openCommitments', { number: c.openCommitments })}</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
      {openId && conference.isPending ? <Loading /> : null}
      {conference.isError ? <ErrorAlert error={conference.error} /> : null}
      {conference.data ? (
        <section className="conference-panel" aria-labelledby="conference-panel-title">
          <h3 id="conference-panel-title" className="form-section__title">
            {t(`kinds.${conference.data.kind}`)} · {format.day(conference.data.date)} {conference.data.time}
          </h3>
          <nav className="conference-parts" aria-label={t('parts.label')}>
            {parts.map((p) => (
              <button key={p} type="button" className="btn btn--ghost btn--sm" aria-pressed={part === p} onClick={() => setPart(p)}>
                {t(`parts.${p}`)}
              </button>
            ))}
          </nav>
          {part === 'details' ? <ConferenceForm caseId={caseId} kind={conference.data.kind} conference={conference.data} readOnly={!canWrite} onDone={() => undefined} /> : null}
          {part === 'invitees' ? <InviteesSection caseId={caseId} conference={conference.data} canWrite={canWrite} /> : null}
          {part === 'selection' ? <SelectionSection caseId={caseId} conference={conference.data} canWrite={canWrite} /> : null}
          {part === 'run' ? <RunSection caseFile={caseFile} conference={conference.data} canWrite={canWrite} /> : null}
          {part === 'agreement' ? (
            <>
              <AgreementSection caseId={caseId} conference={conference.data} canWrite={canWrite} />
              <AcknowledgementSection caseId={caseId} conference={conference.data} canWrite={canWrite} />
            </>
          ) : null}
          {part === 'followUp' ? (
            conference.data.agreement.recordedAt ? (
              <CommitmentsSection caseId={caseId} conference={conference.data} canWrite={canWrite} />
            ) : (
              <p className="muted">{t('commitments.noAgreement')}</p>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
