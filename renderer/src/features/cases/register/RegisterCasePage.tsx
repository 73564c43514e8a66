// DOM. Register a child: the child's details, the case's set-up, an optional photo; a duplicate
// check (as the worker types, and always before creating) whose matches the worker decides on;
// autosaved drafts. On success the case file opens.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { DuplicateMatch } from '@shared/cases/contract';
import { call, isApiError } from '../../../api';
import { Button } from '../../../ui/Button';
import { applyServerIssues, errorKey } from '../../../ui/errors';
import { Alert, ErrorAlert, Loading, PageHeader } from '../../../ui/misc';
import { useToast } from '../../../ui/Toast';
import { todayUtc, useCaseFormat, useDocumentTitle } from '../format';
import { ChildDetailsFields } from '../form/ChildDetailsFields';
import { discardDraft, useAutosave, useDraftQuery } from '../../../ui/useDraft';
import { useResumeOnUnlock } from '../../../ui/useResumeOnUnlock';
import { PhotoField, type Photo } from '../form/PhotoField';
import { emptyPhotoConsent, PhotoConsentFields, type PhotoConsent } from './PhotoConsentFields';
import { caseKeys, useRegisterCase } from '../queries';
import { CaseSetupFields } from './CaseSetupFields';
import { DuplicatePanel } from './DuplicatePanel';
import {
  DRAFT_KEY,
  duplicateQuery,
  emptyRegister,
  enteredAge,
  fromDraft,
  registerResolver,
  type DuplicateQuery,
  type RegisterOutput,
  type RegisterValues,
} from './registerForm';

const CHECK_DELAY_MS = 500;

/** Maps a core issue path (['child', 'dateOfBirth']) to the form field it belongs to. */
export function registerField(path: (string | number)[]): string | null {
  const [head, field] = path;
  if ((head === 'child' || head === 'spontaneous') && typeof field === 'string') return `${head}.${field}`;
  if (head === 'fromPaper' && field === 'since') return 'paper.since';
  if (head === 'workerId' || head === 'familyWorkerId' || head === 'riskLevel' || head === 'priority') return head;
  return null;
}

function useDebounced<T>(value: T, delay: number): [T, (value: T) => void] {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
    // The key stands for the value: a new object with the same content is not a change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delay]);
  return [debounced, setDebounced];
}

