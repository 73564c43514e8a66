// DOM. The one date field of the app: typed in the app language's order (day first, shown as a
// hint, read back in words so a misreading is seen at once) or picked on a calendar in the app's
// language (react-day-picker with its date-fns locales), never in the browser's locale as a native
// <input type=date> would. The value is always yyyy-mm-dd (or '' when empty) for the core.
//
// It works with react-hook-form's `register` like a native input: name, ref, onChange and onBlur go
// to a hidden input that holds the value; the form writes defaults and drafts into it (observed
// below) and reads it back. A typed text that is not a real date is put there as it stands, so the
// form's own date rule refuses it: nothing the person typed is dropped or guessed silently.
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FocusEvent, type ReactNode, type Ref } from 'react';
import { DayPicker } from 'react-day-picker';
import { ar, enGB, es, fr, pt } from 'react-day-picker/locale';
import 'react-day-picker/style.css';
import { useTranslation } from 'react-i18next';
import { readTypedDate, typedFromIso, isIsoDate } from './dateEntry';
import type { FieldErrorLike, FieldErrorSource } from './errors';
// Field.tsx renders this for type="date"; the cycle is only between render functions.
import { FieldDescription, FieldErrorMessage, RequiredMark, useFieldIds } from './Field';

const calendarLocales = { en: enGB, fr, es, pt, ar } as const;

export interface DateFieldProps {
  label: ReactNode;
  description?: ReactNode;
  error?: FieldErrorLike;
  required?: boolean;
  requiredMark?: boolean;
  errorSource?: FieldErrorSource | null;
  className?: string;
  id?: string;
  name?: string;
  value?: string | null;
  defaultValue?: string | null;
  min?: string | number;
  max?: string | number;
  disabled?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: (event: FocusEvent<HTMLInputElement>) => void;
  ref?: Ref<HTMLInputElement>;
}

