// DOM. What the assessment form editor's parts share: the form's context, error lookups, focus after
// a move, the five-language text inputs and the move/remove buttons.
import type { Control, FieldErrors, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { languages } from '@shared/i18n/languages';
import { Button } from '../../ui/Button';
import type { FieldErrorLike } from '../../ui/errors';
import { TextField } from '../../ui/form/fields';
import type { Payload, Text, Values } from './editorValues';

export interface EditorContext {
  control: Control<Values, unknown, Payload>;
  register: UseFormRegister<Values>;
  setValue: UseFormSetValue<Values>;
  errors: FieldErrors<Values>;
  announce: (message: string) => void;
  base: string;
}

/** An error set on an array (too few items) sits on the array itself or on its root. */
export const arrayError = (error: unknown): FieldErrorLike | undefined => {
  const e = error as { message?: string; root?: FieldErrorLike } | undefined;
  if (!e) return undefined;
  if (e.root?.message) return e.root;
  return typeof e.message === 'string' ? e : undefined;
};

export const at = (errors: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), errors);

/** Moves focus to an element once React has rendered the change. */
export function focusSoon(...ids: string[]) {
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

/** One text in every language: English required, the others flagged when not translated. */
export function LocalizedInputs({ ctx, name, legend, idPrefix }: { ctx: EditorContext; name: string; legend: string; idPrefix: string }) {
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

export function MoveButtons({ index, count, onMove, onRemove, ids, names, firstMovable = 0 }: {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
  ids: { up: string; down: string; remove: string };
  names: { up: string; down: string; remove: string };
  /** Items before this index are locked in place: nothing moves above them. */
  firstMovable?: number;
}) {
  const { t } = useTranslation('templates');
  return (
    <div className="row template-editor__actions">
      <Button id={ids.up} size="sm" variant="ghost" disabled={index <= firstMovable} aria-label={names.up} onClick={() => onMove(index, index - 1)}>
        {t('moveUp')}
      </Button>
      <Button id={ids.down} size="sm" variant="ghost" disabled={index === count - 1} aria-label={names.down} onClick={() => onMove(index, index + 1)}>
        {t('moveDown')}
      </Button>
      <Button id={ids.remove} size="sm" variant="danger" disabled={firstMovable === 0 && count <= 1} aria-label={names.remove} onClick={onRemove}>
        {t('remove')}
      </Button>
    </div>
  );
}
