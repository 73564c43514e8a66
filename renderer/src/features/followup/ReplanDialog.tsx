// DOM. Before a new follow-up protocol is saved, the supervisor sees what it changes in the cases
// already in follow-up (how many cases, contacts replaced, contacts planned) and confirms; the core
// refuses the save if those figures no longer hold (a visit recorded meanwhile), and the dialog then
// shows the new ones (any other failure closes it and shows on the page).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplanCounts } from '@shared/followup/contract';
import { Dialog } from '../../ui/Dialog';
import { FormFooter } from '../../ui/form/FormFooter';
import { useFormat } from '../../ui/format';
import { Alert } from '../../ui/misc';

export function ReplanDialog({
  counts,
  changedMeanwhile,
  busy,
  onConfirm,
  onClose,
}: {
  counts: ReplanCounts;
  /** The figures were refreshed because the first ones no longer held. */
  changedMeanwhile: boolean;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('followup');
  const format = useFormat();
  const body: ReactNode = counts.cases > 0 ? t('protocol.confirmCases', { count: counts.cases }) : t('protocol.noCaseChanges');
  return (
    <Dialog open onClose={onClose} role="alertdialog" size="sm" title={t('protocol.confirmTitle')} description={body}>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        {changedMeanwhile ? <Alert tone="warning">{t('protocol.replanChanged')}</Alert> : null}
        <ul>
          <li>{t('protocol.confirmReplaced', { number: format.number(counts.cancelled) })}</li>
          <li>{t('protocol.confirmAdded', { number: format.number(counts.added) })}</li>
        </ul>
        <p className="muted">{t('protocol.confirmKept')}</p>
        <FormFooter submit={t('protocol.confirmSubmit')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
