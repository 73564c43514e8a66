// DOM. What the facilitator prepares for the family's screen: strengths, worries in plain words,
// the questions for the family, and the child's words (only when the child agreed). An item may
// quote a record of the case file, chosen from the family-safe ones the core offers; confidential
// records (a person who poses a risk, a confidential placement, notes, allegations) are not offered.
import { useTranslation } from 'react-i18next';
import type { Conference } from '@shared/conference/contract';
import { selectionKinds, type SelectionItemInput, type SelectionKind } from '@shared/conference/schemas';
import { Button } from '../../ui/Button';
import { SelectField, TextAreaField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { DraftKept, useDraftedValue } from './drafted';
import { conferenceDraftKey } from './resume';
import { useConferenceChange } from './queries';

type Item = { kind: SelectionKind; text: string; source: string };

const toItems = (conference: Conference): Item[] =>
  conference.selection.map((s) => ({ kind: s.kind, text: s.text, source: s.source ? `${s.source.type}:${s.source.id}` : '' }));

export function SelectionSection({ caseId, conference, canWrite }: { caseId: string; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const { value: items, update, draft } = useDraftedValue<Item[]>(conferenceDraftKey(caseId, conference.id, 'selection'), canWrite, () => toItems(conference));
  const save = useConferenceChange('conference.saveSelection', caseId);
  const kinds = selectionKinds.filter((k) => k !== 'child_words' || conference.childParticipation.agreedToShare);

  const submit = () => {
    const input: SelectionItemInput[] = items
      .filter((i) => i.text.trim())
      .map((i) => {
        const [type, id] = i.source ? i.source.split(':') : [];
        return { kind: i.kind, text: i.text, source: type && id ? { type: type as 'member', id } : null };
      });
    save.mutate({ conferenceId: conference.id, items: input }, { onSuccess: () => void draft.discard() });
  };

  return (
    <div className="stack">
      <h4 className="form-section__title">{t('selection.title')}</h4>
      <p className="muted">{t('selection.intro')}</p>
      {!conference.childParticipation.agreedToShare ? <p className="muted">{t('selection.childNotAgreed')}</p> : null}
      {items.map((item, index) => (
        <fieldset key={index} className="selection-item" disabled={!canWrite}>
          <legend className="visually-hidden">{t('selection.item', { number: index + 1 })}</legend>
          <SelectField label={t('selection.kind')} value={item.kind} onChange={(e) => update(items.map((x, i) => (i === index ? { ...x, kind: e.target.value as SelectionKind } : x)))}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`selectionKinds.${k}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t('selection.text')} value={item.text} onChange={(e) => update(items.map((x, i) => (i === index ? { ...x, text: e.target.value } : x)))} />
          <SelectField label={t('selection.source')} value={item.source} onChange={(e) => update(items.map((x, i) => (i === index ? { ...x, source: e.target.value } : x)))}>
            <option value="">{t('selection.noSource')}</option>
            {conference.selectable.map((s) => (
              <option key={`${s.type}:${s.id}`} value={`${s.type}:${s.id}`}>
                {t(`sources.${s.type}`)}: {s.label}
              </option>
            ))}
          </SelectField>
          {canWrite ? (
            <Button variant="ghost" size="sm" onClick={() => update(items.filter((_, i) => i !== index))}>
              {t('selection.removeItem', { number: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <ErrorAlert error={save.error} />
      {canWrite ? (
        <div className="row">
          <Button onClick={() => update([...items, { kind: 'strength', text: '', source: '' }])}>{t('selection.addItem')}</Button>
          <Button variant="primary" busy={save.isPending} onClick={submit}>
            {t('selection.save')}
          </Button>
          <DraftKept savedAt={draft.savedAt} />
        </div>
      ) : null}
    </div>
  );
}
