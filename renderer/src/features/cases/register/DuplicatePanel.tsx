// DOM. Likely matches from the duplicate check, each shown side by side with the child being
// registered. The worker decides for every match: open that case, or say it is a different child.
// A match in a case the worker may not read shows only that it exists (LimitedMatch); there the
// worker asks a supervisor.
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '@shared/cases/contract';
import { Badge } from '../../../ui/misc';
import { childName, useCaseFormat } from '../format';
import { LimitedMatch } from './LimitedMatch';
import { useReadySession } from '../../../app/session';

/** A match that is a closed case: re-opening it (a supervisor) beats registering the child twice (G:L293). */
function ClosedMatch({ caseId }: { caseId: string }) {
  const { t } = useTranslation('closure');
  const session = useReadySession();
  return (
    <p className="duplicate__closed">
      <Badge tone="info">{t('duplicate.closed')}</Badge>{' '}
      {session.permissions.includes('case.approve') ? <Link to={`/cases/${caseId}?tab=closure`}>{t('duplicate.reopen')}</Link> : <span>{t('duplicate.ask')}</span>}
    </p>
  );
}

export interface EnteredChild {
  givenName: string;
  familyName: string;
  otherNames: string[];
  sex: string;
  ageYears: number | null;
  place: string;
}

interface Props {
  entered: EnteredChild;
  matches: DuplicateMatch[];
  different: ReadonlySet<string>;
  onDecide: (caseId: string, different: boolean) => void;
  /** Matches a supervisor was asked about (they count as decided). */
  flagged: ReadonlySet<string>;
  onFlagged: (caseId: string) => void;
  checking: boolean;
}

function DifferentToggle({ isDifferent, onToggle }: { isDifferent: boolean; onToggle: () => void }) {
  const { t } = useTranslation('cases');
  return (
    <button type="button" className={`btn btn--sm toggle-button${isDifferent ? ' toggle-button--on' : ''}`} aria-pressed={isDifferent} onClick={onToggle}>
      <span aria-hidden="true" className="toggle-button__box">
        {isDifferent ? '✓' : ''}
      </span>
      <span>{t('duplicates.different')}</span>
    </button>
  );
}

export const DuplicatePanel = forwardRef<HTMLElement, Props>(function DuplicatePanel({ entered, matches, different, onDecide, flagged, onFlagged, checking }, ref) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const percent = new Intl.NumberFormat(format.language, { style: 'percent' });
  const undecided = matches.filter((m) => !different.has(m.caseId) && !flagged.has(m.caseId)).length;
  const enteredSummary = t('duplicates.flagNoteStart', {
    name: childName(entered) || '—',
    age: format.age(entered.ageYears),
    place: entered.place || '—',
  });
  const dash = '—';

  return (
    <section className="duplicates" aria-labelledby="duplicates-title" ref={ref} tabIndex={-1}>
      <h2 id="duplicates-title" className="duplicates__title">
        {t('duplicates.title', { count: matches.length })}
      </h2>
      <p className="duplicates__intro">{t('duplicates.intro')}</p>
      {checking ? <p className="muted">{t('duplicates.checking')}</p> : null}
      <p className="duplicates__status" role="status">
        {undecided > 0 ? t('duplicates.undecided', { count: undecided }) : t('duplicates.allDecided')}
      </p>
      <ol className="duplicates__list">
        {matches.map((match, index) => {
          const isDifferent = different.has(match.caseId);
          if (!match.inScope) {
            return (
              <li key={match.caseId} className={`duplicate${isDifferent ? ' duplicate--different' : ''}`}>
                <LimitedMatch
                  match={match}
                  index={index}
                  enteredSummary={enteredSummary}
                  flagged={flagged.has(match.caseId)}
                  onFlagged={onFlagged}
                  scoreText={t('duplicates.score', { score: percent.format(match.score) })}
                />
                {match.closed ? <ClosedMatch caseId={match.caseId} /> : null}
                <div className="duplicate__actions">
                  <DifferentToggle isDifferent={isDifferent} onToggle={() => onDecide(match.caseId, !isDifferent)} />
                </div>
              </li>
            );
          }
          const captionId = `duplicate-${match.caseId}`;
          return (
            <li key={match.caseId} className={`duplicate${isDifferent ? ' duplicate--different' : ''}`}>
              <table className="compare" aria-labelledby={captionId}>
                <caption id={captionId} className="compare__caption">
                  <span>{t('duplicates.matchTitle', { n: index + 1, number: match.number })}</span>
                  <Badge tone={match.score >= 0.8 ? 'danger' : 'warning'}>{t('duplicates.score', { score: percent.format(match.score) })}</Badge>
                  {isDifferent ? <Badge tone="success">{t('duplicates.markedDifferent')}</Badge> : null}
                </caption>
                <thead>
                  <tr>
                    <td />
                    <th scope="col">{t('duplicates.entered')}</th>
                    <th scope="col">{t('duplicates.existing', { number: match.number })}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('child.name')}</th>
                    <td>
                      <bdi>{childName(entered) || dash}</bdi>
                    </td>
                    <td>
                      <bdi>{childName(match)}</bdi>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t('child.otherNames')}</th>
                    <td>
                      <bdi>{entered.otherNames.join(', ') || dash}</bdi>
                    </td>
                    <td>
                      <bdi>{match.otherNames.join(', ') || dash}</bdi>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t('child.sex')}</th>
                    <td>{entered.sex ? t(`sexes.${entered.sex}`) : dash}</td>
                    <td>{t(`sexes.${match.sex}`)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('child.age')}</th>
                    <td>{format.age(entered.ageYears)}</td>
                    <td>{format.age(match.ageYears)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('child.place')}</th>
                    <td>
                      <bdi>{entered.place || dash}</bdi>
                    </td>
                    <td>
                      <bdi>{[match.separationPlace, match.area].filter(Boolean).join(' · ') || dash}</bdi>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.number')}</th>
                    <td className="muted">{t('duplicates.notYet')}</td>
                    <td>
                      <span className="mono" dir="ltr">
                        {match.number}
                      </span>
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.worker')}</th>
                    <td className="muted">{dash}</td>
                    <td>{match.workerName ?? t('case.unassigned')}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('duplicates.why')}</th>
                    <td />
                    <td>
                      <ul className="reasons">
                        {match.reasons.map((reason) => (
                          <li key={reason}>{t(`duplicates.reasons.${reason}`)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                </tbody>
              </table>
              {match.closed ? <ClosedMatch caseId={match.caseId} /> : null}
              <div className="duplicate__actions">
                <Link className="btn btn--secondary btn--sm" to={`/cases/${match.caseId}`}>
                  {t('duplicates.open', { number: match.number })}
                </Link>
                <DifferentToggle isDifferent={isDifferent} onToggle={() => onDecide(match.caseId, !isDifferent)} />
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
});
