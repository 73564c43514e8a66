// DOM. The Guidelines' ladder as the worker sees it: each rung with how far the case has come, the
// unsupervised rung locked (and why) until a supervised home visit has gone well.
import { useTranslation } from 'react-i18next';
import type { LadderProgress } from '@shared/contacts/contract';

type RungState = 'reached' | 'tried' | 'planned' | 'locked' | 'notYet';

function stateOf(rung: LadderProgress['rungs'][number], unsupervisedAllowed: boolean): RungState {
  if (rung.successful > 0) return 'reached';
  if (rung.held > 0) return 'tried';
  if (rung.rung === 'unsupervised_visit' && !unsupervisedAllowed) return 'locked';
  if (rung.planned > 0) return 'planned';
  return 'notYet';
}

export function LadderView({ ladder }: { ladder: LadderProgress }) {
  const { t } = useTranslation('contacts');
  return (
    <section className="card contact-ladder" aria-labelledby="contact-ladder-title">
      <div className="card__header">
        <h2 className="card__title" id="contact-ladder-title">
          {t('ladder.title')}
        </h2>
      </div>
      <p className="muted">{t('ladder.description')}</p>
      <p className="contact-ladder__summary">
        {ladder.highestSuccessful ? t('ladder.highest', { rung: t(`kinds.${ladder.highestSuccessful}`) }) : t('ladder.none')}
      </p>
      <ol className="contact-ladder__rungs">
        {ladder.rungs.map((rung, index) => {
          const state = stateOf(rung, ladder.unsupervisedAllowed);
          return (
            <li key={rung.rung} className={`contact-ladder__rung contact-ladder__rung--${state}`}>
              <span className="contact-ladder__marker" aria-hidden="true">
                {state === 'reached' ? '✓' : index + 1}
              </span>
              <span className="contact-ladder__text">
                <span className="contact-ladder__name">{t(`kinds.${rung.rung}`)}</span>
                <span className="contact-ladder__state">
                  {t(`ladder.state.${state}`)}
                  {rung.held > 0 ? ` · ${t('ladder.heldCount', { held: rung.held, successful: rung.successful })}` : ''}
                  {rung.planned > 0 && state !== 'planned' ? ` · ${t('ladder.plannedCount', { planned: rung.planned })}` : ''}
                </span>
                {state === 'locked' ? <span className="contact-ladder__reason">{t('gate.supervisedVisitSucceeded')}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="muted">{t('ladder.siblings', { count: ladder.siblingContacts })}</p>
    </section>
  );
}
