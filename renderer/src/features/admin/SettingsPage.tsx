// DOM. Office settings: the office's identity, auto-lock after idle, and whether a Best Interests
// Determination is required before reunification.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { officeSettingsSchema, type OfficeSettings } from '@shared/admin/contract';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { applyServerIssues, formSchemaOptions } from '../../ui/errors';
import { CheckboxField, TextField } from '../../ui/Field';
import { Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { OfficeFields } from '../session/SetupOfficeStep';
import { adminKeys, useSettings } from './queries';

function SettingsForm({ settings }: { settings: OfficeSettings }) {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const toast = useToast();
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<OfficeSettings>({
    resolver: zodResolver(officeSettingsSchema, formSchemaOptions),
    defaultValues: settings,
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = await call('admin.updateSettings', values);
      queryClient.setQueryData(adminKeys.settings, saved);
      form.reset(saved);
      // The office name in the frame and the auto-lock time come from the session status.
      await refresh();
      toast.show(t('settings.saved'));
    } catch (error) {
      if (!applyServerIssues(error, form.setError, (path) => (path[0] === 'autoLockMinutes' ? 'autoLockMinutes' : path[0] === 'office' && typeof path[1] === 'string' ? (`office.${path[1]}` as 'office.name') : null))) {
        setFailure(error);
      }
    }
  });
  const country = useWatch({ control: form.control, name: 'office.country' });

  return (
    <form className="stack" noValidate onSubmit={submit}>
      <Card title={t('settings.officeTitle')}>
        <div className="stack">
          <OfficeFields register={(name) => form.register(`office.${name}`)} errors={errors.office} country={country ?? ''} />
        </div>
      </Card>
      <Card title={t('settings.securityTitle')}>
        <div className="stack">
          <TextField
            label={t('settings.autoLock')}
            description={t('settings.autoLockHelp')}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            step={1}
            className="field--narrow"
            error={errors.autoLockMinutes}
            {...form.register('autoLockMinutes', { valueAsNumber: true })}
          />
        </div>
      </Card>
      <Card title={t('settings.caseworkTitle')}>
        <CheckboxField label={t('settings.requireBid')} description={t('settings.requireBidHelp')} {...form.register('requireBid')} />
      </Card>
      <ErrorAlert error={failure} />
      <div className="row row--end">
        <Button onClick={() => form.reset(settings)} disabled={!isDirty}>
          {t('common:actions.discard')}
        </Button>
        <Button type="submit" variant="primary" busy={isSubmitting}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      {settings.isPending ? <Loading /> : null}
      <ErrorAlert error={settings.error} />
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
    </>
  );
}
