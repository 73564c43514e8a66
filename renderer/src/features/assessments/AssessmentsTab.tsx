// DOM. The assessments of a case: start one from any template the office has (rendered from its
// definition), continue a draft, read a completed one, and follow the Child Status Index over time.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { localized, type AssessmentSummary, type AssessmentTemplate } from '@shared/assessments/contract';
import type { CaseFile } from '@shared/cases/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FieldErrorNamespace, SelectField } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { AssessmentForm, AssessmentView } from './AssessmentForm';
import { stageOneKey, useCanApprove, useNumberFormat } from './kit';
import { WellbeingChart } from './WellbeingChart';

type Open = { kind: 'new'; template: AssessmentTemplate } | { kind: 'existing'; id: string };

function OpenAssessment({ caseFile, open, onClose }: { caseFile: CaseFile; open: Open; onClose: () => void }) {
  const { t, i18n } = useTranslation('assessments');
  const existing = useQuery({
    queryKey: stageOneKey(caseFile.id, 'assessments', open.kind === 'existing' ? open.id : 'new'),
    queryFn: () => call('assessments.get', { caseId: caseFile.id, assessmentId: open.kind === 'existing' ? open.id : '' }),
    enabled: open.kind === 'existing',
  });
  if (open.kind === 'new') {
    return (
      <Dialog open onClose={onClose} title={localized(open.template.title, i18n.language)}>
        <AssessmentForm caseFile={caseFile} template={open.template} assessment={null} onClose={onClose} />
      </Dialog>
    );
  }
  const assessment = existing.data;
  const title = assessment ? localized(assessment.title, i18n.language) : t('title');
  return (
    <Dialog open onClose={onClose} title={title}>
      {existing.isPending ? <Loading /> : null}
      <ErrorAlert error={existing.error} />
      {assessment && assessment.status === 'draft' && caseFile.canWrite ? (
        <AssessmentForm caseFile={caseFile} template={assessment.template} assessment={assessment} onClose={onClose} />
      ) : assessment ? (
        <AssessmentView assessment={assessment} />
      ) : null}
    </Dialog>
  );
}

export default function AssessmentsTab({ caseFile }: { caseFile: CaseFile }) {
  const { t, i18n } = useTranslation('assessments');
  const day = useDayFormat();
  const num = useNumberFormat();
  const [open, setOpen] = useState<Open | null>(null);
  const [picked, setPicked] = useState('');
  const canApprove = useCanApprove();
  const templates = useQuery({ queryKey: ['assessments', 'templates'], queryFn: () => call('assessments.templates', {}), staleTime: 60_000 });
  const list = useQuery({ queryKey: stageOneKey(caseFile.id, 'assessments'), queryFn: () => call('assessments.list', { caseId: caseFile.id }) });
  const history = useQuery({
    queryKey: stageOneKey(caseFile.id, 'assessments', 'wellbeing'),
    queryFn: () => call('assessments.wellbeingHistory', { caseId: caseFile.id }),
  });

  if (list.isPending || templates.isPending) return <Loading />;
  if (list.isError || templates.isError) return <ErrorAlert error={list.error ?? templates.error} />;
  const chosen = templates.data.find((tpl) => tpl.key === picked) ?? templates.data[0];
  const done = (kind: string) => list.data.some((a) => a.kind === kind && a.status === 'completed');

  return (
    <FieldErrorNamespace ns="assessments">
      <div className="stack">
        <Card title={t('title')} actions={canApprove ? <Link to="/assessment-forms">{t('templates:editLink')}</Link> : null}>
          <p className="muted">{t('description')}</p>
          <ul className="plain-list" aria-label={t('progress')}>
            {(['child', 'family', 'community'] as const).map((kind) => (
              <li key={kind}>
                <Badge tone={done(kind) ? 'success' : 'warning'}>{t(done(kind) ? `done.${kind}` : `missing.${kind}`)}</Badge>
              </li>
            ))}
          </ul>
          {caseFile.canWrite && chosen ? (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                setOpen({ kind: 'new', template: chosen });
              }}
            >
              <SelectField label={t('chooseTemplate')} value={chosen.key} onChange={(e) => setPicked(e.target.value)}>
                {templates.data.map((tpl) => (
                  <option key={tpl.key} value={tpl.key}>
                    {localized(tpl.title, i18n.language)}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="primary">
                {t('start')}
              </Button>
            </form>
          ) : null}
          <Table
            caption={t('list')}
            captionHidden
            label={t('list')}
            rows={list.data}
            rowKey={(a) => a.id}
            empty={t('empty')}
            columns={[
              { key: 'date', header: t('fields.date'), cell: (a: AssessmentSummary) => day(a.date), rowHeader: true, className: 'cell-nowrap' },
              { key: 'title', header: t('fields.template'), cell: (a) => `${localized(a.title, i18n.language)} (v${a.templateVersion})` },
              { key: 'status', header: t('fields.status'), cell: (a) => <Badge tone={a.status === 'completed' ? 'success' : 'neutral'}>{t(`status.${a.status}`)}</Badge> },
              { key: 'score', header: t('wellbeing.overall'), className: 'cell-num', cell: (a) => num(a.scores.overall) },
              {
                key: 'open',
                header: <span className="visually-hidden">{t('rowActions')}</span>,
                className: 'cell-actions',
                cell: (a) => (
                  <Button size="sm" variant="ghost" onClick={() => setOpen({ kind: 'existing', id: a.id })} aria-label={t('openOne', { title: localized(a.title, i18n.language), date: day(a.date) })}>
                    {a.status === 'draft' && caseFile.canWrite ? t('continue') : t('open')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('wellbeing.title')}>
          {history.isPending ? <Loading /> : history.isError ? <ErrorAlert error={history.error} /> : <WellbeingChart history={history.data} />}
        </Card>
        {open ? <OpenAssessment caseFile={caseFile} open={open} onClose={() => setOpen(null)} /> : null}
      </div>
    </FieldErrorNamespace>
  );
}
