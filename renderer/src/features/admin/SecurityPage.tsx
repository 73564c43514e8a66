// DOM. Security: rotate the data key. Everyone who ever held a key slot could have copied the old
// key; after rotation (the database copied under a new key, every slot re-wrapped) that copy opens
// nothing. The copy of a large office takes minutes: a progress bar, the office locked meanwhile.
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { useFormat } from '../../ui/format';
import { Alert, Card, ErrorAlert, PageHeader } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { MaintenanceProgress, useMaintenance } from './maintenance';

export function SecurityPage() {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const format = useFormat();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({ mutationFn: () => call('admin.rotateDataKey', {}) });
  const maintenance = useMaintenance(rotate.isPending);

  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.intro')} />
      <Card title={t('security.rotateTitle')}>
        <div className="stack">
          <p>{t('security.rotateBody')}</p>
          <ul className="plain-list">
            <li>{t('security.rotateWhen1')}</li>
            <li>{t('security.rotateWhen2')}</li>
          </ul>
          {rotate.isPending ? <MaintenanceProgress maintenance={maintenance} /> : null}
          {!confirming ? <ErrorAlert error={rotate.error} /> : null}
          {rotate.data ? (
            <Alert tone="success">
              {t('security.rotated', { time: format.dateTime(rotate.data.rotatedAt), slots: format.number(rotate.data.slots) })}
            </Alert>
          ) : null}
          <div className="row">
            <Button variant="primary" busy={rotate.isPending} onClick={() => setConfirming(true)}>
              {t('security.rotate')}
            </Button>
          </div>
        </div>
      </Card>
      <Dialog open={confirming} onClose={() => setConfirming(false)} role="alertdialog" size="sm" title={t('security.confirmTitle')} description={t('security.confirmBody')}>
        <div className="stack">
          <div className="dialog__footer">
            <Button onClick={() => setConfirming(false)} data-autofocus>
              {t('common:actions.cancel')}
            </Button>
            <Button
              variant="danger"
              busy={rotate.isPending}
              onClick={() =>
                {
                  // The dialog closes at once: the page shows the progress while the copy runs.
                  setConfirming(false);
                  rotate.mutate(undefined, { onSuccess: () => toast.show(t('security.rotatedToast')) });
                }
              }
            >
              {t('security.confirm')}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