function RegisterForm({ draft }: { draft: { data: unknown; savedAt: string } | null }) {
  const { t } = useTranslation('cases');
  const format = useCaseFormat();
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const registerCase = useRegisterCase();
  const form = useForm<RegisterValues, unknown, RegisterOutput>({
    resolver: registerResolver,
    defaultValues: draft ? fromDraft(draft.data) : emptyRegister,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const [photo, setPhoto] = useState<Photo | null>(null);
  const [photoConsent, setPhotoConsent] = useState<PhotoConsent>(emptyPhotoConsent);
  const [restored, setRestored] = useState(Boolean(draft));
  const [different, setDifferent] = useState<ReadonlySet<string>>(new Set());
  // Matches in cases this worker may not read, about which a supervisor was asked.
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [blocked, setBlocked] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [checkingNow, setCheckingNow] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const autosave = useAutosave(DRAFT_KEY, true);
  const { schedule } = autosave;

  // Autosave every change.
  useEffect(() => {
    const subscription = form.watch((values) => schedule(values));
    return () => subscription.unsubscribe();
  }, [form, schedule]);

  // The duplicate check, once names and an age (or a birth date) are there.
  const child = useWatch({ control: form.control, name: 'child' });
  const query = useMemo(() => duplicateQuery(child), [child]);
  const [debouncedQuery, setDebouncedQuery] = useDebounced<DuplicateQuery | null>(query, CHECK_DELAY_MS);
  const duplicates = useQuery({
    queryKey: caseKeys.duplicates(debouncedQuery),
    queryFn: () => call('cases.checkDuplicates', debouncedQuery!),
    enabled: debouncedQuery !== null,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });
  const matches: DuplicateMatch[] = debouncedQuery ? (duplicates.data ?? []) : [];
  const undecided = matches.filter((m) => !different.has(m.caseId) && !flagged.has(m.caseId));

  useEffect(() => {
    if (blocked && undecided.length === 0) setBlocked(false);
  }, [blocked, undecided.length]);

  const decide = (caseId: string, isDifferent: boolean) => {
    setDifferent((current) => {
      const next = new Set(current);
      if (isDifferent) next.add(caseId);
      else next.delete(caseId);
      return next;
    });
  };

  const startAgain = () => {
    autosave.cancel();
    void discardDraft(DRAFT_KEY);
    form.reset(emptyRegister);
    setPhoto(null);
    setDifferent(new Set());
    setFlagged(new Set());
    setRestored(false);
  };

  const onValid = async (values: RegisterOutput) => {
    setSubmitError(null);
    const current = duplicateQuery(form.getValues('child'));
    let found: DuplicateMatch[] = [];
    if (current) {
      setCheckingNow(true);
      try {
        found = await queryClient.fetchQuery({
          queryKey: caseKeys.duplicates(current),
          queryFn: () => call('cases.checkDuplicates', current),
          staleTime: 0,
        });
        setDebouncedQuery(current);
      } catch (error) {
        setSubmitError(error);
        return;
      } finally {
        setCheckingNow(false);
      }
    }
    if (found.some((m) => !different.has(m.caseId) && !flagged.has(m.caseId))) {
      setBlocked(true);
      window.requestAnimationFrame(() => panel.current?.focus());
      return;
    }
    try {
      const row = await registerCase.mutateAsync({
        child: values.child,
        riskLevel: values.riskLevel,
        priority: values.priority,
        ...(values.workerId ? { workerId: values.workerId } : {}),
        ...(values.familyWorkerId ? { familyWorkerId: values.familyWorkerId } : {}),
        ...(values.paper.enabled ? { fromPaper: { since: values.paper.since, note: values.paper.note } } : {}),
        ...(values.spontaneous.enabled
          ? {
              spontaneous: {
                kind: values.spontaneous.kind || 'other',
                kindOther: values.spontaneous.kindOther,
                reunifiedOn: values.spontaneous.reunifiedOn,
                caregiverNames: values.spontaneous.caregiverNames,
                notes: values.spontaneous.notes,
              },
            }
          : {}),
        ...(photo ? { photo, photoConsent } : {}),
        notDuplicateOf: [...different].slice(0, 50),
      });
      autosave.cancel();
      await discardDraft(DRAFT_KEY);
      toast.show(t('register.done', { number: row.number }));
      navigate(`/cases/${row.id}`);
    } catch (error) {
      if (isApiError(error, 'INVALID_DATE')) {
        let first = true;
        for (const issue of error.issues) {
          const field = registerField(issue.path);
          if (field) {
            form.setError(field as 'child.dateOfBirth', { type: 'server', message: errorKey(`dates.${issue.code}`) }, { shouldFocus: first });
            first = false;
          }
        }
        if (!first) return;
      }
      if (applyServerIssues(error, form.setError, (path) => registerField(path) as 'child.givenName' | null)) return;
      setSubmitError(error);
    }
  };

  const submitting = form.formState.isSubmitting || registerCase.isPending;
  const errorCount = Object.keys(form.formState.errors).length;

  return (
    <>
      <PageHeader
        title={t('register.title')}
        description={t('register.intro')}
        actions={
          <Link className="btn btn--secondary" to="/cases">
            {t('register.backToList')}
          </Link>
        }
      />
      {restored && draft ? (
        <div className="restored">
          <Alert tone="info" live={false}>
            <p>{t('register.restored', { time: format.dateTime(draft.savedAt) })}</p>
            <Button size="sm" onClick={startAgain}>
              {t('register.startAgain')}
            </Button>
          </Alert>
        </div>
      ) : null}
      <FormProvider {...form}>
        {/* Leaving a field (for the Lock button, another page…) saves the draft at once. */}
        <form className="case-form" noValidate onSubmit={form.handleSubmit(onValid)} onBlur={autosave.flush} aria-label={t('register.title')}>
          {form.formState.isSubmitted && errorCount > 0 ? (
            <Alert tone="danger">{t('register.fixErrors')}</Alert>
          ) : null}
          <ChildDetailsFields idPrefix="register" />
          <section className="form-section" aria-labelledby="register-photo">
            <h2 className="form-section__title" id="register-photo">
              {t('form.sections.photo')}
            </h2>
            <PhotoField label={t('photo.label')} value={photo} onChange={setPhoto} />
            {photo ? <PhotoConsentFields value={photoConsent} onChange={setPhotoConsent} /> : null}
          </section>
          <CaseSetupFields />
          {matches.length > 0 ? (
            <DuplicatePanel
              ref={panel}
              entered={{
                givenName: child.givenName,
                familyName: child.familyName,
                otherNames: child.otherNames,
                sex: child.sex,
                ageYears: enteredAge(child, todayUtc()),
                place: [child.separationPlace, child.area].filter(Boolean).join(' · '),
              }}
              matches={matches}
              different={different}
              onDecide={decide}
              flagged={flagged}
              onFlagged={(caseId) => setFlagged((current) => new Set(current).add(caseId))}
              checking={duplicates.isFetching}
            />
          ) : null}
          {blocked && undecided.length > 0 ? <Alert tone="warning">{t('duplicates.decideFirst')}</Alert> : null}
          <ErrorAlert error={submitError} />
          <div className="form-footer">
            <Button type="submit" variant="primary" busy={submitting || checkingNow}>
              {t('register.submit')}
            </Button>
            <Link className="btn btn--ghost" to="/cases">
              {t('register.cancel')}
            </Link>
            <span className="spacer" />
            <span className="form-footer__status muted">
              {autosave.failed ? t('draft.failed') : autosave.savedAt ? t('draft.saved', { time: format.dateTime(autosave.savedAt) }) : t('draft.info')}
            </span>
          </div>
        </form>
      </FormProvider>
    </>
  );
}

export function RegisterCasePage() {
  const { t } = useTranslation('cases');
  const draft = useDraftQuery(DRAFT_KEY);
  useDocumentTitle(t('register.title'));
  // The form is the page: being back here after unlocking is the resume.
  useResumeOnUnlock(DRAFT_KEY, () => undefined);
  if (draft.isPending) return <Loading />;
  return <RegisterForm draft={draft.data ?? null} />;
}