const localDay = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};
const isoOfLocal = (date: Date) =>
  `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

type Observed = HTMLInputElement & { __dateFieldObserve?: (value: string) => void };

/** Lets the form's writes into the hidden input (defaults, reset, a restored draft) reach the text. */
function observeValue(input: Observed, onWrite: (value: string) => void) {
  input.__dateFieldObserve = onWrite;
  if (Object.prototype.hasOwnProperty.call(input, '__dateFieldPatched')) return;
  const own = Object.getOwnPropertyDescriptor(input, 'value') ?? Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() {
      return own.get!.call(input) as string;
    },
    set(next: unknown) {
      own.set!.call(input, next);
      input.__dateFieldObserve?.(String(next ?? ''));
    },
  });
  Object.defineProperty(input, '__dateFieldPatched', { value: true });
}

export function DateField({
  label,
  description,
  error,
  required,
  requiredMark,
  errorSource,
  className,
  id,
  name,
  value,
  defaultValue,
  min,
  max,
  disabled,
  onChange,
  onBlur,
  ref,
}: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language in calendarLocales ? i18n.language : 'en') as keyof typeof calendarLocales;
  const controlled = value !== undefined;
  const [text, setText] = useState(() => typedFromIso(value ?? defaultValue ?? ''));
  const [shownProblem, setShownProblem] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(false);
  const hidden = useRef<HTMLInputElement | null>(null);
  const visible = useRef<HTMLInputElement | null>(null);
  const emitted = useRef<string | null>(null);
  const calendarId = useId();
  const hintId = useId();
  const readingId = useId();

  const reading = readTypedDate(text);
  const problem = reading.kind === 'invalid' ? reading.reason : null;
  const ids = useFieldIds(id, error ?? (shownProblem && problem ? { message: problem } : undefined), description);
  const describedBy = [ids.descriptionId, hintId, readingId, ids.errorId].filter(Boolean).join(' ');

  const show = useCallback((next: string) => {
    if (next === emitted.current) return; // our own write coming back
    emitted.current = null;
    setText(typedFromIso(next));
    setShownProblem(false);
  }, []);

  useEffect(() => {
    if (controlled) show(value ?? '');
  }, [controlled, show, value]);

  // Not memoised on purpose: react-hook-form hands a new ref on every render and, after reset(),
  // only learns the field again through it (as it does with a native input).
  const hiddenRef = (input: HTMLInputElement | null) => {
    hidden.current = input;
    if (input) {
      observeValue(input, show);
      // The form focuses the field with an error through its ref: the typed text takes it.
      input.focus = () => visible.current?.focus();
    }
    if (typeof ref === 'function') ref(input);
    else if (ref) (ref as { current: HTMLInputElement | null }).current = input;
  };

  const emit = (next: string) => {
    const input = hidden.current;
    if (!input) return;
    emitted.current = next;
    input.value = next;
    onChange?.({ target: input, currentTarget: input, type: 'change' } as unknown as ChangeEvent<HTMLInputElement>);
  };

  const onType = (typed: string) => {
    setText(typed);
    const next = readTypedDate(typed);
    // A controlled filter gets a date or nothing; a form gets what was typed, so its rule refuses it.
    if (next.kind === 'valid') emit(next.iso);
    else if (next.kind === 'empty') emit('');
    else emit(controlled ? '' : typed);
  };

  const minIso = typeof min === 'string' && isIsoDate(min) ? min : null;
  const maxIso = typeof max === 'string' && isIsoDate(max) ? max : null;
  const selected = reading.kind === 'valid' ? localDay(reading.iso) : undefined;
  const dayInWords = useMemo(() => {
    if (reading.kind !== 'valid') return null;
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${reading.iso}T00:00:00Z`));
  }, [i18n.language, reading]);
  // What is wrong with the typed text says more than the form's "enter a real date", so it wins.
  const ownError = shownProblem && problem ? t(`date.problems.${problem}`, { example: typedFromIso('2026-12-06') }) : null;

  return (
    <div className={['field', 'date-field', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={ids.id}>
        {label}
        {requiredMark ? <RequiredMark required={required} /> : null}
      </label>
      <FieldDescription id={ids.descriptionId}>{description}</FieldDescription>
      <p className="field__description date-field__hint" id={hintId}>
        {t('date.hint', { format: t('date.format') })}
      </p>
      <div className="date-field__row">
        <input
          ref={visible}
          id={ids.id}
          className="input date-field__input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          placeholder={t('date.format')}
          value={text}
          disabled={disabled}
          aria-invalid={error || ownError ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onType(event.target.value)}
          onBlur={() => {
            setShownProblem(true);
            if (hidden.current) onBlur?.({ target: hidden.current, currentTarget: hidden.current, type: 'blur' } as unknown as FocusEvent<HTMLInputElement>);
          }}
        />
        <button
          type="button"
          className="btn btn--secondary btn--sm date-field__calendar-button"
          aria-expanded={calendarOpen}
          aria-controls={calendarOpen ? calendarId : undefined}
          disabled={disabled}
          onClick={() => setCalendarOpen((open) => !open)}
        >
          {t('date.calendar')}
        </button>
        <input type="hidden" ref={hiddenRef} name={name} {...(controlled ? { value: value ?? '' } : { defaultValue: defaultValue ?? undefined })} />
      </div>
      <p className="date-field__reading muted" id={readingId} aria-live="polite">
        {dayInWords ?? ''}
      </p>
      {ownError ? (
        <p className="field__error" id={ids.errorId ?? `${ids.id}-error`} role="alert">
          <span aria-hidden="true" className="field__error-icon">
            !
          </span>
          {ownError}
        </p>
      ) : null}
      {ownError ? null : <FieldErrorMessage id={ids.errorId} error={error} source={errorSource} />}
      {calendarOpen ? (
        <div
          id={calendarId}
          className="date-field__calendar"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              // Closes the calendar only, not the dialog around it.
              event.stopPropagation();
              event.preventDefault();
              setCalendarOpen(false);
              visible.current?.focus();
            }
          }}
        >
          <DayPicker
            mode="single"
            locale={calendarLocales[language]}
            dir={language === 'ar' ? 'rtl' : 'ltr'}
            captionLayout="dropdown"
            startMonth={minIso ? localDay(minIso) : new Date(1900, 0)}
            endMonth={maxIso ? localDay(maxIso) : new Date(new Date().getFullYear() + 10, 11)}
            disabled={[...(minIso ? [{ before: localDay(minIso) }] : []), ...(maxIso ? [{ after: localDay(maxIso) }] : [])]}
            selected={selected}
            defaultMonth={selected ?? (maxIso && localDay(maxIso) < new Date() ? localDay(maxIso) : undefined)}
            autoFocus
            onSelect={(day) => {
              if (!day) return;
              const iso = isoOfLocal(day);
              setText(typedFromIso(iso));
              emit(iso);
              setCalendarOpen(false);
              visible.current?.focus();
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
