// DOM. Print a case summary: sections (confidential ones marked), the user's or the family's
// language, and how it leaves. The core builds the PDF from the database and audits it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confidentialSections, summarySections, type SummarySection } from '@shared/reports/summary';
import { call } from '../../api';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { saveGeneratedFile } from '../../ui/download';
import { ErrorAlert } from '../../ui/misc';
import { useToast } from '../../ui/Toast';
import { ProtectionFields, type Protection } from './ProtectionFields';

export function SummaryDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const session = useReadySession();
  const toast = useToast();
  const supervisor = session.role === 'supervisor';
  const [sections, setSections] = useState<SummarySection[]>(['child', 'family', 'tracing', 'assessments', 'plan', 'reunification']);
  const [language, setLanguage] = useState<'user' | 'family'>('user');
  const [protection, setProtection] = useState<Protection>({ mode: 'passphrase', passphrase: '' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const toggle = (s: SummarySection) => setSections((list) => (list.includes(s) ? list.filter((x) => x !== s) : [...list, s]));
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const file = await call('reports.caseSummary', { caseId, sections, language, protection });
      saveGeneratedFile(file, file.sealed ? 'application/octet-stream' : 'application/pdf');
      toast.show(t('summaryDialog.done'));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={t('summaryDialog.title')}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="stack">
          <legend>{t('summaryDialog.sections')}</legend>
          {summarySections.map((s) => (
            <label key={s} className="checkbox">
              <input type="checkbox" checked={sections.includes(s)} onChange={() => toggle(s)} />
              <span>{t(`summary.sections.${s}`)}</span>
            </label>
          ))}
          {sections.some((s) => confidentialSections.includes(s)) ? <p className="field__description">{t('summaryDialog.confidential')}</p> : null}
        </fieldset>
        <fieldset className="stack">
          <legend>{t('summaryDialog.language')}</legend>
          <label className="checkbox">
            <input type="radio" name="summary-language" checked={language === 'user'} onChange={() => setLanguage('user')} />
            <span>{t('summaryDialog.languageUser')}</span>
          </label>
          <label className="checkbox">
            <input type="radio" name="summary-language" checked={language === 'family'} onChange={() => setLanguage('family')} />
            <span>{t('summaryDialog.languageFamily')}</span>
          </label>
        </fieldset>
        <ProtectionFields value={protection} onChange={setProtection} allowUnsealed={supervisor} />
        <ErrorAlert error={failure} />
        <div className="dialog__actions">
          <Button type="submit" variant="primary" busy={busy} disabled={sections.length === 0}>
            {t('summaryDialog.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
