// DOM. One version of the plan, read-only: objectives grouped by well-being domain with their
// progress, family ownership, the contingency plan (an anchor other tabs send the worker to),
// legal guardianship, the family's acknowledgement and a supervisor's approval.
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Objective, PlanVersion } from '@shared/plans/contract';
import { wellbeingDomains, type ObjectiveStatus } from '@shared/plans/schemas';
import { Button } from '../../ui/Button';
import { useDayFormat } from '../../ui/format';
import { Badge, type Tone } from '../../ui/misc';
import { useAcknowledgementImage } from './queries';
import { UserText, userTextDir } from '../../ui/UserText';

export const statusTone: Record<ObjectiveStatus, Tone> = {
  not_started: 'neutral',
  in_progress: 'info',
  achieved: 'success',
  not_achieved: 'danger',
  dropped: 'neutral',
};

function ObjectiveCard({ objective, onProgress, headingLevel }: { objective: Objective; onProgress?: (objective: Objective) => void; headingLevel: 4 | 5 }) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const Heading = headingLevel === 4 ? 'h4' : 'h5';
  return (
    <article className="plan-objective" aria-label={objective.objective}>
      <div className="row row--between">
        <Heading className="card__title">
          <UserText>{objective.objective}</UserText>
        </Heading>
        <span>
          {objective.confidential ? <Badge tone="warning">{t('objective.confidentialBadge')}</Badge> : null}{' '}
          <Badge tone={statusTone[objective.status]}>{t(`statuses.${objective.status}`)}</Badge>
        </span>
      </div>
      <dl className="plan-facts">
        <dt>{t('objective.indicator')}</dt>
        <dd {...userTextDir}>{objective.indicator}</dd>
        <dt>{t('objective.targetDate')}</dt>
        <dd>{day(objective.targetDate)}</dd>
        <dt>{t('objective.responsible')}</dt>
        <dd {...userTextDir}>{objective.responsible}</dd>
        {objective.resources ? (
          <>
            <dt>{t('objective.resources')}</dt>
            <dd>{objective.resources}</dd>
          </>
        ) : null}
        {objective.partialSupport ? (
          <>
            <dt>{t('objective.partialSupport')}</dt>
            <dd>{t('objective.partialSupportText', { what: objective.partialSupport.what, share: objective.partialSupport.familyShare })}</dd>
          </>
        ) : null}
      </dl>
      {objective.progress.length > 0 ? (
        <div>
          <p className="field__label">{t('objective.progress')}</p>
          <ul className="plan-progress">
            {objective.progress.map((note) => (
              <li key={note.id}>
                <span className="cell-nowrap">{day(note.date)}</span>
                {note.status ? <> · {t(`statuses.${note.status}`)}</> : null}
                {note.note ? <> · {note.note}</> : null}
                {note.reviewId ? <> · {t('objective.duringReview')}</> : null}
                {note.recordedByName ? <span className="muted"> ({note.recordedByName})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {onProgress ? (
        <div className="row row--end">
          <Button size="sm" onClick={() => onProgress(objective)} aria-label={t('objective.recordProgressFor', { objective: objective.objective })}>
            {t('objective.recordProgress')}
          </Button>
        </div>
      ) : null}
    </article>
  );
}

export function ObjectivesByDomain({ objectives, onProgress }: { objectives: Objective[]; onProgress?: (objective: Objective) => void }) {
  const { t } = useTranslation('plans');
  if (objectives.length === 0) return <p className="muted">{t('view.noObjectives')}</p>;
  return (
    <>
      {wellbeingDomains
        .filter((domain) => objectives.some((o) => o.domain === domain))
        .map((domain) => (
          <section key={domain} className="plan-domain" aria-label={t(`domains.${domain}`)}>
            <h4>{t(`domains.${domain}`)}</h4>
            {objectives
              .filter((o) => o.domain === domain)
              .map((o) => (
                <ObjectiveCard key={o.id} objective={o} onProgress={onProgress} headingLevel={5} />
              ))}
          </section>
        ))}
    </>
  );
}

function AcknowledgementView({ caseId, plan }: { caseId: string; plan: PlanVersion }) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const ack = plan.acknowledgement;
  const image = useAcknowledgementImage(caseId, plan.version, Boolean(ack?.imageMime));
  if (!ack) return <p className="muted">{t('view.notAcknowledged')}</p>;
  return (
    <div className="stack">
      <dl className="plan-facts">
        <dt>{t('acknowledge.method')}</dt>
        <dd>{t(`methods.${ack.method}`)}</dd>
        <dt>{t('acknowledge.date')}</dt>
        <dd>{day(ack.date)}</dd>
        <dt>{t('acknowledge.familyMembers')}</dt>
        <dd>{ack.familyMembers.map((m) => (m.relationship ? `${m.name} (${m.relationship})` : m.name)).join(', ')}</dd>
        <dt>{t('acknowledge.childAcknowledged')}</dt>
        <dd>{ack.childAcknowledged ? t('view.yes') : t('view.no')}</dd>
        {ack.method === 'verbal' ? (
          <>
            <dt>{t('acknowledge.witnessName')}</dt>
            <dd>{ack.witnessRole ? `${ack.witnessName} (${ack.witnessRole})` : ack.witnessName}</dd>
          </>
        ) : null}
        {ack.notes ? (
          <>
            <dt>{t('acknowledge.notes')}</dt>
            <dd className="plan-text" {...userTextDir}>{ack.notes}</dd>
          </>
        ) : null}
        <dt>{t('view.recordedBy')}</dt>
        <dd>{ack.recordedByName ?? '—'}</dd>
      </dl>
      {image.data ? (
        <img className="plan-image" src={image.data} alt={ack.method === 'signature' ? t('view.signatureAlt') : t('view.thumbprintAlt')} />
      ) : null}
    </div>
  );
}

export function PlanView({
  caseId,
  plan,
  onProgress,
  contingencyRef,
}: {
  caseId: string;
  plan: PlanVersion;
  onProgress?: (objective: Objective) => void;
  contingencyRef?: Ref<HTMLElement>;
}) {
  const { t } = useTranslation('plans');
  const day = useDayFormat();
  const g = plan.guardianship;
  return (
    <div className="stack">
      <section className="plan-section" aria-labelledby={`objectives-${plan.id}`}>
        <h3 id={`objectives-${plan.id}`}>{t('view.objectives')}</h3>
        <ObjectivesByDomain objectives={plan.objectives} onProgress={onProgress} />
      </section>
      <section className="plan-section" aria-labelledby={`ownership-${plan.id}`}>
        <h3 id={`ownership-${plan.id}`}>{t('editor.familyOwnership')}</h3>
        <p className="plan-text">{plan.familyOwnership || '—'}</p>
      </section>
      <section id={contingencyRef ? 'contingency' : undefined} ref={contingencyRef} tabIndex={contingencyRef ? -1 : undefined} className="plan-section" aria-labelledby={`contingency-${plan.id}`}>
        <h3 id={`contingency-${plan.id}`}>{t('editor.contingencyPlan')}</h3>
        <p className="plan-text">{plan.contingencyPlan || t('view.noContingency')}</p>
      </section>
      <section className="plan-section" aria-labelledby={`guardianship-${plan.id}`}>
        <h3 id={`guardianship-${plan.id}`}>{t('editor.guardianship')}</h3>
        <dl className="plan-facts">
          <dt>{t('editor.currentHolder')}</dt>
          <dd>{g.currentHolder || '—'}</dd>
          <dt>{t('editor.returnsTo')}</dt>
          <dd>{g.returnsTo || '—'}</dd>
          <dt>{t('editor.returnsOn')}</dt>
          <dd>{g.returnsOn ? day(g.returnsOn) : '—'}</dd>
          {g.notes ? (
            <>
              <dt>{t('editor.guardianshipNotes')}</dt>
              <dd className="plan-text" {...userTextDir}>{g.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="plan-section" aria-labelledby={`ack-${plan.id}`}>
        <h3 id={`ack-${plan.id}`}>{t('view.acknowledgement')}</h3>
        <AcknowledgementView caseId={caseId} plan={plan} />
      </section>
      <section className="plan-section" aria-labelledby={`approval-${plan.id}`}>
        <h3 id={`approval-${plan.id}`}>{t('view.approval')}</h3>
        {plan.approval ? (
          <p>
            {t('view.approvedBy', { name: plan.approval.byName ?? '—', date: day(plan.approval.at) })}
            {plan.approval.notes ? <span className="plan-text"> — {plan.approval.notes}</span> : null}
          </p>
        ) : (
          <p className="muted">{t('view.notApproved')}</p>
        )}
      </section>
    </div>
  );
}
