// DOM. Assessment forms (templates stored as data) for supervisors: the list of the office's forms
// with their current version, and the routes to the editor. The core checks case.approve on save;
// the route guard and the links only spare a case worker a screen they cannot use.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router-dom';
import { localized, type AssessmentTemplate } from '@shared/assessments/contract';
import { call } from '../../api';
import { useFormat } from '../../ui/format';
import { ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { TemplateEditorPage } from './TemplateEditor';
import './templates.css';

export const templatesQueryKey = ['assessments', 'templates'] as const;

function TemplatesList() {
  const { t, i18n } = useTranslation('templates');
  const { dateTime } = useFormat();
  const templates = useQuery({ queryKey: templatesQueryKey, queryFn: () => call('assessments.templates', {}) });
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {templates.isPending ? <Loading /> : null}
      <ErrorAlert error={templates.error} />
      {templates.data ? (
        <Table
          caption={t('list.caption')}
          captionHidden
          label={t('list.caption')}
          rows={templates.data}
          rowKey={(tpl) => tpl.key}
          empty={t('list.empty')}
          columns={[
            {
              key: 'title',
              header: t('list.title'),
              rowHeader: true,
              cell: (tpl: AssessmentTemplate) => <Link to={`/assessment-forms/${tpl.key}`}>{localized(tpl.title, i18n.language)}</Link>,
            },
            { key: 'kind', header: t('list.kind'), cell: (tpl) => t(`kinds.${tpl.kind}`) },
            { key: 'version', header: t('list.version'), className: 'cell-num', cell: (tpl) => t('list.versionValue', { version: tpl.version }) },
            {
              key: 'saved',
              header: t('list.saved'),
              cell: (tpl) =>
                tpl.createdBy ? t('list.savedBy', { when: dateTime(tpl.createdAt), who: tpl.createdBy }) : dateTime(tpl.createdAt),
            },
          ]}
        />
      ) : null}
    </>
  );
}

export function TemplatesRoutes() {
  return (
    <Routes>
      <Route index element={<TemplatesList />} />
      <Route path=":key" element={<TemplateEditorPage />} />
    </Routes>
  );
}
