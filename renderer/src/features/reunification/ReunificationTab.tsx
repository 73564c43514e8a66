// DOM. The case file's reunification tab: the record of the day the child goes home, one per case.
// It can be kept once the case reaches the reunification stage and edited while the case is open.
// Hosted by the case-file page, which lazy-imports this file's default export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import { Button } from '../../ui/Button';
import { focusTarget, focusWhenPresent } from '../../ui/focus';
import { Alert, ErrorAlert, Loading } from '../../ui/misc';
import '../contacts/contacts.css';
import './reunification.css';
import { useReunification } from './queries';
import { RecordSummary } from './RecordSummary';
import { ReunificationForm } from './ReunificationForm';

const recordStages: readonly CaseFile['stage'][] = ['reunification', 'follow_up'];

export default function ReunificationTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('reunification');
  const navigate = useNavigate();
  const record = useReunification(caseFile.id);
  const [editing, setEditing] = useState(false);
  const editable = caseFile.canWrite && caseFile.status === 'open' && recordStages.includes(caseFile.stage);

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorAlert error={record.error} />;
  const data = record.data;
  const showForm = editable && (editing || data === null);

  return (
    <div className="stack reunification-tab">
      <div className="row row--between">
        <div>
          <h2 className="form-section__title">{t('tab.title')}</h2>
          <p className="muted">{t('tab.intro')}</p>
        </div>
        {data && editable && !editing ? (
          <Button
            variant="primary"
            data-focus-target="reunification-edit"
            onClick={() => {
              setEditing(true);
              focusWhenPresent(() => document.getElementById('reunification-date'));
            }}
          >
            {t('actions.edit')}
          </Button>
        ) : null}
      </div>

      {!recordStages.includes(caseFile.stage) && data === null ? (
        <Alert tone="info" live={false}>
          {t('tab.notYet')}
        </Alert>
      ) : null}
      {caseFile.status !== 'open' && caseFile.canWrite && recordStages.includes(caseFile.stage) ? (
        <Alert tone="neutral" live={false}>
          {t('tab.notOpen')}
        </Alert>
      ) : null}
      {caseFile.stage === 'reunification' && caseFile.facts.supervisedVisitSucceeded === false ? (
        <Alert tone="warning" live={false}>
          <p>{t('gates.supervisedVisitSucceeded')}</p>
          <Button size="sm" onClick={() => navigate({ search: '?tab=contacts' })}>
            {t('gates.toContacts')}
          </Button>
        </Alert>
      ) : null}
      {data && !data.complete ? (
        <Alert tone="warning" live={false}>
          {t('gates.reunificationRecorded')}
        </Alert>
      ) : null}

      {showForm ? (
        <ReunificationForm caseFile={caseFile} record={data} onDone={() => {
            setEditing(false);
            focusTarget('reunification-edit');
          }}
        />
      ) : data ? (
        <RecordSummary record={data} />
      ) : recordStages.includes(caseFile.stage) ? (
        <p className="muted">{t('tab.empty')}</p>
      ) : null}
    </div>
  );
}
