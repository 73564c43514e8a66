// DOM. Writing or editing a case note: its kind, the day it is about, and the text. Typing is kept
// as a draft; an edit keeps the earlier text in the note's history.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { noteInput, noteKinds, type Note, type NoteInput, type NoteValues } from '@shared/notes/contract';
import { ApiError, call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { applyCoreIssues, formSchemaOptions, topLevelField } from '../../ui/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { todayUtc } from '../../ui/format';
import { Button } from '../../ui/Button';
import { Alert, ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { useFormDraft } from '../../ui/useDraft';

const noteField = topLevelField(['kind', 'date', 'text'] as const, 'note');

export function NoteForm({ caseFile, note, onClose }: { caseFile: CaseFile; note: Note | null; onClose: () => void }) {
  const { t } = useTranslation(['notes', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<NoteInput, unknown, NoteValues>({
    resolver: zodResolver(noteInput, formSchemaOptions),
    defaultValues: note ? { kind: note.kind, date: note.date, text: note.text } : { kind: 'general', date: todayUtc(), text: '' },
    mode: 'onTouched',
  });
  const draft = useFormDraft(form, `case:${caseFile.id}:notes:${note ? `edit:${note.id}` : 'new'}`, { enabled: caseFile.canWrite });
  const { errors, isSubmitting } = form.formState;

  const save = useMutation({
    mutationFn: (values: NoteValues) =>
      note
        ? call('notes.edit', { caseId: caseFile.id, noteId: note.id, version: note.version, note: values })
        : call('notes.add', { caseId: caseFile.id, note: values }),
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      await save.mutateAsync(values);
      await draft.discard();
      invalidate();
      toast.show(t('saved'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'CONFLICT') invalidate();
      if (!applyCoreIssues(error, form.setError, noteField)) setFailure(error);
    }
  });

  // Cancel means discard (the × keeps the draft): asked first when there is text to lose.
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const discardAndClose = async () => {
    await draft.discard();
    onClose();
  };
  const cancel = () => {
    const text = form.getValues('text') ?? '';
    if (text.trim() !== '' && text !== (note?.text ?? '')) setConfirmingCancel(true);
    else void discardAndClose();
  };

  return (
    <form className="stack" noValidate onSubmit={submit}>
      {draft.restored ? (
        <Alert tone="info" live={false}>
          {t('draft.restored')}
        </Alert>
      ) : null}
      <div className="form-grid">
        <SelectField label={t('fields.kind')} required error={errors.kind} {...form.register('kind')}>
          {noteKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label={t('fields.date')} required max={todayUtc()} error={errors.date} {...form.register('date')} />
      </div>
      <TextAreaField label={t('fields.text')} required rows={10} maxLength={20_000} error={errors.text} {...form.register('text')} />
      {note ? <p className="muted">{t('editKeepsHistory')}</p> : null}
      <ErrorAlert error={failure} />
      {confirmingCancel ? (
        <div className="alert alert--warning stack" role="alert">
          <p>{t('discard.question')}</p>
          <div className="row">
            <Button variant="danger" onClick={() => void discardAndClose()}>
              {t('discard.confirm')}
            </Button>
            <Button data-autofocus onClick={() => setConfirmingCancel(false)}>
              {t('discard.keep')}
            </Button>
          </div>
        </div>
      ) : null}
      <FormFooter submit={t('save')} busy={isSubmitting} onCancel={cancel} savedText={draft.savedAt ? t('draft.saved') : null} />
    </form>
  );
}
