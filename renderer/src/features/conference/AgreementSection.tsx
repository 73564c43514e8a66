// DOM. The agreement: who does what by when (with how it will be seen to be done), the support the
// family needs and the part it provides itself, disagreements recorded as such, the child's view of
// the plan, the contingency and the review date (within three months). Then "make a plan draft":
// the plans feature takes it from there (acknowledgement makes it current).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMonths } from '@shared/cases/fields';
import type { Conference } from '@shared/conference/contract';
import type { AgreementInput } from '@shared/conference/schemas';
import { wellbeingDomains } from '@shared/plans/schemas';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { saveGeneratedFile } from '../../ui/download';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/Field';
import { Alert, ErrorAlert } from '../../ui/misc';
import { DraftKept, useDraftedValue } from './drafted';
import { conferenceDraftKey } from './resume';
import { useConferenceChange, useMakePlanDraft } from './queries';

type Item = Required<AgreementInput['items'][number]>;
type Values = Omit<Required<AgreementInput>, 'items'> & { items: Item[] };

const blankItem = (date: string): Item => ({ who: '', what: '', byWhen: date, domain: 'other', indicator: '', supportNeeded: '', familyPart: '', disagreement: '' });

function fromConference(c: Conference): Values {
  const a = c.agreement;
  return {
    items: a.items.map(({ who, what, byWhen, domain, indicator, supportNeeded, familyPart, disagreement }) => ({ who, what, byWhen, domain, indicator, supportNeeded, familyPart, disagreement })),
    childView: a.childView,
    contingency: a.contingency,
    disagreements: a.disagreements,
    acceptedAsSafe: a.acceptedAsSafe,
    reviewDate: a.reviewDate ?? addMonths(c.date, 3),
  };
}

export function AgreementSection({ caseId, conference, canWrite }: { caseId: string; conference: Conference; canWrite: boolean }) {
  const { t } = useTranslation('conference');
  const { t: tp } = useTranslation('plans');
  const locked = conference.planVersion !== null;
  const editable = canWrite && !locked;
  const { value: values, update, draft } = useDraftedValue<Values>(conferenceDraftKey(caseId, conference.id, 'agreement'), editable, () => fromConference(conference));
  const [printError, setPrintError] = useState<unknown>(null);
  const [printing, setPrinting] = useState(false);
  const save = useConferenceChange('conference.saveAgreement', caseId);
  const printCopy = async () => {
    setPrintError(null);
    setPrinting(true);
    try {
      saveGeneratedFile(await call('conference.familyCopyPdf', { caseId, conferenceId: conference.id }), 'application/pdf');
    } catch (error) {
      setPrintError(error);
    } finally {
      setPrinting(false);
    }
  };
  const makeDraft = useMakePlanDraft(caseId);
  const set = (patch: Partial<Values>) => update({ ...values, ...patch });
  const setItem = (index: number, patch: Partial<Item>) => set({ items: values.items.map((x, i) => (i === index ? { ...x, ...patch } : x)) });

  return (
    <div className="stack">
      <h4 className="form-section__title">{t('agreement.title')}</h4>
      {locked ? (
        <Alert tone="info" live={false}>
          {t('agreement.planMade', { version: conference.planVersion })}
        </Alert>
      ) : null}
      {values.items.map((item, index) => (
        <fieldset key={index} className="agreement-item" disabled={!editable}>
          <legend className="form-section__title">{t('agreement.item', { number: index + 1 })}</legend>
          <TextField label={t('agreement.who')} required value={item.who} onChange={(e) => setItem(index, { who: e.target.value })} />
          <TextAreaField label={t('agreement.what')} required value={item.what} onChange={(e) => setItem(index, { what: e.target.value })} />
          <TextField label={t('agreement.byWhen')} type="date" required value={item.byWhen} onChange={(e) => setItem(index, { byWhen: e.target.value })} />
          <TextField label={t('agreement.indicator')} value={item.indicator} onChange={(e) => setItem(index, { indicator: e.target.value })} />
          <SelectField label={t('agreement.domain')} value={item.domain} onChange={(e) => setItem(index, { domain: e.target.value as Item['domain'] })}>
            {wellbeingDomains.map((d) => (
              <option key={d} value={d}>
                {tp(`domains.${d}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('agreement.supportNeeded')} value={item.supportNeeded} onChange={(e) => setItem(index, { supportNeeded: e.target.value })} />
          <TextField label={t('agreement.familyPart')} value={item.familyPart} onChange={(e) => setItem(index, { familyPart: e.target.value })} />
          <TextAreaField label={t('agreement.disagreement')} value={item.disagreement} onChange={(e) => setItem(index, { disagreement: e.target.value })} />
          {editable ? (
            <Button variant="ghost" size="sm" onClick={() => set({ items: values.items.filter((_, i) => i !== index) })}>
              {t('agreement.removeItem', { number: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {editable ? <Button onClick={() => set({ items: [...values.items, blankItem(conference.date)] })}>{t('agreement.addItem')}</Button> : null}
      <fieldset className="stack" disabled={!editable}>
        <TextAreaField label={t('agreement.childView')} value={values.childView} onChange={(e) => set({ childView: e.target.value })} />
        <TextAreaField label={t('agreement.contingency')} value={values.contingency} onChange={(e) => set({ contingency: e.target.value })} />
        <TextAreaField label={t('agreement.disagreements')} value={values.disagreements} onChange={(e) => set({ disagreements: e.target.value })} />
        <CheckboxField label={t('agreement.acceptedAsSafe')} checked={values.acceptedAsSafe} onChange={(e) => set({ acceptedAsSafe: e.target.checked })} />
        <TextField
          label={t('agreement.reviewDate')}
          description={t('agreement.reviewHint')}
          type="date"
          value={values.reviewDate ?? ''}
          onChange={(e) => set({ reviewDate: e.target.value || null })}
        />
      </fieldset>
      <ErrorAlert error={save.error ?? makeDraft.error ?? printError} />
      {canWrite || conference.agreement.recordedAt ? (
        <div className="row">
          {editable ? (
            <Button variant="primary" busy={save.isPending} onClick={() => save.mutate({ conferenceId: conference.id, agreement: values }, { onSuccess: () => void draft.discard() })}>
              {t('agreement.save')}
            </Button>
          ) : null}
          {conference.agreement.recordedAt ? (
            <Button busy={printing} onClick={() => void printCopy()}>
              {t('agreement.familyCopy')}
            </Button>
          ) : null}
          {!locked && conference.agreement.recordedAt ? (
            <Button busy={makeDraft.isPending} onClick={() => makeDraft.mutate(conference.id)}>
              {t('agreement.makePlanDraft')}
            </Button>
          ) : null}
          <DraftKept savedAt={draft.savedAt} />
        </div>
      ) : null}
      {makeDraft.data ? (
        <Alert tone="success">{t('agreement.planDraftMade', { version: makeDraft.data.planVersion, objectives: makeDraft.data.objectives })}</Alert>
      ) : null}
    </div>
  );
}
