// DOM. The editor of one assessment form (a template stored as data), for supervisors: the title,
// domains and questions (added, removed and moved with buttons), each text in the five languages
// (English required; an empty translation is flagged and saved with the English text), choice
// options, and the scale's labels. Validated with the shared template schema; saving makes a new
// version from the version loaded (a stale one is refused: the person is offered a reload).
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import {
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Resolver,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import {
  localized,
  localizedText,
  questionTypes,
  templateDefinitionSchema,
  type AssessmentTemplate,
  type LocalizedText,
  type QuestionType,
} from '@shared/assessments/contract';
import { languages, type Language } from '@shared/i18n/languages';
import { ApiError, call } from '../../api';
import { Button } from '../../ui/Button';
import { formSchemaOptions, type FieldErrorLike } from '../../ui/errors';
import { CheckboxField, FieldError, FieldErrorNamespace, SelectField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { Alert, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';

type Text = Record<Language, string>;

interface OptionValues {
  value: string;
  label: Text;
}
interface QuestionValues {
  id: string;
  type: QuestionType;
  label: Text;
  required: boolean;
  multiple: boolean;
  options: OptionValues[];
  /** Kept as loaded (not edited here). */
  help?: Text;
  scaleLabels?: Text[];
}
interface DomainValues {
  id: string;
  title: Text;
  questions: QuestionValues[];
}
interface Values {
  /** The version the edit started from (kept in the draft too, so a stale draft is refused). */
  basedOnVersion: number;
  title: Text;
  definition: { domains: DomainValues[]; scaleLabels: Text[]; childViewsRequired: boolean };
}

const blank = (): Text => Object.fromEntries(languages.map((l) => [l, ''])) as Text;
const asText = (text: LocalizedText | undefined): Text => ({ ...blank(), ...(text ?? {}) });

let counter = 0;
/** A fresh id for a new domain, question or option (ids never shown, unique within the form). */
const newId = (prefix: string): string => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

function toValues(template: AssessmentTemplate): Values {
  const d = template.definition;
  return {
    basedOnVersion: template.version,
    title: asText(template.title),
    definition: {
      childViewsRequired: d.childViewsRequired,
      scaleLabels: d.scaleLabels.map(asText),
      domains: d.domains.map((domain) => ({
        id: domain.id,
        title: asText(domain.title),
        questions: domain.questions.map((q) => ({
          id: q.id,
          type: q.type,
          label: asText(q.label),
          required: q.required,
          multiple: Boolean(q.multiple),
          options: (q.options ?? []).map((o) => ({ value: o.value, label: asText(o.label) })),
          ...(q.help ? { help: asText(q.help) } : {}),
          ...(q.scaleLabels ? { scaleLabels: q.scaleLabels.map(asText) } : {}),
        })),
      })),
    },
  };
}

/** A translation left empty is saved with the English text (it stays flagged until translated). */
const filled = (text: Text | undefined): Text => {
  const t = text ?? blank();
  const en = (t.en ?? '').trim();
  return Object.fromEntries(languages.map((l) => [l, (t[l] ?? '').trim() || en])) as Text;
};

/** The form's values in the contract's shape (what the shared schema then checks). */
function toPayload(raw: unknown): unknown {
  const v = raw as Values;
  if (!v || typeof v !== 'object' || !v.definition) return raw;
  return {
    title: filled(v.title),
    definition: {
      childViewsRequired: v.definition.childViewsRequired,
      scaleLabels: v.definition.scaleLabels.map(filled),
      domains: v.definition.domains.map((domain) => ({
        id: domain.id,
        title: filled(domain.title),
        questions: domain.questions.map((q) => ({
          id: q.id,
          type: q.type,
          label: filled(q.label),
          required: q.required,
          ...(q.help ? { help: Object.fromEntries(languages.map((l) => [l, (q.help?.[l] ?? '').trim()])) } : {}),
          ...(q.type === 'choice'
            ? { options: q.options.map((o) => ({ value: o.value, label: filled(o.label) })), multiple: q.multiple }
            : {}),
          ...(q.type === 'scale' && q.scaleLabels ? { scaleLabels: q.scaleLabels.map(filled) } : {}),
        })),
      })),
    },
  };
}

const payloadSchema = z.object({ title: localizedText, definition: templateDefinitionSchema });
type Payload = z.output<typeof payloadSchema>;
// The resolver checks (and returns) the payload the contract takes; its error paths are the form's.
const formSchema = z.preprocess(toPayload, payloadSchema);
const resolver = zodResolver(formSchema as unknown as typeof payloadSchema, formSchemaOptions) as unknown as Resolver<Values, unknown, Payload>;

/** An error set on an array (too few items) sits on the array itself or on its root. */
const arrayError = (error: unknown): FieldErrorLike | undefined => {
  const e = error as { message?: string; root?: FieldErrorLike } | undefined;
  if (!e) return undefined;
  if (e.root?.message) return e.root;
  return typeof e.message === 'string' ? e : undefined;
};

const at = (errors: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), errors);

/** Moves focus to an element once React has rendered the change. */
function focusSoon(...ids: string[]) {
  window.setTimeout(() => {
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLElement | null;
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  }, 0);
}

interface EditorContext {
  control: Control<Values, unknown, Payload>;
  register: UseFormRegister<Values>;
  setValue: UseFormSetValue<Values>;
  errors: FieldErrors<Values>;
  announce: (message: string) => void;
  base: string;
}

/** One text in every language: English required, the others flagged when not translated. */
function LocalizedInputs({ ctx, name, legend, idPrefix }: { ctx: EditorContext; name: string; legend: string; idPrefix: string }) {
  const { t } = useTranslation('templates');
  const value = useWatch({ control: ctx.control, name: name as 'title' }) as Text | undefined;
  return (
    <fieldset className="localized">
      <legend className="localized__legend">{legend}</legend>
      <div className="localized__inputs">
        {languages.map((lang) => {
          const text = (value?.[lang] ?? '').trim();
          const en = (value?.en ?? '').trim();
          // Empty: saved with the English text. Same as English: perhaps a name, perhaps never translated.
          const flag = lang === 'en' || en === '' ? null : text === '' ? 'missingTranslation' : text === en ? 'sameAsEnglish' : null;
          const error = at(ctx.errors, [...name.split('.'), lang]) as FieldErrorLike | undefined;
          // A translation's error only matters when something was typed in it (empty ones take English).
          const shown = lang === 'en' || text !== '' ? error : undefined;
          return (
            <TextField
              key={lang}
              id={`${idPrefix}-${lang}`}
              className="localized__field"
              label={<span lang={lang}>{t(`languages.${lang}`)}</span>}
              description={flag ? <span className="localized__missing">{t(flag)}</span> : undefined}
              lang={lang}
              dir="auto"
              required={lang === 'en'}
              error={shown}
              {...ctx.register(`${name}.${lang}` as 'title.en')}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

function MoveButtons({ index, count, onMove, onRemove, ids, names }: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  ids: { up: string; down: string; remove: string };
  names: { up: string; down: string; remove: string };
}) {
  const { t } = useTranslation('templates');
  return (
    <div className="row template-editor__actions">
      <Button id={ids.up} size="sm" variant="ghost" disabled={index === 0} aria-label={names.up} onClick={() => onMove(index, index - 1)}>
        {t('moveUp')}
      </Button>
      <Button id={ids.down} size="sm" variant="ghost" disabled={index === count - 1} aria-label={names.down} onClick={() => onMove(index, index + 1)}>
        {t('moveDown')}
      </Button>
      <Button id={ids.remove} size="sm" variant="danger" disabled={count <= 1} aria-label={names.remove} onClick={onRemove}>
        {t('remove')}
      </Button>
    </div>
  );
}

function OptionsEditor({ ctx, path, questionNumber }: { ctx: EditorContext; path: `definition.domains.${number}.questions.${number}`; questionNumber: number }) {
  const { t } = useTranslation('templates');
  const options = useFieldArray({ control: ctx.control, name: `${path}.options` });
  const addRef = useRef<HTMLButtonElement>(null);
  const idOf = (fieldId: string, what: string) => `${ctx.base}-o-${fieldId}-${what}`;
  const move = (from: number, to: number) => {
    const fieldId = options.fields[from]!.id;
    options.move(from, to);
    ctx.announce(t('moved', { position: to + 1 }));
    focusSoon(idOf(fieldId, to < from ? 'up' : 'down'), idOf(fieldId, to < from ? 'down' : 'up'));
  };
  return (
    <fieldset className="template-editor__options">
      <legend>{t('options.legend', { number: questionNumber })}</legend>
      <FieldError error={arrayError(at(ctx.errors, [...path.split('.'), 'options']))} />
      <ol className="template-editor__list">
        {options.fields.map((field, index) => (
          <li key={field.id} className="template-editor__option">
            <LocalizedInputs ctx={ctx} name={`${path}.options.${index}.label`} legend={t('options.label', { number: index + 1 })} idPrefix={idOf(field.id, 'label')} />
            <MoveButtons
              index={index}
              count={options.fields.length}
              onMove={move}
              onRemove={() => {
                options.remove(index);
                ctx.announce(t('removed'));
                addRef.current?.focus();
              }}
              ids={{ up: idOf(field.id, 'up'), down: idOf(field.id, 'down'), remove: idOf(field.id, 'remove') }}
              names={{
                up: t('options.moveUp', { number: index + 1 }),
                down: t('options.moveDown', { number: index + 1 }),
                remove: t('options.remove', { number: index + 1 }),
              }}
            />
          </li>
        ))}
      </ol>
      <Button
        ref={addRef}
        size="sm"
        onClick={() => {
          options.append(
            { value: newId('o'), label: blank() },
            { shouldFocus: true, focusName: `${path}.options.${options.fields.length}.label.en` },
          );
          ctx.announce(t('added'));
        }}
      >
        {t('options.add')}
      </Button>
    </fieldset>
  );
}

function QuestionEditor({ ctx, domainIndex, index, count, fieldId, onMove, onRemove }: {
  ctx: EditorContext;
  domainIndex: number;
  index: number;
  count: number;
  fieldId: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('templates');
  const path = `definition.domains.${domainIndex}.questions.${index}` as const;
  const type = useWatch({ control: ctx.control, name: `${path}.type` });
  const options = useWatch({ control: ctx.control, name: `${path}.options` });
  const idOf = (what: string) => `${ctx.base}-q-${fieldId}-${what}`;
  const typeField = ctx.register(`${path}.type`);
  return (
    <fieldset className="template-editor__question" aria-labelledby={idOf('legend')}>
      <legend id={idOf('legend')} className="template-editor__legend">
        {t('questions.legend', { number: index + 1 })}
      </legend>
      <LocalizedInputs ctx={ctx} name={`${path}.label`} legend={t('questions.label')} idPrefix={idOf('label')} />
      <div className="form-grid">
        <SelectField
          id={idOf('type')}
          label={t('questions.type')}
          {...typeField}
          onChange={(event) => {
            void typeField.onChange(event);
            if (event.target.value === 'choice' && (options ?? []).length === 0) {
              ctx.setValue(`${path}.options`, [
                { value: newId('o'), label: blank() },
                { value: newId('o'), label: blank() },
              ]);
            }
          }}
        >
          {questionTypes.map((qt) => (
            <option key={qt} value={qt}>
              {t(`types.${qt}`)}
            </option>
          ))}
        </SelectField>
        <CheckboxField id={idOf('required')} label={t('questions.required')} {...ctx.register(`${path}.required`)} />
        {type === 'choice' ? <CheckboxField id={idOf('multiple')} label={t('questions.multiple')} {...ctx.register(`${path}.multiple`)} /> : null}
      </div>
      {type === 'choice' ? (
        <OptionsEditor ctx={ctx} path={path} questionNumber={index + 1} />
      ) : null}
      <MoveButtons
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        ids={{ up: idOf('up'), down: idOf('down'), remove: idOf('remove') }}
        names={{
          up: t('questions.moveUp', { number: index + 1 }),
          down: t('questions.moveDown', { number: index + 1 }),
          remove: t('questions.remove', { number: index + 1 }),
        }}
      />
    </fieldset>
  );
}

function DomainEditor({ ctx, index, count, fieldId, onMove, onRemove }: {
  ctx: EditorContext;
  index: number;
  count: number;
  fieldId: string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('templates');
  const path = `definition.domains.${index}` as const;
  const questions = useFieldArray({ control: ctx.control, name: `${path}.questions` });
  const title = useWatch({ control: ctx.control, name: `${path}.title` });
  const addRef = useRef<HTMLButtonElement>(null);
  const qId = (id: string, what: string) => `${ctx.base}-q-${id}-${what}`;
  const heading = localized(title as LocalizedText, i18n.language).trim();
  const move = (from: number, to: number) => {
    const id = questions.fields[from]!.id;
    questions.move(from, to);
    ctx.announce(t('moved', { position: to + 1 }));
    focusSoon(qId(id, to < from ? 'up' : 'down'), qId(id, to < from ? 'down' : 'up'));
  };
  return (
    <fieldset className="card template-editor__domain" aria-labelledby={`${ctx.base}-d-${fieldId}-legend`}>
      <legend id={`${ctx.base}-d-${fieldId}-legend`} className="template-editor__domain-legend">
        {heading ? t('domains.legendNamed', { number: index + 1, title: heading }) : t('domains.legend', { number: index + 1 })}
      </legend>
      <LocalizedInputs ctx={ctx} name={`${path}.title`} legend={t('domains.title')} idPrefix={`${ctx.base}-d-${fieldId}-title`} />
      <MoveButtons
        index={index}
        count={count}
        onMove={onMove}
        onRemove={onRemove}
        ids={{ up: `${ctx.base}-d-${fieldId}-up`, down: `${ctx.base}-d-${fieldId}-down`, remove: `${ctx.base}-d-${fieldId}-remove` }}
        names={{
          up: t('domains.moveUp', { number: index + 1 }),
          down: t('domains.moveDown', { number: index + 1 }),
          remove: t('domains.remove', { number: index + 1 }),
        }}
      />
      <FieldError error={arrayError(at(ctx.errors, ['definition', 'domains', index, 'questions']))} />
      <ol className="template-editor__list">
        {questions.fields.map((field, qi) => (
          <li key={field.id}>
            <QuestionEditor
              ctx={ctx}
              domainIndex={index}
              index={qi}
              count={questions.fields.length}
              fieldId={field.id}
              onMove={move}
              onRemove={() => {
                questions.remove(qi);
                ctx.announce(t('removed'));
                addRef.current?.focus();
              }}
            />
          </li>
        ))}
      </ol>
      <div>
        <Button
          ref={addRef}
          onClick={() => {
            const next = questions.fields.length;
            questions.append(
              { id: newId('q'), type: 'scale', label: blank(), required: false, multiple: false, options: [] },
              { shouldFocus: true, focusName: `${path}.questions.${next}.label.en` },
            );
            ctx.announce(t('added'));
          }}
          aria-label={heading ? t('questions.addTo', { title: heading }) : undefined}
        >
          {t('questions.add')}
        </Button>
      </div>
    </fieldset>
  );
}

function Editor({ template, onReload }: { template: AssessmentTemplate; onReload: () => Promise<void> }) {
  const { t } = useTranslation('templates');
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
          {scaleLabels.fields.map((field, index) => (
            <LocalizedInputs
              key={field.id}
              ctx={ctx}
              name={`definition.scaleLabels.${index}`}
              legend={t('scale.point', { point: index + 1 })}
              idPrefix={`${base}-scale-${index}`}
            />
          ))}
        </fieldset>

        <section className="stack" aria-labelledby={`${base}-domains`}>
          <h2 id={`${base}-domains`} className="form-title">
            {t('domains.heading')}
          </h2>
          <FieldError error={arrayError(errors.definition?.domains)} />
          <ol className="template-editor__list stack">
            {domains.fields.map((field, index) => (
              <li key={field.id}>
                <DomainEditor
                  ctx={ctx}
                  index={index}
                  count={domains.fields.length}
                  fieldId={field.id}
                  onMove={moveDomain}
                  onRemove={() => {
                    domains.remove(index);
                    announce(t('removed'));
                    addDomainRef.current?.focus();
                  }}
                />
              </li>
            ))}
          </ol>
          <div>
            <Button
              ref={addDomainRef}
              onClick={() => {
                const next = domains.fields.length;
                domains.append(
                  {
                    id: newId('d'),
                    title: blank(),
                    questions: [{ id: newId('q'), type: 'scale', label: blank(), required: false, multiple: false, options: [] }],
                  },
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
