// DOM. A factor's score guide: what a score of 1, 2, 3 and 4 looks like, and how to read the factor
// for each age band. A native disclosure right under the factor: closed, it is one line that does
// not get in the way; its summary is a button the keyboard reaches and a screen reader announces
// (with the factor's name, so each guide is told apart); open, the scores read as a list of terms.
// When the child's age is known, their band is marked in words, not by colour alone.
import { useTranslation } from 'react-i18next';
import { ageBands, localized, SCALE_MIN, type AgeBand, type LocalizedText, type Question } from '@shared/assessments/contract';

/** Whether a question carries a guide worth showing. */
export const hasScoreGuide = (question: Question): boolean =>
  question.type === 'scale' && Boolean(question.anchors?.length || question.ageGuidance?.length);

export function ScoreGuide({ question, scaleLabels, childBand = null }: {
  question: Question;
  scaleLabels: readonly LocalizedText[];
  /** The age band of the child being scored; null when unknown or when no child is (the editor). */
  childBand?: AgeBand | null;
}) {
  const { t, i18n } = useTranslation('assessments');
  const lang = i18n.language;
  if (!hasScoreGuide(question)) return null;
  const labels = question.scaleLabels ?? scaleLabels;
  const guidance = [...(question.ageGuidance ?? [])].sort((a, b) => ageBands.indexOf(a.band) - ageBands.indexOf(b.band));
  return (
    <details className="score-guide">
      <summary>
        {t('guide.summary')}
        <span className="visually-hidden">: {localized(question.label, lang)}</span>
      </summary>
      <div className="score-guide__body">
        {question.anchors?.length ? (
          <dl className="score-guide__scores">
            {question.anchors.map((anchor, i) => (
              <div key={i} className="score-guide__score">
                <dt>
                  {SCALE_MIN + i} · {localized(labels[i], lang)}
                </dt>
                <dd>{localized(anchor, lang)}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        {guidance.length ? (
          <>
            <p className="score-guide__heading">{t('guide.byAge')}</p>
            <ul className="score-guide__ages">
              {guidance.map((g) => (
                <li key={g.band} className={g.band === childBand ? 'score-guide__age score-guide__age--current' : 'score-guide__age'}>
                  <strong>
                    {t(`guide.bands.${g.band}`)}
                    {g.band === childBand ? ` (${t('guide.thisChild')})` : ''}
                  </strong>
                  {': '}
                  {localized(g.text, lang)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </details>
  );
}
