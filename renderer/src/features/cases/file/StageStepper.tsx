// DOM. The five stages of the Guidelines as a stepper: done, current (aria-current="step"), to come.
import { useTranslation } from 'react-i18next';
import { stageIndex, stages, type CaseStatus, type Stage } from '@shared/cases/stages';

export function StageStepper({ stage, status }: { stage: Stage; status: CaseStatus }) {
  const { t } = useTranslation('cases');
  const current = stageIndex(stage);
  return (
    <ol className="case-stepper" aria-label={t('file.stagesLabel')}>
      {stages.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`case-stepper__step case-stepper__step--${state}${state === 'current' && status === 'halted' ? ' case-stepper__step--halted' : ''}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="case-stepper__marker" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="case-stepper__label">
              {t(`stages.${step}`)}
              {state === 'done' ? <span className="visually-hidden"> {t('file.stageDone')}</span> : null}
              {state === 'current' ? <span className="visually-hidden"> {t('file.stageCurrent')}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
