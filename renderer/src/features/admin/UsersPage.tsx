// DOM. Users and roles: the office's staff, who may sign in, and in which role.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '@shared/admin/contract';
import { useReadySession } from '../../app/session';
import { Button } from '../../ui/Button';
import { useFormat } from '../../ui/format';
import { Badge, ErrorAlert, Loading, PageHeader } from '../../ui/misc';
import { Table, type Column } from '../../ui/Table';
import { useUsers } from './queries';
import { CreateUserDialog, EditUserDialog } from './UserDialogs';
import { RemoveUserDialog, ResetPasswordDialog } from './UserActions';

type Open = { kind: 'create' } | { kind: 'edit' | 'remove' | 'reset'; user: User } | null;

export function UsersPage() {
  const { t } = useTranslation(['admin', 'common', 'session']);
  const format = useFormat();
  const session = useReadySession();
  const users = useUsers();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.columns.name'),
      rowHeader: true,
      cell: (user) => (
        <span className="cell-person">
          <span className="cell-person__line">
            <span className="cell-person__name">{user.displayName}</span>
            {user.id === session.userId ? <span className="cell-person__you">{t('users.you')}</span> : null}
          </span>
          <span className="cell-person__username mono" dir="ltr">
            {user.username}
          </span>
        </span>
      ),
    },
    { key: 'role', header: t('users.columns.role'), cell: (user) => t(`common:roles.${user.role}`) },
    {
      key: 'status',
      header: t('users.columns.status'),
      cell: (user) => (
        <>
          {user.active ? <Badge tone="success">{t('users.active')}</Badge> : <Badge tone="neutral">{t('users.inactive')}</Badge>}
          {user.needsPasswordReset ? (
            <>
              {' '}
              <Badge tone="warning">{t('users.needsReset')}</Badge>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'lastLogin', header: t('users.columns.lastLogin'), cell: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.never')) },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('users.columns.actions')}</span>,
      className: 'cell-actions',
      cell: (user) => (
        <div className="row-actions">
          <Button size="sm" variant="ghost" aria-label={t('users.editNamed', { name: user.displayName })} onClick={() => setOpen({ kind: 'edit', user })}>
            {t('users.edit')}
          </Button>
          <Button size="sm" variant="ghost" aria-label={t('users.resetNamed', { name: user.displayName })} onClick={() => setOpen({ kind: 'reset', user })}>
            {t('users.resetPassword')}
          </Button>
          {user.id !== session.userId ? (
            <Button size="sm" variant="ghost" className="btn--danger-text" aria-label={t('users.removeNamed', { name: user.displayName })} onClick={() => setOpen({ kind: 'remove', user })}>
              {t('users.remove')}
            </Button>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button variant="primary" onClick={() => setOpen({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        }
      />
      {users.isPending ? <Loading /> : null}
      <ErrorAlert error={users.error} />
      {users.data ? (
        <Table
          label={t('users.title')}
          caption={t('users.caption', { total: users.data.length })}
          captionHidden
          columns={columns}
          rows={users.data}
          rowKey={(user) => user.id}
          empty={t('users.empty')}
        />
      ) : null}
      <CreateUserDialog open={open?.kind === 'create'} onClose={close} />
      {open && open.kind !== 'create' ? (
        <>
          <EditUserDialog user={open.user} open={open.kind === 'edit'} onClose={close} />
          <ResetPasswordDialog user={open.user} open={open.kind === 'reset'} onClose={close} />
          <RemoveUserDialog user={open.user} open={open.kind === 'remove'} onClose={close} />
        </>
      ) : null}
    </>
  );
}
