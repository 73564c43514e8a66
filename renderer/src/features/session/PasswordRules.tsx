// DOM. Live feedback on the password policy while typing: each rule of shared/'s checkPassword with
// whether the password meets it. Not a live region (it would speak on every key); the password
// field points at it with aria-describedby, and a failed submit names the problem.
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import type { FieldErrorLike } from '../../ui/errors';
import { checkPassword, type PasswordProblem } from '@shared/session/password-policy';

const rules: readonly PasswordProblem[] = ['tooShort', 'common', 'tooRepetitive', 'containsUsername'];

export function PasswordRules({ id, password, username }: { id: string; password: string; username: string }) {
  const { t } = useTranslation(['session', 'common']);
  const problems = checkPassword(password, username);
  return (
    <ul className="rules" id={id} aria-label={t('password.rulesLabel')}>
      {rules.map((rule) => {
        const met = password.length > 0 && !problems.includes(rule);
        return (
          <li key={rule} className={met ? 'rules__item rules__item--met' : 'rules__item'}>
            <span className="rules__icon" aria-hidden="true">
              {met ? '✓' : '•'}
            </span>
            <span>{t(`password.rules.${rule}`)}</span>
            <span className="visually-hidden">{met ? t('password.met') : t('password.notMet')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** zod refinement for a new password: the policy, then the confirmation. */
export function passwordIssues(password: string, confirm: string, username: string) {
  const issues: { path: string; message: string }[] = [];
  const problems = checkPassword(password, username);
  if (problems.length > 0) issues.push({ path: 'password', message: `password.${problems[0]}` });
  if (confirm !== password) issues.push({ path: 'confirm', message: 'validation.mismatch' });
  return issues;
}

/**
 * A new password and its confirmation, with the policy's live feedback under the first: the same
 * pair on setup, password change, recovery reset and an administrator's reset.
 */
export function NewPasswordFields({
  password,
  confirm,
  value,
  username,
  errors,
  label,
  description,
}: {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  /** The password as typed so far (useWatch), for the live feedback. */
  value: string | undefined;
  username: string | undefined;
  errors: { password?: FieldErrorLike; confirm?: FieldErrorLike };
  label?: string;
  description?: string;
}) {
  const { t } = useTranslation('session');
  return (
    <>
      <TextField
        label={label ?? t('account.newPassword')}
        description={description}
        type="password"
        autoComplete="new-password"
        required
        error={errors.password}
        extra={(id) => <PasswordRules id={id} password={value ?? ''} username={username ?? ''} />}
        {...password}
      />
      <TextField label={t('account.confirmPassword')} type="password" autoComplete="new-password" required error={errors.confirm} {...confirm} />
    </>
  );
}
