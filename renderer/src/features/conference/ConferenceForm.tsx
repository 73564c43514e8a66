// DOM. A conference's details: purpose, date and time, venue, facilitator, the family's language and
// others, interpreter, the child's participation (always recorded; "not involved" needs a reason),
// the preparation checklist and the length of private family time. Typing is kept as a draft.
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conference } from '@shared/conference/contract';
import {
  checklistItems,
  childParticipationModes,
  childViewsMeans,
  conferencePurposes,
  type ConferenceInput,
  type ConferenceKind,
} from '@shared/conference/schemas';
import { languageNames, languages, type Language } from '@shared/i18n/languages';
import { Button } from '../../ui/Button';
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { DraftKept, LanguageSelect, useDraftedValue } from './drafted';
import { conferenceDraftKey } from './resume';
import { useConferenceChange } from './queries';

type Values = Omit<ConferenceInput, 'id' | 'version' | 'kind'> & { childParticipation: NonNullable<ConferenceInput['childParticipation']> };

function initialValues(conference: Conference | null, language: Language): Values {
  if (conference) {
    const { purpose, date, time, venue, facilitatorName, familyLanguage, otherLanguages, interpreter, childParticipation, checklist, privateMinutes } = conference;
    return { purpose, date, time, venue, facilitatorName, familyLanguage, otherLanguages, interpreter, childParticipation, checklist, privateMinutes };
  }
  return {
    purpose: 'plan',
    date: new Date().toISOString().slice(0, 10),
    time: '10:00',
    venue: '',
    facilitatorName: '',
    familyLanguage: language,
    otherLanguages: [],
    interpreter: '',
    childParticipation: { mode: 'attends_all', means: null, words: '', agreedToShare: false, reason: '' },
    checklist: [],
    privateMinutes: 30,
  };
}

export function ConferenceForm({
  caseId,
  kind,
  conference,
  readOnly = false,
  onDone,
}: {
  caseId: string;
  kind: ConferenceKind;
  conference: Conference | null;
  readOnly?: boolean;
  onDone: (saved: Conference | null) => void;
}) {
  const { t, i18n } = useTranslation('conference');
  const draftKey = conferenceDraftKey(caseId, conference?.id ?? `new-${kind}`, 'details');
  const { value: values, update, restored, draft } = useDraftedValue<Values>(draftKey, !readOnly, () => initialValues(conference, i18n.language as Language));
  const save = useConferenceChange('conference.save', caseId);
  const set = (patch: Partial<Values>) => update({ ...values, ...patch });
  const child = values.childParticipation;
  const setChild = (patch: Partial<Values['childParticipation']>) => set({ childParticipation: { ...child, ...patch } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { conference: { ...values, kind, ...(conference ? { id: conference.id, version: conference.version } : {}) } },
      {
        onSuccess: async (saved) => {
          await draft.discard();
          onDone(saved);
        },
      },
    );
  };

  return (
    <form className="stack conference-form" onSubmit={submit} aria-label={t('form.label')}>
      {restored ? <p className="muted" role="status">{t('form.restored')}</p> : null}
      <fieldset className="form-grid" disabled={readOnly}>
        <SelectField label={t('form.purpose')} value={values.purpose} onChange={(e) => set({ purpose: e.target.value as Values['purpose'] })}>
          {conferencePurposes.map((p) => (
            <option key={p} value={p}>
              {t(`purposes.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('form.date')} type="date" required value={values.date} onChange={(e) => set({ date: e.target.value })} />
        <TextField label={t('form.time')} type="time" required value={values.time} onChange={(e) => set({ time: e.target.value })} />
        <TextField label={t('form.venue')} required value={values.venue} onChange={(e) => set({ venue: e.target.value })} />
        <TextField label={t('form.facilitator')} required value={values.facilitatorName} onChange={(e) => set({ facilitatorName: e.target.value })} />
        <LanguageSelect label={t('form.familyLanguage')} value={values.familyLanguage} onChange={(familyLanguage) => set({ familyLanguage })} />
        <TextField label={t('form.interpreter')} value={values.interpreter} onChange={(e) => set({ interpreter: e.target.value })} />
        <TextField
          label={t('form.privateMinutes')}
          type="number"
          min={5}
          max={240}
          value={values.privateMinutes}
          onChange={(e) => set({ privateMinutes: Number(e.target.value) })}
        />
      </fieldset>
      <FieldGroup label={t('form.otherLanguages')}>
        {languages
          .filter((l) => l !== values.familyLanguage)
          .map((l) => (
            <CheckboxField
              key={l}
              label={languageNames[l]}
              disabled={readOnly}
              checked={values.otherLanguages?.includes(l) ?? false}
              onChange={(e) => set({ otherLanguages: e.target.checked ? [...(values.otherLanguages ?? []), l] : (values.otherLanguages ?? []).filter((x) => x !== l) })}
            />
          ))}
      </FieldGroup>
      <fieldset className="stack" disabled={readOnly}>
        <legend className="form-section__title">{t('form.child')}</legend>
        <SelectField label={t('form.childMode')} value={child.mode} onChange={(e) => setChild({ mode: e.target.value as typeof child.mode })}>
          {childParticipationModes.map((m) => (
            <option key={m} value={m}>
              {t(`childModes.${m}`)}
            </option>
          ))}
        </SelectField>
        {child.mode === 'not_involved' ? (
          <TextAreaField label={t('form.childReason')} required value={child.reason ?? ''} onChange={(e) => setChild({ reason: e.target.value })} />
        ) : (
          <>
            <SelectField label={t('form.childMeans')} value={child.means ?? ''} onChange={(e) => setChild({ means: (e.target.value || null) as typeof child.means })}>
              <option value="">{t('form.none')}</option>
              {childViewsMeans.map((m) => (
                <option key={m} value={m}>
                  {t(`childMeans.${m}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('form.childWords')} description={t('form.childWordsHint')} value={child.words ?? ''} onChange={(e) => setChild({ words: e.target.value })} />
            <CheckboxField label={t('form.childAgreed')} checked={child.agreedToShare ?? false} onChange={(e) => setChild({ agreedToShare: e.target.checked })} />
          </>
        )}
      </fieldset>
      <FieldGroup label={t('form.checklist')}>
        {checklistItems.map((item) => (
          <CheckboxField
            key={item}
            label={t(`checklist.${item}`)}
            disabled={readOnly}
            checked={values.checklist?.includes(item) ?? false}
            onChange={(e) => set({ checklist: e.target.checked ? [...(values.checklist ?? []), item] : (values.checklist ?? []).filter((x) => x !== item) })}
          />
        ))}
      </FieldGroup>
      <ErrorAlert error={save.error} />
      {readOnly ? null : (
        <div className="row">
          {conference === null ? <Button onClick={() => void draft.discard().then(() => onDone(null))}>{t('form.cancel')}</Button> : null}
          <Button type="submit" variant="primary" busy={save.isPending}>
            {conference ? t('form.save') : t('form.create')}
          </Button>
          <DraftKept savedAt={draft.savedAt} />
        </div>
      )}
    </form>
  );
}
