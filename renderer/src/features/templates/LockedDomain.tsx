// DOM. A standard Child Status Index domain in the form editor: shown, not edited. Its factors are
// listed with their score guides (what each score looks like, by age), under a badge that points to
// the note saying why they are locked (shared/assessments/standard.ts; the core refuses any change).
import { useTranslation } from 'react-i18next';
import { localized, type Domain, type LocalizedText } from '@shared/assessments/contract';
import { ScoreGuide } from '../assessments/ScoreGuide';

export function LockedDomain({ domain, number, scaleLabels, noteId }: {
  domain: Domain;
  number: number;
  scaleLabels: readonly LocalizedText[];
  /** The id of the note that explains the lock. */
  noteId: string;
}) {
  const { t, i18n } = useTranslation('templates');
  const lang = i18n.language;
  const legendId = `${noteId}-d${number}`;
  return (
    <fieldset className="card template-editor__domain template-editor__domain--locked" aria-labelledby={legendId} aria-describedby={noteId}>
      <legend id={legendId} className="template-editor__domain-legend">
        {t('domains.legendNamed', { number, title: localized(domain.title, lang) })}
      </legend>
      <p className="template-editor__badge">{t('standard.badge')}</p>
      <ol className="template-editor__list">
        {domain.questions.map((q) => (
          <li key={q.id} className="template-editor__factor">
            <p className="template-editor__factor-name">
              <strong>{localized(q.label, lang)}</strong>
              <span className="muted">
                {' · '}
                {t(`types.${q.type}`)}
                {q.required ? ` · ${t('standard.required')}` : ''}
              </span>
            </p>
            <ScoreGuide question={q} scaleLabels={scaleLabels} />
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
