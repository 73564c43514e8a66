// DOM. Attaching a document to the case: a title, what kind of document it is, and the file (PDF,
// PNG, JPEG or WEBP up to 10 MB). The core checks the file's first bytes against its type.
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { documentKinds, documentUploadInput, maxDocumentBytes, type DocumentUploadInput } from '@shared/notes/contract';
import { ApiError, call } from '../../api';
import { useInvalidateCase } from '../../app/caseCache';
import { Dialog } from '../../ui/Dialog';
import { formSchemaOptions } from '../../ui/errors';
import { formatBytes, readAsBase64 } from '../../ui/files';
import { FieldError, SelectField, TextField } from '../../ui/form/fields';
import { FormFooter } from '../../ui/form/FormFooter';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { acceptedMimes, isDocumentMime } from './files';

const detailsSchema = documentUploadInput.pick({ title: true, kind: true });
type Details = Pick<DocumentUploadInput, 'title' | 'kind'>;

export function UploadDocumentDialog({ caseFile, onClose }: { caseFile: CaseFile; onClose: () => void }) {
  const { t, i18n } = useTranslation(['notes', 'common']);
  const toast = useToast();
  const invalidate = useInvalidateCase(caseFile.id);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Details>({ resolver: zodResolver(detailsSchema, formSchemaOptions), defaultValues: { title: '', kind: 'consent_form' } });
  const { errors, isSubmitting } = form.formState;

  const upload = useMutation({
    mutationFn: async (details: Details) => {
      if (!file || !isDocumentMime(file.type)) throw new Error('no file');
      const dataBase64 = await readAsBase64(file);
      return call('notes.uploadDocument', { caseId: caseFile.id, document: { ...details, mime: file.type, fileName: file.name.slice(0, 200), dataBase64 } });
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileError(null);
    if (!chosen) return;
    if (!isDocumentMime(chosen.type)) setFileError('fileType');
    else if (chosen.size > maxDocumentBytes) setFileError('tooLarge');
    else if (chosen.size === 0) setFileError('empty');
    else if (!form.getValues('title')) form.setValue('title', chosen.name.replace(/\.[^.]+$/u, '').slice(0, 200));
  };

  const submit = form.handleSubmit(async (details) => {
    setFailure(null);
    if (!file) {
      setFileError('required');
      return;
    }
    if (fileError) return;
    try {
      await upload.mutateAsync(details);
      invalidate();
      toast.show(t('documents.uploaded'));
      onClose();
    } catch (error) {
      const issue = error instanceof ApiError && error.code === 'VALIDATION' ? error.issues.find((i) => i.path.includes('dataBase64')) : undefined;
      if (issue) setFileError(issue.message);
      else setFailure(error);
    }
  });

  const describedBy = [`${fileId}-help`, fileError ? `${fileId}-error` : ''].filter(Boolean).join(' ');
  return (
    <Dialog open onClose={onClose} title={t('documents.upload')}>
      <form className="stack" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t('documents.file')}
            <span className="field__required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <p className="field__description" id={`${fileId}-help`}>
            {t('documents.fileHelp')}
            {file ? ` ${t('documents.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}` : ''}
          </p>
          <input
            id={fileId}
            type="file"
            className="input"
            accept={acceptedMimes}
            aria-required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          <FieldError id={`${fileId}-error`} error={fileError ? { message: fileError } : undefined} />
        </div>
        <div className="form-grid">
          <TextField label={t('documents.title')} required error={errors.title} {...form.register('title')} />
          <SelectField label={t('documents.kind')} required error={errors.kind} {...form.register('kind')}>
            {documentKinds.map((k) => (
              <option key={k} value={k}>
                {t(`documentKinds.${k}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorAlert error={failure} />
        <FormFooter submit={t('documents.uploadSubmit')} busy={isSubmitting} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
