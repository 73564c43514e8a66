// DOM. Administration → Service categories (supervisors and administrators): the Guidelines'
// categories and the office's own, with what uses each; add one with its name in the office's
// languages, rename one (a built-in one keeps its translations where no name is given), retire one
// (kept where used, offered for nothing new) or bring it back, delete one that nothing uses.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryLabels } from '@shared/services/category-admin';
import type { Category } from '@shared/services/contract';
import { languageNames, languages } from '@shared/i18n/languages';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { FormFooter } from '../../ui/form/FormFooter';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useToast } from '../../ui/Toast';
import { useDocumentTitle } from '../cases/format';
import { servicesKeys, useCategoryLabel } from './kit';

const usageKey = ['services', 'categoryUsage'] as const;

export function CategoriesPage() {
  const { t } = useTranslation('services');
  useDocumentTitle(t('categoryAdmin.title'));
  const toast = useToast();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: usageKey, queryFn: () => call('services.categoryUsage', {}) });
  const categoryLabel = useCategoryLabel(data.data?.categories);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: usageKey });
    await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
  };
  const run = async (work: () => Promise<unknown>, done: string) => {
    setFailure(null);
    try {
      await work();
      await refresh();
      toast.show(done);
    } catch (error) {
      setFailure(error);
    }
  };
  const usage = new Map((data.data?.usage ?? []).map((u) => [u.key, u]));

  return (
    <div className="stack">
      <PageHeader title={t('categoryAdmin.title')} description={t('categoryAdmin.summary')} actions={<Button variant="primary" onClick={() => setEditing('new')}>{t('categoryAdmin.add')}</Button>} />
      <Card>
        <ErrorAlert error={data.error ?? failure} />
        {data.isPending ? <Loading /> : null}
        {data.data ? (
          <Table
            caption={t('categoryAdmin.title')}
            captionHidden
            label={t('categoryAdmin.title')}
            rows={data.data.categories}
            rowKey={(c) => c.key}
            empty={t('categoryAdmin.empty')}
            columns={[
              {
                key: 'name',
                header: t('categoryAdmin.name'),
                rowHeader: true,
                cell: (c) => (
                  <span className="services-verified">
                    {categoryLabel(c.key)}
                    <Badge>{t(c.builtin ? 'categoryAdmin.builtin' : 'categoryAdmin.own')}</Badge>
                    {c.retired ? <Badge tone="warning">{t('categoryAdmin.retiredBadge')}</Badge> : null}
                  </span>
                ),
              },
              { key: 'key', header: t('categoryAdmin.key'), cell: (c) => <code>{c.key}</code> },
              { key: 'uses', header: t('categoryAdmin.uses'), cell: (c) => t('categoryAdmin.usage', { services: usage.get(c.key)?.services ?? 0, referrals: usage.get(c.key)?.referrals ?? 0 }) },
              {
                key: 'actions',
                header: t('categoryAdmin.actions'),
                cell: (c) => {
                  const used = usage.get(c.key);
                  const inUse = c.builtin || (used ? used.services + used.referrals + used.needMappings > 0 : false);
                  const name = categoryLabel(c.key);
                  return (
                    <span className="referral-card__actions">
                      <Button size="sm" onClick={() => setEditing(c)} aria-label={t('categoryAdmin.editNamed', { name })}>{t('categoryAdmin.edit')}</Button>
                      <Button
                        size="sm"
                        aria-label={t(c.retired ? 'categoryAdmin.restoreNamed' : 'categoryAdmin.retireNamed', { name })}
                        onClick={() => void run(() => call('services.retireCategory', { key: c.key, retired: !c.retired }), t(c.retired ? 'categoryAdmin.restored' : 'categoryAdmin.retired'))}
                      >
                        {t(c.retired ? 'categoryAdmin.restore' : 'categoryAdmin.retire')}
                      </Button>
                      {inUse ? null : (
                        <Button size="sm" variant="danger" aria-label={t('categoryAdmin.deleteNamed', { name })} onClick={() => void run(() => call('services.deleteCategory', { key: c.key }), t('categoryAdmin.deleted'))}>
                          {t('categoryAdmin.delete')}
                        </Button>
                      )}
                    </span>
                  );
                },
              },
            ]}
          />
        ) : null}
      </Card>
      {editing ? <CategoryDialog category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
    </div>
  );
}

function CategoryDialog({ category, onClose, onSaved }: { category: Category | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('services');
  const toast = useToast();
  const { status } = useSession();
  const officeLanguage = status?.office?.defaultLanguage ?? 'en';
  const [key, setKey] = useState(category?.key ?? '');
  const [labels, setLabels] = useState<CategoryLabels>(category?.labels ?? {});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      await call('services.saveCategory', { key: key.trim(), labels, create: category === null });
      await onSaved();
      toast.show(t('categoryAdmin.saved'));
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} title={category ? t('categoryAdmin.edit') : t('categoryAdmin.add')}>
      <form className="stack" noValidate onSubmit={(e) => void save(e)}>
        <TextField
          label={t('categoryAdmin.key')}
          description={t('categoryAdmin.keyHelp')}
          required
          readOnly={category !== null}
          pattern="[a-z][a-z0-9_]{1,39}"
          maxLength={40}
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <fieldset className="stack">
          <legend className="field__label">{t('categoryAdmin.namesLegend')}</legend>
          <p className="muted">{t(category?.builtin ? 'categoryAdmin.builtinHelp' : 'categoryAdmin.namesHelp', { language: languageNames[officeLanguage as keyof typeof languageNames] ?? officeLanguage })}</p>
          {languages.map((lang) => (
            <TextField
              key={lang}
              lang={lang}
              dir="auto"
              label={t('categoryAdmin.nameIn', { language: languageNames[lang] })}
              required={!category?.builtin && lang === officeLanguage}
              maxLength={120}
              value={labels[lang] ?? ''}
              onChange={(e) => setLabels((l) => ({ ...l, [lang]: e.target.value }))}
            />
          ))}
        </fieldset>
        <ErrorAlert error={failure} />
        <FormFooter submit={t('categoryAdmin.save')} busy={busy} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
