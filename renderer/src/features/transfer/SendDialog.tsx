// DOM. Sending a case: to which trusted partner, why, on what basis (the family's consent on file,
// or a stated legal basis) and with the child's assent; which parts go — the default package is
// ticked, what never goes by default is not — and a preview of exactly what leaves.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { childAssents, defaultParts, packageParts, transferReasons, type PackagePart } from '@shared/transfer/package';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../ui/Field';
import { formatBytes } from '../../ui/files';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import { downloadTransferFile } from './files';
import { SealProgress } from './SealProgress';

export function SendDialog({ caseId, onClose, onSent }: { caseId: string; onClose: () => void; onSent: () => void }) {
  const { t, i18n } = useTranslation('transfer');
  const [partnerId, setPartnerId] = useState('');
  const [reason, setReason] = useState<(typeof transferReasons)[number]>('moving_district');
  const [reasonCountry, setReasonCountry] = useState('');
  const [reasonLegalStatus, setReasonLegalStatus] = useState('');
  const [basis, setBasis] = useState<'consent' | 'legal_basis'>('consent');
  const [legalBasis, setLegalBasis] = useState('');
  const [childAssent, setChildAssent] = useState<(typeof childAssents)[number]>('given');
  const [parts, setParts] = useState<PackagePart[]>([...defaultParts]);
  const [excluded, setExcluded] = useState<string[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const selection = { parts, excludeDocumentIds: excluded };
  const destinations = useQuery({ queryKey: ['transfer', 'destinations'], queryFn: () => call('transfer.destinations', {}) });
  const preview = useQuery({ queryKey: ['transfer', 'preview', caseId, parts, excluded], queryFn: () => call('transfer.preview', { caseId, selection }) });
  const send = useMutation({
    mutationFn: async () => {
      setProgress(null);
      const sent = await call('transfer.send', {
        caseId,
        details: { partnerId, reason, reasonCountry, reasonLegalStatus, basis, legalBasis, childAssent },
        selection,
      });
      await downloadTransferFile(sent.transferId, 'package', (done, total) => setProgress(t('progress', { done: formatBytes(done, i18n.language), total: formatBytes(total, i18n.language) })));
      return sent;
    },
    onSuccess: onSent,
  });
  const toggle = (part: PackagePart, on: boolean) => setParts((now) => (on ? [...now, part] : now.filter((p) => p !== part)));

  return (
    <Dialog open title={t('send.title')} onClose={onClose}>
      <div className="stack">
        {destinations.isPending ? <Loading /> : null}
        {destinations.data && destinations.data.length === 0 ? <Alert tone="warning">{t('send.noPartners')}</Alert> : null}
        <SelectField label={t('send.partner')} required value={partnerId} onChange={(e) => setPartnerId(e.currentTarget.value)}>
          <option value="">{t('send.choose')}</option>
          {(destinations.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.code}) · {t(`kinds.${p.kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('send.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value as typeof reason)}>
          {transferReasons.map((r) => (
            <option key={r} value={r}>
              {t(`reasons.${r}`)}
            </option>
          ))}
        </SelectField>
        {reason === 'cross_border_return' ? (
          <>
            <TextField label={t('send.country')} required maxLength={3} value={reasonCountry} onChange={(e) => setReasonCountry(e.currentTarget.value.toUpperCase())} />
            <TextField label={t('send.legalStatus')} value={reasonLegalStatus} onChange={(e) => setReasonLegalStatus(e.currentTarget.value)} />
          </>
        ) : null}
        <FieldGroup label={t('send.basis')}>
          {(['consent', 'legal_basis'] as const).map((b) => (
            <div className="radio" key={b}>
              <input type="radio" id={`basis-${b}`} name="basis" checked={basis === b} onChange={() => setBasis(b)} />
              <label htmlFor={`basis-${b}`}>{t(`basis.${b}`)}</label>
            </div>
          ))}
        </FieldGroup>
        {basis === 'consent' && preview.data && !preview.data.consentOnFile ? <Alert tone="warning">{t('send.noConsent')}</Alert> : null}
        {basis === 'legal_basis' ? <TextField label={t('send.legalBasis')} required value={legalBasis} onChange={(e) => setLegalBasis(e.currentTarget.value)} /> : null}
        <SelectField label={t('send.assent')} value={childAssent} onChange={(e) => setChildAssent(e.currentTarget.value as typeof childAssent)}>
          {childAssents.map((a) => (
            <option key={a} value={a}>
              {t(`assent.${a}`)}
            </option>
          ))}
        </SelectField>
        <FieldGroup label={t('send.parts')} description={t('send.partsHelp')}>
          {packageParts.map((part) => (
            <CheckboxField key={part} label={t(`parts.${part}`)} checked={parts.includes(part)} onChange={(e) => toggle(part, e.currentTarget.checked)} />
          ))}
        </FieldGroup>
        <section aria-labelledby="transfer-preview-title">
          <h3 id="transfer-preview-title">{t('send.preview')}</h3>
          {preview.isPending ? <Loading /> : null}
          {preview.isError ? <ErrorAlert error={preview.error} /> : null}
          {preview.data ? (
            <ul data-testid="transfer-preview">
              {preview.data.parts
                .filter((p) => p.included && p.rows.length > 0)
                .map((p) => (
                  <li key={p.part}>
                    <strong>{t(`parts.${p.part}`)}</strong>: {p.rows.map((r) => r.label).join('; ')}
                  </li>
                ))}
              {preview.data.documents.map((d) => (
                <li key={d.id}>
                  <CheckboxField
                    label={`${d.title} (${formatBytes(d.bytes, i18n.language)})`}
                    checked={d.included}
                    disabled={!parts.includes('documents')}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setExcluded((now) => (on ? now.filter((id) => id !== d.id) : [...now, d.id]));
                    }}
                  />
                </li>
              ))}
              <li>{preview.data.carePlaceIncluded ? t('send.carePlaceGoes') : t('send.carePlaceStays')}</li>
            </ul>
          ) : null}
        </section>
        <SealProgress active={send.isPending && progress === null} />
        {progress ? <p role="status">{progress}</p> : null}
        {send.isError ? <ErrorAlert error={send.error} /> : null}
        <div className="form-footer">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button variant="primary" busy={send.isPending} disabled={partnerId === ''} onClick={() => send.mutate()}>
            {t('send.submit')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
