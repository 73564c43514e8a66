// DOM. The child's family and network: relatives (the caregiver first), siblings with where they
// live and whether they are in contact with the child (the Guidelines ask to keep siblings together
// and in contact), and other people who matter to the child. Removed people can be shown again.
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import type { FamilyMember, MemberKind } from '@shared/family/contract';
import { call } from '../../api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { CheckboxField, FieldErrorNamespace } from '../../ui/form/fields';
import { Alert, Badge, Card, ErrorAlert, Loading, type Tone } from '../../ui/misc';
import { Table, type Column } from '../../ui/Table';
import { networkKeys, personName, useCountryName, useListFormat, useYearsFormat } from './kit';
import { MemberForm } from './MemberForm';
import { RemoveMemberDialog } from './RemoveMemberDialog';
import './network.css';

const contactTone: Record<string, Tone> = { yes: 'success', no: 'warning', unknown: 'neutral' };

function Sub({ children }: { children: ReactNode }) {
  return <span className="network-sub">{children}</span>;
}

export default function FamilyTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('family');
  const years = useYearsFormat();
  const countryName = useCountryName();
  const list = useListFormat();
  const headingId = useId();
  const [showRemoved, setShowRemoved] = useState(false);
  const [editing, setEditing] = useState<{ member: FamilyMember | null; kind: MemberKind } | null>(null);
  const [removing, setRemoving] = useState<FamilyMember | null>(null);
  const members = useQuery({
    queryKey: networkKeys.family(caseFile.id, showRemoved),
    queryFn: () => call('family.list', { caseId: caseFile.id, includeRemoved: showRemoved }),
    placeholderData: (previous) => previous,
  });

  if (members.isPending) return <Loading />;
  if (members.isError) return <ErrorAlert error={members.error} />;
  const all = members.data;
  const relatives = all.filter((m) => m.kind === 'relative');
  const siblings = all.filter((m) => m.kind === 'sibling');
  const important = all.filter((m) => m.kind === 'important_person');
  const activeSiblings = siblings.filter((s) => !s.removed && !s.deceased);
  const notInContact = activeSiblings.filter((s) => s.inContact === 'no');
  const livingApart = activeSiblings.filter((s) => s.livingSituation !== 'with_family');
  const caregivers = all.filter((m) => m.isCaregiver && !m.removed);

  const age = (m: FamilyMember) => {
    if (m.ageYears === null) return t('ageUnknown');
    return m.dateOfBirth ? years(m.ageYears) : t('ageAbout', { age: years(m.ageYears) });
  };
  const where = (m: FamilyMember) => [m.place, m.area, countryName(m.country)].filter(Boolean).join(', ') || '—';
  const contact = (m: FamilyMember) =>
    m.phone || m.otherContact ? (
      <>
        {m.phone ? <span className="network-phone">{m.phone}</span> : null}
        {m.otherContact ? <Sub>{m.otherContact}</Sub> : null}
      </>
    ) : (
      '—'
    );

  const nameCell = (m: FamilyMember) => (
    <>
      {personName(m)}
      <span className="network-badges">
        {m.isCaregiver ? <Badge tone="info">{t('badges.caregiver')}</Badge> : null}
        {m.livesWithChild && m.kind !== 'sibling' ? <Badge>{t('badges.livesWithChild')}</Badge> : null}
        {m.deceased ? <Badge>{t('badges.deceased')}</Badge> : null}
        {m.posesRisk ? <Badge tone="danger">{`${t('badges.posesRisk')} · ${t(`restrictions.${m.restriction}`)}`}</Badge> : null}
        {m.mustNotKnowLocation ? <Badge tone="danger">{t('fields.mustNotKnowLocation')}</Badge> : null}
        {m.removed ? <Badge tone="warning">{t('badges.removed')}</Badge> : null}
      </span>
      {m.removed ? <Sub>{t('removedBecause', { reason: m.removed.reason })}</Sub> : null}
      {m.notes ? <Sub>{m.notes}</Sub> : null}
    </>
  );

  const actions: Column<FamilyMember>[] = caseFile.canWrite
    ? [
        {
          key: 'actions',
          header: <span className="visually-hidden">{t('rowActions')}</span>,
          className: 'cell-actions',
          cell: (m) =>
            m.removed ? null : (
              <div className="row-actions">
                <Button size="sm" variant="ghost" onClick={() => setEditing({ member: m, kind: m.kind })} aria-label={t('editPerson', { name: personName(m) })}>
                  {t('edit')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setRemoving(m)} aria-label={t('removePerson', { name: personName(m) })}>
                  {t('remove.short')}
                </Button>
              </div>
            ),
        },
      ]
    : [];

  return (
    <FieldErrorNamespace ns="family">
      <div className="stack">
        <Card
          title={<span id={headingId}>{t('title')}</span>}
          actions={
            caseFile.canWrite ? (
              <div className="network-toolbar">
                <Button variant="primary" onClick={() => setEditing({ member: null, kind: 'relative' })}>
                  {t('add.relative')}
                </Button>
                <Button onClick={() => setEditing({ member: null, kind: 'sibling' })}>{t('add.sibling')}</Button>
                <Button onClick={() => setEditing({ member: null, kind: 'important_person' })}>{t('add.important_person')}</Button>
              </div>
            ) : null
          }
        >
          <p className="muted">{t('description')}</p>
          <p role="status">
            {caregivers.length > 0 ? t('caregivers', { names: list(caregivers.map(personName)) }) : <Badge tone="warning">{t('noCaregiver')}</Badge>}
          </p>
          <CheckboxField label={t('showRemoved')} checked={showRemoved} onChange={(e) => setShowRemoved(e.target.checked)} />

          <section className="network-section" aria-labelledby={`${headingId}-relatives`}>
            <h3 className="network-section__title" id={`${headingId}-relatives`}>
              {t('sections.relatives')}
            </h3>
            <Table
              caption={t('sections.relatives')}
              captionHidden
              label={t('sections.relatives')}
              rows={relatives}
              rowKey={(m) => m.id}
              empty={t('empty.relatives')}
              columns={[
                { key: 'name', header: t('fields.name'), cell: nameCell, rowHeader: true },
                { key: 'relationship', header: t('fields.relationship'), cell: (m) => (m.relationship ? t(`relationships.${m.relationship}`) : '—') },
                { key: 'age', header: t('fields.age'), cell: (m) => (m.deceased ? '—' : age(m)), className: 'cell-nowrap' },
                { key: 'contact', header: t('fields.contact'), cell: contact },
                { key: 'where', header: t('fields.where'), cell: where },
                ...actions,
              ]}
            />
          </section>

          <section className="network-section" aria-labelledby={`${headingId}-siblings`}>
            <h3 className="network-section__title" id={`${headingId}-siblings`}>
              {t('sections.siblings')}
            </h3>
            {activeSiblings.length > 0 ? (
              <p className="muted">
                {t('siblingSummary', { count: activeSiblings.length, apart: livingApart.length, noContact: notInContact.length })}
              </p>
            ) : null}
            {notInContact.length > 0 ? (
              <Alert tone="warning" live={false}>
                {t('siblingsNotInContact', { names: list(notInContact.map(personName)) })}
              </Alert>
            ) : null}
            <Table
              caption={t('sections.siblings')}
              captionHidden
              label={t('sections.siblings')}
              rows={siblings}
              rowKey={(m) => m.id}
              empty={t('empty.siblings')}
              columns={[
                {
                  key: 'name',
                  header: t('fields.name'),
                  cell: (m) => (
                    <>
                      {nameCell(m)}
                      {m.relationship === 'half_sibling' ? <Sub>{t('relationships.half_sibling')}</Sub> : null}
                    </>
                  ),
                  rowHeader: true,
                },
                { key: 'age', header: t('fields.age'), cell: (m) => (m.deceased ? '—' : age(m)), className: 'cell-nowrap' },
                {
                  key: 'living',
                  header: t('fields.livingSituation'),
                  cell: (m) => (
                    <>
                      {m.livingSituation ? t(`living.${m.livingSituation}`) : '—'}
                      {m.carePlace ? <Sub>{m.carePlace}</Sub> : null}
                      {m.livesWithChild ? <Sub>{t('withTheChild')}</Sub> : null}
                    </>
                  ),
                },
                {
                  key: 'inContact',
                  header: t('fields.inContact'),
                  cell: (m) => <Badge tone={contactTone[m.inContact ?? 'unknown']}>{t(`contact.${m.inContact ?? 'unknown'}`)}</Badge>,
                },
                {
                  key: 'together',
                  header: t('fields.keepTogether'),
                  cell: (m) => (m.keepTogether === null ? t('together.undecided') : m.keepTogether ? t('together.yes') : t('together.no')),
                },
                { key: 'contact', header: t('fields.contact'), cell: contact },
                ...actions,
              ]}
            />
          </section>

          <section className="network-section" aria-labelledby={`${headingId}-important`}>
            <h3 className="network-section__title" id={`${headingId}-important`}>
              {t('sections.important')}
            </h3>
            <Table
              caption={t('sections.important')}
              captionHidden
              label={t('sections.important')}
              rows={important}
              rowKey={(m) => m.id}
              empty={t('empty.important')}
              columns={[
                { key: 'name', header: t('fields.name'), cell: nameCell, rowHeader: true },
                { key: 'role', header: t('fields.role'), cell: (m) => (m.role === 'other' && m.roleOther ? m.roleOther : m.role ? t(`roles.${m.role}`) : '—') },
                { key: 'contact', header: t('fields.contact'), cell: contact },
                { key: 'where', header: t('fields.where'), cell: where },
                ...actions,
              ]}
            />
          </section>
        </Card>

        <Dialog
          open={editing !== null}
          onClose={() => setEditing(null)}
          title={editing?.member ? t('editPerson', { name: personName(editing.member) }) : t(`add.${editing?.kind ?? 'relative'}`)}
        >
          {editing ? <MemberForm caseFile={caseFile} member={editing.member} kind={editing.kind} onClose={() => setEditing(null)} /> : null}
        </Dialog>
        {removing ? <RemoveMemberDialog caseFile={caseFile} member={removing} onClose={() => setRemoving(null)} /> : null}
      </div>
    </FieldErrorNamespace>
  );
}
