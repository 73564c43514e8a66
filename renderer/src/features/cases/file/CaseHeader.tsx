// DOM. The case file's header: photo, name, number, age, the stage stepper, risk, priority, the
// workers, the plan review date, and a banner when the case is halted or closed.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { Alert, Badge } from '../../../ui/misc';
import { ChildViewsText } from '../../casework/ChildViewsFields';
import { PriorityBadge, ReviewDue, RiskBadge, StatusBadge } from '../CaseBadges';
import { childName, todayUtc, useCaseFormat } from '../format';
import { useCasePhoto } from '../queries';
import { StageStepper } from './StageStepper';

function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]?.toLocaleUpperCase() ?? '')
    .join('');
}

export function CaseHeader({ caseFile, actions }: { caseFile: CaseFile; actions?: ReactNode }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const photo = useCasePhoto(caseFile.id, caseFile.hasPhoto);
  const name = childName(caseFile.child);
  const estimated = caseFile.child.dateOfBirth === null || caseFile.child.dateOfBirthEstimated;

  return (
    <header className="case-header">
      <div className="case-header__top">
        <div className="case-header__photo">
          {caseFile.hasPhoto && photo.data ? (
            <img src={photo.data} alt={t('file.photoAlt', { name })} />
          ) : (
            <span className="case-header__initials" aria-hidden="true">
              {initials(name)}
            </span>
          )}
        </div>
        <div className="case-header__identity">
          <p className="eyebrow">
            <span dir="ltr" className="mono">
              {caseFile.number}
            </span>
          </p>
          <h1 className="case-header__name" id="case-name" tabIndex={-1}>
            <bdi>{name}</bdi>
          </h1>
          <p className="case-header__facts">
            <span>{format.age(caseFile.ageYears, estimated)}</span>
            <span aria-hidden="true">·</span>
            <span>{t(`sexes.${caseFile.child.sex}`)}</span>
            {caseFile.child.otherNames.length > 0 ? (
              <>
                <span aria-hidden="true">·</span>
                <span>
                  {t('file.alsoKnownAs')} <bdi>{caseFile.child.otherNames.join(', ')}</bdi>
                </span>
              </>
            ) : null}
          </p>
          <div className="case-header__badges">
            <RiskBadge level={caseFile.riskLevel} withLabel />
            <PriorityBadge priority={caseFile.priority} />
            <StatusBadge status={caseFile.status} />
            {caseFile.spontaneous ? <span className="badge badge--info">{t('case.spontaneous')}</span> : null}
            {caseFile.paper ? (
              <span className="badge badge--info">
                {t('paper.badge', { date: format.day(caseFile.paper.since), name: caseFile.paper.markedByName ?? '—', on: format.day(caseFile.paper.markedAt) })}
              </span>
            ) : null}
          </div>
        </div>
        {actions ? <div className="case-header__actions">{actions}</div> : null}
      </div>
      <dl className="case-header__meta">
        <div>
          <dt>{t('case.worker')}</dt>
          <dd>{caseFile.workerName ?? t('case.unassigned')}</dd>
        </div>
        {caseFile.familyWorkerName ? (
          <div>
            <dt>{t('case.familyWorker')}</dt>
            <dd>{caseFile.familyWorkerName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('case.reviewDue')}</dt>
          <dd>
            {caseFile.reviewDue ? (
              <ReviewDue date={caseFile.reviewDue} overdue={caseFile.status === 'open' && caseFile.reviewDue < new Date().toISOString().slice(0, 10)} />
            ) : (
              <span className="muted">{t('case.noReview')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('case.registered')}</dt>
          <dd>{format.day(caseFile.registeredAt)}</dd>
        </div>
      </dl>
      <StageStepper stage={caseFile.stage} status={caseFile.status} />
      {caseFile.halt ? (
        <Alert tone="warning" title={t('halt.banner', { alternative: t(`halt.alternatives.${caseFile.halt.alternative}`) })} live={false}>
          <p>{t('halt.bannerSince', { date: format.day(caseFile.halt.haltedAt) })}</p>
          <p>
            <strong>{t('halt.reason')}:</strong> {caseFile.halt.reason}
          </p>
          {caseFile.halt.childViews || caseFile.halt.childViewsAbsent ? (
            <p>
              <strong>{t('halt.childViews')}:</strong> <ChildViewsText views={caseFile.halt.childViews} absence={caseFile.halt.childViewsAbsent} />
            </p>
          ) : null}
          {caseFile.halt.reviewDue ? (
            <p>
              <strong>{t('halt.reviewDue')}:</strong> {format.day(caseFile.halt.reviewDue)}
              {caseFile.halt.reviewDue < todayUtc() ? <> <Badge tone="danger">{t('review.overdue')}</Badge></> : null}
            </p>
          ) : null}
        </Alert>
      ) : null}
      {caseFile.status === 'closed' ? (
        <Alert tone="neutral" live={false}>
          {t('file.closed')}
        </Alert>
      ) : null}
    </header>
  );
}
