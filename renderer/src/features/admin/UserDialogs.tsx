// DOM. Create a user (with a first password under the policy), or change a user's name, role and
// whether they may sign in.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { User } from '@shared/admin/contract';
import { languageNames, languages } from '@shared/i18n/languages';
import { roles } from '@shared/permissions';
import { displayNameSchema, languageSchema, passwordSchema, roleSchema, usernameSchema } from '@shared/session/contract';
import { isApiError } from '../../api';
import { FormFooter } from '../../ui/form/FormFooter';
import { Dialog } from '../../ui/Dialog';
import { applyServerIssues, errorKey, formSchemaOptions } from '../../ui/errors';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { NewPasswordFields, passwordIssues } from '../session/PasswordRules';
import { useCreateUser, useUpdateUser } from './queries';

const createSchema = z
  .object({
    displayName: displayNameSchema,
    username: usernameSchema,
    role: roleSchema,
    language: z.union([languageSchema, z.literal('')]),
    password: passwordSchema,
    confirm: z.string(),
  })
  .superRefine((values, ctx) => {
    for (const issue of passwordIssues(values.password, values.confirm, values.username)) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
type CreateValues = z.input<typeof createSchema>;

function RoleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const toast = useToast();
  const create = useCreateUser();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<CreateValues, unknown, z.output<typeof createSchema>>({
    resolver: zodResolver(createSchema, formSchemaOptions),
    defaultValues: { displayName: '', username: '', role: 'caseworker', language: '', password: '', confirm: '' },
    mode: 'onTouched',
  });
  const [password, username] = useWatch({ control: form.control, name: ['password', 'username'] });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const user = await create.mutateAsync({
        displayName: values.displayName,
        username: values.username,
        role: values.role,
        ...(values.language ? { language: values.language } : {}),
        password: values.password,
      });
      toast.show(t('users.created', { name: user.displayName }));
      onClose();
    } catch (error) {
      if (isApiError(error, 'USERNAME_TAKEN')) {
        form.setError('username', { message: errorKey('USERNAME_TAKEN', error.params) }, { shouldFocus: true });
      } else if (
        !applyServerIssues(error, form.setError, (path) =>
          path[0] === 'displayName' || path[0] === 'username' || path[0] === 'role' || path[0] === 'password' ? path[0] : null,
        )
      ) {
        setFailure(error);
      }
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <div className="form-grid">
        <TextField label={t('session:account.displayName')} autoComplete="off" required error={errors.displayName} {...form.register('displayName')} />
        <TextField
          label={t('session:account.username')}
          description={t('session:account.usernameHelp')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.username}
          {...form.register('username')}
        />
      </div>
      <div className="form-grid">
        <SelectField label={t('users.role')} description={t('users.roleHelp')} error={errors.role} {...form.register('role')}>
          <RoleOptions />
        </SelectField>
        <SelectField label={t('users.language')} error={errors.language} {...form.register('language')}>
          <option value="">{t('users.languageDefault')}</option>
          {languages.map((language) => (
            <option key={language} value={language} lang={language}>
              {languageNames[language]}
            </option>
          ))}
        </SelectField>
      </div>
      <NewPasswordFields
        label={t('users.firstPassword')}
        description={t('users.firstPasswordHelp')}
        password={form.register('password')}
        confirm={form.register('confirm')}
        value={password}
        username={username}
        errors={errors}
      />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('users.createSubmit')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

export function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  return (
    <Dialog open={open} onClose={onClose} title={t('users.createTitle')}>
      <CreateUserForm onClose={onClose} />
    </Dialog>
  );
}

const editSchema = z.object({ displayName: displayNameSchema, role: roleSchema, active: z.boolean() });
type EditValues = z.input<typeof editSchema>;

function EditUserForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const toast = useToast();
  const update = useUpdateUser();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<EditValues, unknown, z.output<typeof editSchema>>({
    resolver: zodResolver(editSchema, formSchemaOptions),
    defaultValues: { displayName: user.displayName, role: user.role, active: user.active },
  });
  const { errors, isSubmitting, dirtyFields } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const updated = await update.mutateAsync({
        id: user.id,
        ...(dirtyFields.displayName ? { displayName: values.displayName } : {}),
        ...(dirtyFields.role ? { role: values.role } : {}),
        ...(dirtyFields.active ? { active: values.active } : {}),
      });
      toast.show(t('users.updated', { name: updated.displayName }));
      onClose();
    } catch (error) {
      if (!applyServerIssues(error, form.setError, (path) => (path[0] === 'displayName' || path[0] === 'role' ? path[0] : null))) {
        setFailure(error);
      }
    }
  });
  return (
    <form className="stack" noValidate onSubmit={submit}>
      <p className="muted">
        {t('users.editFor')} <span className="mono" dir="ltr">{user.username}</span>
      </p>
      <TextField label={t('session:account.displayName')} autoComplete="off" required error={errors.displayName} {...form.register('displayName')} />
      <SelectField label={t('users.role')} description={t('users.roleHelp')} error={errors.role} {...form.register('role')}>
        <RoleOptions />
      </SelectField>
      <CheckboxField label={t('users.activeLabel')} description={t('users.activeHelp')} {...form.register('active')} />
      <ErrorAlert error={failure} />
      <FormFooter submit={t('common:actions.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

export function EditUserDialog({ user, open, onClose }: { user: User; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  return (
    <Dialog open={open} onClose={onClose} title={t('users.editTitle', { name: user.displayName })}>
      <EditUserForm user={user} onClose={onClose} />
    </Dialog>
  );
}
