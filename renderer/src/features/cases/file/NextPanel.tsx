// DOM. "What's next": the next stage, each gate that still blocks it (with its reason and a link to
// the tab that fixes it), the plan review date, and the move itself — disabled, with the reasons
// beside it, while anything blocks.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { Button } from '../../../ui/Button';
import { useToast } from '../../../ui/Toast';
import { useCaseFormat } from '../format';
import { useMoveStage } from '../queries';
import { GateExceptions } from '../../approvals/GateExceptions';
import { CaseActionError, GateList } from './CaseActionError';

export function NextPanel({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const toast = useToast();
  const move = useMoveStage();
  const reasonsId = useId();
  const { next } = caseFile;
  const blocked = next.blocked.map((gate) => gate.id);
  const today = new Date().toISOString().slice(0, 10);
  const reviewOverdue = caseFile.status === 'open' && caseFile.reviewDue !== null && caseFile.reviewDue < today;

  const moveOn = () => {
    if (!next.to) return;
    move.mutate(
      { caseId: caseFile.id, version: caseFile.version, to: next.to, reason: '' },
      { onSuccess: (file) => toast.show(t('next.moved', { stage: t(`stages.${file.stage}`) })) },
    );
  };

  let body;
  if (caseFile.status === 'halted') {
    body = <p>{t('next.halted')}</p>;
  } else if (caseFile.status === 'closed') {
    body = <p>{t('next.closed')}</p>;
  } else if (!next.to) {
    body = <p>{t(`next.noNext.${caseFile.stage}`)}</p>;
  } else {
    body = (
      <>
        <p className="next-panel__to">{t('next.to', { stage: t(`stages.${next.to}`) })}</p>
        {blocked.length > 0 ? (
          <div id={reasonsId}>
            <p className="next-panel__needs">{t('next.needs', { count: blocked.length })}</p>
            <GateList ids={blocked} />
          </div>
        ) : (
          <p className="next-panel__ready" id={reasonsId}>
            {t('next.ready')}
          </p>
        )}
        {caseFile.canWrite ? (
          <div className="next-panel__actions">
            <Button variant="primary" busy={move.isPending} disabled={blocked.length > 0} aria-describedby={reasonsId} onClick={moveOn}>
              {t('next.move', { stage: t(`stages.${next.to}`) })}
            </Button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section className="next-panel" aria-labelledby="next-title">
      <h2 className="next-panel__title" id="next-title">
        {t('next.title')}
      </h2>
      {body}
      <GateExceptions caseFile={caseFile} />
      {caseFile.reviewDue ? (
        <p className={reviewOverdue ? 'next-panel__review next-panel__review--overdue' : 'next-panel__review'}>
          {reviewOverdue ? t('next.reviewOverdue', { date: format.day(caseFile.reviewDue) }) : t('next.reviewDue', { date: format.day(caseFile.reviewDue) })}
        </p>
      ) : null}
      <CaseActionError error={move.error} caseId={caseFile.id} onReload={move.reset} />
    </section>
  );
}
