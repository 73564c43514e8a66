// DOM. One question of the assessment form editor: its wording in five languages, its type of
// answer, whether it is required, and a choice question's options (added, moved and removed with
// buttons, focus following the moved item and the change announced).
import { useRef } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { questionTypes } from '@shared/assessments/contract';
import { Button } from '../../ui/Button';
import { CheckboxField, FieldError, SelectField } from '../../ui/form/fields';
import { arrayError, at, focusSoon, LocalizedInputs, MoveButtons, type EditorContext } from './editorKit';
import { blank, newId } from './editorValues';

type QuestionPath = `definition.domains.${number}.questions.${number}`;

function OptionsEditor({ ctx, path, questionNumber }: { ctx: EditorContext; path: QuestionPath; questionNumber: number }) {
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

export function QuestionEditor({ ctx, domainIndex, index, count, fieldId, onMove, onRemove }: {
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
      {type === 'choice' ? <OptionsEditor ctx={ctx} path={path} questionNumber={index + 1} /> : null}
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
