// DOM. Administration → Service categories (supervisors and administrators): the Guidelines'
// categories and the office's own, with what uses each; add one with its name in the office's
// languages, rename one (a built-in one keeps its translations where no name is given), retire one
// (kept where used, offered for nothing new) or bring it back, delete one that nothing uses.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { categoryLabels, type CategoryLabels } from '@shared/services/category-admin';
import { categoryKey, type Category } from '@shared/services/contract';
import { languageNames, languages } from '@shared/i18n/languages';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { formSchemaOptions } from '../../ui/errors';
import { FormFooter } from '../../ui/form/FormFooter';
import { Badge, Card, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table } from '../../ui/Table';
import { useFormDraft } from '../../ui/useDraft';
import { useResumeOnUnlockAny } from '../../ui/useResumeOnUnlock';
import { useSubmit } from '../../ui/useSubmit';
import { useDocumentTitle } from '../cases/format';
import { servicesKeys, useCategoryLabel } from './kit';

const usageKey = ['services', 'categoryUsage'] as const;
/** Where a category's form keeps its draft (the user's own, not a case's). */
const categoryDraftPrefix = 'services:category:';

export function CategoriesPage() {
  const { t } = useTranslation('services');
  useDocumentTitle(t('categoryAdmin.title'));
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: usageKey, queryFn: () => call('services.categoryUsage', {}) });
  const categoryLabel = useCategoryLabel(data.data?.categories);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: usageKey });
    await queryClient.invalidateQueries({ queryKey: servicesKeys.all });
  };
  const { failure, run: submit } = useSubmit();
  const run = (work: () => Promise<unknown>, done: string) =>
    submit(async () => {
      await work();
      await refresh();
    }, done);
  // A category being added or renamed when the session locked opens again, once the categories are here.
  useResumeOnUnlockAny(categoryDraftPrefix, (rest) => setEditing(rest === 'new' ? 'new' : (data.data?.categories.find((c) => c.key === rest) ?? null)), data.isSuccess);
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

const categoryForm = z.object({ key: categoryKey, labels: categoryLabels });
type CategoryValues = { key: string; labels: CategoryLabels };
/**
 * A name for every language, '' where none is given: the form holds what its fields hold from the
 * start, so their mounting is not taken for typing (which would be saved over a draft coming back).
 */
const allLabels = (labels: CategoryLabels): CategoryLabels => Object.fromEntries(languages.map((lang) => [lang, labels[lang] ?? ''])) as CategoryLabels;

function CategoryDialog({ category, onClose, onSaved }: { category: Category | null; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('services');
  const { status } = useSession();
  const officeLanguage = status?.office?.defaultLanguage ?? 'en';
  const form = useForm<CategoryValues>({ resolver: zodResolver(categoryForm, formSchemaOptions) as Resolver<CategoryValues>, defaultValues: { key: category?.key ?? '', labels: allLabels(category?.labels ?? {}) } });
  const draft = useFormDraft(form, `${categoryDraftPrefix}${category?.key ?? 'new'}`);
  const { failure, run } = useSubmit();
  const save = form.handleSubmit((values) =>
    run(
      async () => {
        await call('services.saveCategory', { key: values.key.trim(), labels: values.labels, create: category === null });
        await draft.discard();
        await onSaved();
      },
      t('categoryAdmin.saved'),
      { then: onClose },
    ),
  );
  // Cancel forgets what was typed; the dialog's × keeps it for next time.
  const cancel = () => void draft.discard().then(onClose);
  const { errors, isSubmitting } = form.formState;
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
          error={errors.key}
          {...form.register('key')}
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
              error={errors.labels?.[lang]}
              {...form.register(`labels.${lang}`)}
            />
          ))}
        </fieldset>
        <ErrorAlert error={failure} />
        <FormFooter submit={t('categoryAdmin.save')} busy={isSubmitting} onCancel={cancel} />
      </form>
    </Dialog>
  );
}
