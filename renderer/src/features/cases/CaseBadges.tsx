// DOM. The small markers a case carries everywhere: its stage, risk, priority, status, and a review
// that is due or overdue.
import { useTranslation } from 'react-i18next';
import type { CaseRiskLevel, Priority } from '@shared/cases/fields';
import { stageIndex, type CaseStatus, type Stage } from '@shared/cases/stages';
import { Badge, type Tone } from '../../ui/misc';
import { useCaseFormat } from './format';

// "Not yet assessed" is information to act on, not a level: its own tone, never the medium one.
const riskTone: Record<CaseRiskLevel, Tone> = { not_assessed: 'info', low: 'neutral', medium: 'warning', high: 'danger' };
const priorityTone: Record<Priority, Tone> = { normal: 'neutral', high: 'warning', urgent: 'danger' };

export function StageLabel({ stage, short = false }: { stage: Stage; short?: boolean }) {
  const { t } = useTranslation('cases');
  return (
    <span className="stage-label">
      <span className="stage-label__step" aria-hidden="true">
        {stageIndex(stage) + 1}
      </span>
      {t(short ? `stagesShort.${stage}` : `stages.${stage}`)}
    </span>
  );
}

export function RiskBadge({ level, withLabel = false }: { level: CaseRiskLevel; withLabel?: boolean }) {
  const { t } = useTranslation('cases');
  return <Badge tone={riskTone[level]}>{withLabel ? t('risk.labelled', { level: t(`risk.${level}`) }) : t(`risk.${level}`)}</Badge>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation('cases');
  if (priority === 'normal') return null;
  return <Badge tone={priorityTone[priority]}>{t('priority.labelled', { level: t(`priority.${priority}`) })}</Badge>;
}

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('cases');
  if (status === 'open') return null;
  return <Badge tone={status === 'halted' ? 'warning' : 'neutral'}>{t(`status.${status}`)}</Badge>;
}

export function ReviewDue({ date, overdue }: { date: string | null; overdue: boolean }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  if (!date) return <span className="muted">—</span>;
  return overdue ? (
    <span className="review review--overdue">
      {format.day(date)} <span className="review__flag">{t('review.overdue')}</span>
    </span>
  ) : (
    <span className="review">{format.day(date)}</span>
  );
}
