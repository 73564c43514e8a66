// DOM. Filters of the audit log: person, kind of action, entity, and a date range.
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import type { AuditFilters } from './queries';

/** Action prefixes (the core matches actions that start with the filter). */
export const actionGroups = [
  { id: 'sessions', prefix: 'session.' },
  { id: 'failedLogins', prefix: 'session.loginFailed' },
  { id: 'users', prefix: 'user.' },
  { id: 'office', prefix: 'office.' },
  { id: 'keys', prefix: 'vault.' },
  { id: 'denied', prefix: 'access.' },
] as const;
const entityTypes = ['user', 'office'] as const;

interface Values {
  userId: string;
  action: string;
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

const empty: Values = { userId: '', action: '', entityType: '', entityId: '', from: '', to: '' };

/** A date picked in the form is a local day: send its first and last instant as ISO times. */
function localDayBound(day: string, end: boolean): string {
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

function toFilters(values: Values): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of Object.keys(values) as (keyof Values)[]) {
    const value = values[key].trim();
    if (value) filters[key] = value;
  }
  if (filters.from) filters.from = localDayBound(filters.from, false);
  if (filters.to) filters.to = localDayBound(filters.to, true);
  return filters;
}

export function AuditFiltersForm({
  users,
  onChange,
}: {
  users: { id: string; label: string }[];
  onChange: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation(['audit', 'common']);
  // The form keeps what was typed (days); the page only receives the filters on "Apply".
  const form = useForm<Values>({ defaultValues: empty });
  const { errors } = form.formState;
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('filters.label')}
      noValidate
      onSubmit={form.handleSubmit((values) => onChange(toFilters(values)))}
    >
      <SelectField label={t('filters.user')} {...form.register('userId')}>
        <option value="">{t('filters.anyone')}</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.label}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('filters.action')} {...form.register('action')}>
        <option value="">{t('filters.anyAction')}</option>
        {actionGroups.map((group) => (
          <option key={group.id} value={group.prefix}>
            {t(`filters.actionGroups.${group.id}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('filters.entityType')} {...form.register('entityType')}>
        <option value="">{t('filters.anyEntity')}</option>
        {entityTypes.map((type) => (
          <option key={type} value={type}>
            {t(`entities.${type}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('filters.entityId')} autoComplete="off" spellCheck={false} dir="ltr" {...form.register('entityId')} />
      <TextField
        label={t('filters.from')}
        type="date"
        error={errors.from}
        {...form.register('from')}
      />
      <TextField
        label={t('filters.to')}
        type="date"
        error={errors.to}
        {...form.register('to', {
          validate: (to, values) => !to || !values.from || to >= values.from || 'validation.dateOrder',
        })}
      />
      <div className="filters__actions">
        <Button type="submit" variant="primary">
          {t('filters.apply')}
        </Button>
        <Button
          onClick={() => {
            form.reset(empty);
            onChange({});
          }}
        >
          {t('filters.clear')}
        </Button>
      </div>
    </form>
  );
}
