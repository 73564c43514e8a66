// DOM. One domain of the assessment form editor, as an office edits it: its title in five
// languages, its questions (added, moved and removed with buttons), and its own place in the list.
import { useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localized, type LocalizedText } from '@shared/assessments/contract';
import { Button } from '../../ui/Button';
import { FieldError } from '../../ui/form/fields';
import { arrayError, at, focusSoon, LocalizedInputs, MoveButtons, type EditorContext } from './editorKit';
import { newQuestion } from './editorValues';
import { QuestionEditor } from './QuestionEditor';

export function DomainEditor({ ctx, index, count, firstMovable, fieldId, onMove, onRemove }: {
  ctx: EditorContext;
  index: number;
  count: number;
  /** Domains before this index are the locked standard ones. */
  firstMovable: number;
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
  const dId = (what: string) => `${ctx.base}-d-${fieldId}-${what}`;
  return (
    <fieldset className="card template-editor__domain" aria-labelledby={dId('legend')}>
      <legend id={dId('legend')} className="template-editor__domain-legend">
        {heading ? t('domains.legendNamed', { number: index + 1, title: heading }) : t('domains.legend', { number: index + 1 })}
      </legend>
      <LocalizedInputs ctx={ctx} name={`${path}.title`} legend={t('domains.title')} idPrefix={dId('title')} />
      <MoveButtons
        index={index}
        count={count}
        firstMovable={firstMovable}
        onMove={onMove}
        onRemove={onRemove}
        ids={{ up: dId('up'), down: dId('down'), remove: dId('remove') }}
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
            questions.append(newQuestion(), { shouldFocus: true, focusName: `${path}.questions.${questions.fields.length}.label.en` });
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
