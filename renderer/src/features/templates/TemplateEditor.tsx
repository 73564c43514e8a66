// DOM. The editor of one assessment form (a template stored as data), for supervisors: the title,
// domains and questions (added, removed and moved with buttons), each text in the five languages
// (English required; an empty translation is flagged and saved with the English text), choice
// options, and the scale's labels. Validated with the shared template schema; saving makes a new
// version from the version loaded (a stale one is refused: the person is offered a reload).
// In the standard Child Status Index the six standard domains, their factors and the scale are shown
// locked, with their score guides and why (LockedDomain.tsx); the office's own domains follow them.
// The parts: editorValues.ts (values and payload), editorKit.tsx, DomainEditor.tsx, QuestionEditor.tsx.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { localized, type AssessmentTemplate } from '@shared/assessments/contract';
import { isStandardDomain, STANDARD_TEMPLATE_KEY } from '@shared/assessments/standard';
import { ApiError, call } from '../../api';
import { Button } from '../../ui/Button';
import { CheckboxField, FieldError, FieldErrorNamespace } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { Alert, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';
import { DomainEditor } from './DomainEditor';
import { arrayError, focusSoon, LocalizedInputs, type EditorContext } from './editorKit';
import { blank, newId, newQuestion, resolver, toValues, type Payload, type Values } from './editorValues';
import { LockedDomain } from './LockedDomain';

/** How many domains at the head of the list are standard (locked) ones. */
function leadingStandard(templateKey: string, ids: string[]): number {
  const first = ids.findIndex((id) => !isStandardDomain(templateKey, id));
  return first < 0 ? ids.length : first;
}

function Editor({ template, onReload }: { template: AssessmentTemplate; onReload: () => Promise<void> }) {
  const { t, i18n } = useTranslation('templates');
  const toast = useToast();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const base = useId().replace(/:/g, '');
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const form = useForm<Values, unknown, Payload>({ resolver, defaultValues: toValues(template), mode: 'onSubmit' });
  const draft = useFormDraft(form, `assessments:template:${template.key}`);
  const domains = useFieldArray({ control: form.control, name: 'definition.domains' });
  const scaleLabels = useFieldArray({ control: form.control, name: 'definition.scaleLabels' });
  const addDomainRef = useRef<HTMLButtonElement>(null);
  const { errors, isSubmitting } = form.formState;
  const announce = useCallback((message: string) => {
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(message), 50);
  }, []);
  const ctx: EditorContext = { control: form.control, register: form.register, setValue: form.setValue, errors, announce, base };
  // The standard CSI: its leading standard domains and its scale are locked (shared/assessments/standard.ts).
  const standard = template.key === STANDARD_TEMPLATE_KEY;
  const domainValues = form.getValues('definition.domains');
  const lockedCount = standard ? leadingStandard(template.key, domainValues.map((d) => d.id)) : 0;
  const lockNote = `${base}-lock`;

  const save = useMutation({
    mutationFn: (input: { payload: Payload; basedOnVersion: number }) =>
      call('assessments.saveTemplate', { key: template.key, kind: template.kind, ...input.payload, basedOnVersion: input.basedOnVersion }),
  });

  const submit = form.handleSubmit(
    async (payload) => {
      setFailure(null);
      setConflict(false);
      try {
        const saved = await save.mutateAsync({ payload, basedOnVersion: form.getValues('basedOnVersion') });
        await draft.discard();
        await queryClient.invalidateQueries({ queryKey: ['assessments', 'templates'] });
        toast.show(t('saved', { version: saved.version }));
        void navigate('/assessment-forms');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONFLICT') setConflict(true);
        else setFailure(error);
      }
    },
    () => setFailure(null),
  );

  const domainId = (id: string, what: string) => `${base}-d-${id}-${what}`;
  const moveDomain = (from: number, to: number) => {
    const id = domains.fields[from]!.id;
    domains.move(from, to);
    announce(t('moved', { position: to + 1 }));
    focusSoon(domainId(id, to < from ? 'up' : 'down'), domainId(id, to < from ? 'down' : 'up'));
  };

  const restoredStale = draft.restored && form.getValues('basedOnVersion') !== template.version;

  return (
    <FieldErrorNamespace ns="templates">
      <form className="stack template-editor" noValidate onSubmit={(e) => void submit(e)}>
        <p className="muted">{t('editor.versioning', { version: template.version })}</p>
        <p className="muted">{t('editor.translations')}</p>
        {draft.restored ? <Alert tone="info">{t('draftRestored')}</Alert> : null}
        {restoredStale ? <Alert tone="warning">{t('draftStale')}</Alert> : null}
        <p className="muted">{t('editor.kind', { kind: t(`kinds.${template.kind}`) })}</p>

        <LocalizedInputs ctx={ctx} name="title" legend={t('editor.title')} idPrefix={`${base}-title`} />
        <CheckboxField label={t('editor.childViewsRequired')} {...form.register('definition.childViewsRequired')} />

        <fieldset className="template-editor__scale">
          <legend className="form-title">{t('scale.legend')}</legend>
          <p className="muted">{t('scale.help')}</p>
          {standard ? (
            <>
              <p className="template-editor__badge">{t('standard.scaleLocked')}</p>
              <ol className="plain-list">
                {template.definition.scaleLabels.map((label, index) => (
                  <li key={index}>
                    {index + 1} · {localized(label, i18n.language)}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            scaleLabels.fields.map((field, index) => (
              <LocalizedInputs
                key={field.id}
                ctx={ctx}
                name={`definition.scaleLabels.${index}`}
                legend={t('scale.point', { point: index + 1 })}
                idPrefix={`${base}-scale-${index}`}
              />
            ))
          )}
        </fieldset>

        <section className="stack" aria-labelledby={`${base}-domains`}>
          <h2 id={`${base}-domains`} className="form-title">
            {t('domains.heading')}
          </h2>
          {standard ? (
            <p id={lockNote} className="template-editor__lock-note">
              {t('standard.note')}
            </p>
          ) : null}
          <FieldError error={arrayError(errors.definition?.domains)} />
          <ol className="template-editor__list stack">
            {domains.fields.map((field, index) => (
              <li key={field.id}>
                {index < lockedCount ? (
                  <LockedDomain
                    domain={template.definition.domains.find((d) => d.id === domainValues[index]?.id) ?? template.definition.domains[index]!}
                    number={index + 1}
                    scaleLabels={template.definition.scaleLabels}
                    noteId={lockNote}
                  />
                ) : (
                <DomainEditor
                  ctx={ctx}
                  index={index}
                  count={domains.fields.length}
                  firstMovable={lockedCount}
                  fieldId={field.id}
                  onMove={moveDomain}
                  onRemove={() => {
                    domains.remove(index);
                    announce(t('removed'));
                    addDomainRef.current?.focus();
                  }}
                />
                )}
              </li>
            ))}
          </ol>
          <div>
            <Button
              ref={addDomainRef}
              onClick={() => {
                const next = domains.fields.length;
                domains.append(
                  { id: newId('d'), title: blank(), questions: [newQuestion()] },
                  { shouldFocus: true, focusName: `definition.domains.${next}.title.en` },
                );
                announce(t('added'));
              }}
            >
              {t('domains.add')}
            </Button>
          </div>
        </section>

        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('editor.fixErrors')}</Alert> : null}
        {conflict ? (
          <Alert tone="warning" title={t('conflict.title')}>
            <p>{t('conflict.body')}</p>
            <Button
              variant="primary"
              onClick={() => {
                void (async () => {
                  await draft.discard();
                  await onReload();
                })();
              }}
            >
              {t('conflict.reload')}
            </Button>
          </Alert>
        ) : null}
        <ErrorAlert error={failure} />
        <FormFooter
          submit={t('editor.save')}
          busy={isSubmitting}
          onCancel={() => void navigate('/assessment-forms')}
          savedText={draft.savedAt ? t('draftSaved') : undefined}
        />
      </form>
    </FieldErrorNamespace>
  );
}

export function TemplateEditorPage() {
  const { t, i18n } = useTranslation('templates');
  const { key = '' } = useParams();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: ['assessments', 'templates'], queryFn: () => call('assessments.templates', {}) });
  const [generation, setGeneration] = useState(0);
  const template = templates.data?.find((tpl) => tpl.key === key);
  const reload = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ['assessments', 'templates'] });
    await queryClient.refetchQueries({ queryKey: ['assessments', 'templates'] });
    setGeneration((g) => g + 1);
  }, [queryClient]);
  return (
    <>
      <PageHeader
        title={template ? t('editor.heading', { title: localized(template.title, i18n.language) }) : t('editor.headingPlain')}
        actions={<Link to="/assessment-forms">{t('backToList')}</Link>}
      />
      {templates.isPending ? <Loading /> : null}
      <ErrorAlert error={templates.error} />
      {templates.data && !template ? <Alert tone="warning">{t('notFound')}</Alert> : null}
      {template ? <Editor key={`${template.key}@${template.version}#${generation}`} template={template} onReload={reload} /> : null}
    </>
  );
}
