// DOM. The overview tab: the child's details as registered, and — for those who may change the
// case — an edit form (cases.update with the case's version: a change made meanwhile by someone
// else is refused, and the person is asked to reload) and the photo.
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { FormProvider, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { childDetailsSchema, prioritySchema, riskLevelSchema, type CaseFile } from '@shared/cases/contract';
import { caseRiskLevels, priorities } from '@shared/cases/fields';
import { isApiError } from '../../../api';
import { Button } from '../../../ui/Button';
import { useFocusOnToggle } from '../../../ui/focus';
import { applyServerIssues, errorKey } from '../../../ui/errors';
import { Alert, Loading } from '../../../ui/misc';
import { useToast } from '../../../ui/Toast';
import { childName, useCaseFormat } from '../format';
import { discardDraft, useAutosave, useDraftQuery } from '../../../ui/useDraft';
import { caseIssueMessage, toChildValues, withChildRules, type ChildValues } from '../form/childForm';
import { ChildDetailsFields } from '../form/ChildDetailsFields';
import { Select } from '../form/fields';
import { TextAreaField } from '../../../ui/Field';
import { PhotoField, type Photo } from '../form/PhotoField';
import { useCasePhoto, useSetPhoto, useUpdateCase } from '../queries';
import { CaseActionError } from './CaseActionError';
import { useResumeOnUnlock } from '../../../ui/useResumeOnUnlock';

interface EditValues {
  child: ChildValues;
  riskLevel: CaseFile['riskLevel'];
  riskReason?: string;
  priority: CaseFile['priority'];
}
const editSchema = z.object({ child: childDetailsSchema, riskLevel: riskLevelSchema, riskReason: z.string().trim().max(2000).default(''), priority: prioritySchema });
type EditOutput = z.output<typeof editSchema>;
const baseResolver = zodResolver(editSchema, { error: caseIssueMessage }) as unknown as Resolver<EditValues, unknown, EditOutput>;
const editResolver: Resolver<EditValues, unknown, EditOutput> = async (values, context, options) => {
  const result = await baseResolver(values, context, options);
  const errors = withChildRules(result.errors as FieldErrors<EditValues>, values.child);
  return Object.keys(errors).length === 0 ? result : { values: {}, errors };
};

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ChildDetailsView({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const child = caseFile.child;
  const none = <span className="muted">—</span>;
  const text = (value: string) => (value.trim() ? <bdi>{value}</bdi> : none);
  return (
    <div className="overview-grid">
      <section className="card" aria-labelledby="overview-child">
        <h2 className="card__title" id="overview-child">
          {t('form.sections.child')}
        </h2>
        <dl className="details-list">
          <Detail label={t('child.name')}>{text(childName(child))}</Detail>
          <Detail label={t('child.otherNames')}>{text(child.otherNames.join(', '))}</Detail>
          <Detail label={t('child.sex')}>{t(`sexes.${child.sex}`)}</Detail>
          <Detail label={t('child.dateOfBirth')}>
            {child.dateOfBirth ? (
              <>
                {format.day(child.dateOfBirth)}
                {child.dateOfBirthEstimated ? <span className="muted"> ({t('child.estimated')})</span> : null}
              </>
            ) : (
              none
            )}
          </Detail>
          <Detail label={t('child.age')}>{format.age(caseFile.ageYears, child.dateOfBirth === null || child.dateOfBirthEstimated)}</Detail>
          <Detail label={t('child.languages')}>{text(child.languages.join(', '))}</Detail>
          <Detail label={t('child.disability')}>
            {child.hasDisability ? (child.disabilityNotes ? <bdi>{child.disabilityNotes}</bdi> : t('common.yes')) : t('common.no')}
          </Detail>
          <Detail label={t('child.documentationStatus')}>{t(`documentationStatuses.${child.documentationStatus}`)}</Detail>
        </dl>
      </section>
      <section className="card" aria-labelledby="overview-separation">
        <h2 className="card__title" id="overview-separation">
          {t('form.sections.separation')}
        </h2>
        <dl className="details-list">
          <Detail label={t('child.separationReasons')}>
            <ul className="inline-list">
              {child.separationReasons.map((reason) => (
                <li key={reason}>{reason === 'other' && child.separationReasonOther ? <bdi>{child.separationReasonOther}</bdi> : t(`separationReasons.${reason}`)}</li>
              ))}
            </ul>
          </Detail>
          <Detail label={t('child.separationDate')}>{child.separationDate ? format.day(child.separationDate) : none}</Detail>
          <Detail label={t('child.separationPlace')}>{text(child.separationPlace)}</Detail>
        </dl>
        <h2 className="card__title card__title--spaced">{t('form.sections.care')}</h2>
        <dl className="details-list">
          <Detail label={t('child.careArrangement')}>{t(`careArrangements.${child.careArrangement}`)}</Detail>
          <Detail label={t('child.carePlace')}>{text(child.carePlace)}</Detail>
          <Detail label={t('child.area')}>{text(child.area)}</Detail>
        </dl>
      </section>
    </div>
  );
}

function PhotoCard({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('cases');
  const toast = useToast();
  const current = useCasePhoto(caseFile.id, caseFile.hasPhoto);
  const setPhoto = useSetPhoto(caseFile.id);
  const value: Photo | null = (() => {
    const match = current.data ? /^data:(image\/[a-z]+);base64,(.+)$/u.exec(current.data) : null;
    return caseFile.hasPhoto && match ? { mime: match[1] as Photo['mime'], dataBase64: match[2] } : null;
  })();
  return (
    <section className="card" aria-labelledby="overview-photo">
      <h2 className="card__title" id="overview-photo">
        {t('form.sections.photo')}
      </h2>
      <PhotoField
        label={t('photo.label')}
        value={value}
        onChange={(photo) =>
          setPhoto.mutate(photo, { onSuccess: () => toast.show(photo ? t('photo.saved') : t('photo.removed')) })
        }
      />
      <CaseActionError error={setPhoto.error} caseId={caseFile.id} />
    </section>
  );
}

const editDraftKey = (caseId: string) => `cases:edit:${caseId}`;

interface EditDraft {
  version: number;
  values: EditValues;
}

function isEditDraft(data: unknown): data is EditDraft {
  return typeof data === 'object' && data !== null && typeof (data as EditDraft).version === 'number' && typeof (data as EditDraft).values === 'object';
}

/** Loads a draft of the edit form first: typing kept from before comes back if the case has not changed since. */
function EditForm({ caseFile, onDone }: { caseFile: CaseFile; onDone: () => void }) {
  const draft = useDraftQuery(editDraftKey(caseFile.id));
  if (draft.isPending) return <Loading />;
  const saved = draft.data && isEditDraft(draft.data.data) && draft.data.data.version === caseFile.version ? draft.data : null;
  return <EditFormFields caseFile={caseFile} onDone={onDone} restored={saved ? { values: (saved.data as EditDraft).values, savedAt: saved.savedAt } : null} />;
}

function EditFormFields({
  caseFile,
  onDone,
  restored,
}: {
  caseFile: CaseFile;
  onDone: () => void;
  restored: { values: EditValues; savedAt: string } | null;
}) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const toast = useToast();
  const update = useUpdateCase();
  const form = useForm<EditValues, unknown, EditOutput>({
    resolver: editResolver,
    defaultValues: restored
      ? { ...restored.values, child: toChildValues(restored.values.child) }
      : { child: toChildValues(caseFile.child), riskLevel: caseFile.riskLevel, priority: caseFile.priority },
  });
  const [error, setError] = useState<unknown>(null);
  // A level changed by hand is an override: it needs a reason (shared/cases/risk.ts).
  const riskChanged = form.watch('riskLevel') !== caseFile.riskLevel;
  const key = editDraftKey(caseFile.id);
  const autosave = useAutosave(key, true);
  const { schedule, cancel } = autosave;
  useEffect(() => {
    const subscription = form.watch((values) => schedule({ version: caseFile.version, values }));
    return () => subscription.unsubscribe();
  }, [form, schedule, caseFile.version]);
  const finish = () => {
    cancel();
    void discardDraft(key);
    onDone();
  };

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    if (values.riskLevel !== caseFile.riskLevel && !values.riskReason) {
      form.setError('riskReason', { type: 'rule', message: errorKey('validation.required') }, { shouldFocus: true });
      return;
    }
    try {
      await update.mutateAsync({ caseId: caseFile.id, version: caseFile.version, ...values });
      toast.show(t('overview.saved'));
      finish();
    } catch (failure) {
      if (isApiError(failure, 'INVALID_DATE')) {
        for (const issue of failure.issues) {
          const field = issue.path[0] === 'child' && typeof issue.path[1] === 'string' ? `child.${issue.path[1]}` : null;
          if (field) form.setError(field as 'child.dateOfBirth', { type: 'server', message: errorKey(`dates.${issue.code}`) }, { shouldFocus: true });
        }
        return;
      }
      const mapped = applyServerIssues(failure, form.setError, (path) =>
        path[0] === 'riskReason' || path[0] === 'riskLevel'
          ? path[0]
          : path[0] === 'child' && typeof path[1] === 'string'
            ? (`child.${path[1]}` as 'child.givenName')
            : null,
      );
      if (!mapped) setError(failure);
    }
  });

  return (
    <FormProvider {...form}>
      <form className="case-form" noValidate onSubmit={submit} onBlur={autosave.flush} aria-label={t('overview.editTitle')}>
        {restored ? (
          <Alert tone="info" live={false}>
            {t('overview.restored', { time: format.dateTime(restored.savedAt) })}
          </Alert>
        ) : null}
        <ChildDetailsFields idPrefix="edit" />
        <section className="form-section" aria-labelledby="edit-case">
          <h2 className="form-section__title" id="edit-case">
            {t('form.sections.case')}
          </h2>
          <div className="form-grid">
            <Select label={t('case.risk')} description={t('case.riskHelp')} error={form.formState.errors.riskLevel} {...form.register('riskLevel')}>
              {/* Once a risk assessment exists the case cannot go back to "not yet assessed". */}
              {caseRiskLevels.filter((level) => level !== 'not_assessed' || !caseFile.facts.riskAssessed).map((level) => (
                <option key={level} value={level}>
                  {t(`risk.${level}`)}
                </option>
              ))}
            </Select>
            {riskChanged ? (
              <TextAreaField
                label={t('case.riskReason')}
                description={t('case.riskReasonHelp')}
                required
                error={form.formState.errors.riskReason}
                {...form.register('riskReason')}
              />
            ) : null}
            <Select label={t('case.priority')} {...form.register('priority')}>
              {priorities.map((level) => (
                <option key={level} value={level}>
                  {t(`priority.${level}`)}
                </option>
              ))}
            </Select>
          </div>
        </section>
        <CaseActionError error={error} caseId={caseFile.id} onReload={finish} />
        <div className="form-footer">
          <Button type="submit" variant="primary" busy={update.isPending}>
            {t('overview.save')}
          </Button>
          <Button onClick={finish}>{t('common:actions.cancel')}</Button>
          <span className="spacer" />
          <span className="form-footer__status muted">
            {autosave.failed ? t('draft.failed') : autosave.savedAt ? t('draft.saved', { time: format.dateTime(autosave.savedAt) }) : t('draft.info')}
          </span>
        </div>
      </form>
    </FormProvider>
  );
}

export function OverviewTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('cases');
  const [editing, setEditing] = useState(false);
  useResumeOnUnlock(editDraftKey(caseFile.id), () => setEditing(true));
  const focus = useFocusOnToggle(editing);
  return (
    <div className="stack">
      <div className="tab-heading">
        <h2 className="tab-heading__title" ref={focus.whenOpen}>
          {editing ? t('overview.editTitle') : t('tabs.overview')}
        </h2>
        {caseFile.canWrite && !editing ? (
          <Button ref={focus.whenClosed} onClick={() => setEditing(true)}>
            {t('overview.edit')}
          </Button>
        ) : null}
      </div>
      {editing ? <EditForm caseFile={caseFile} onDone={() => setEditing(false)} /> : <ChildDetailsView caseFile={caseFile} />}
      {caseFile.canWrite && !editing ? <PhotoCard caseFile={caseFile} /> : null}
    </div>
  );
}
