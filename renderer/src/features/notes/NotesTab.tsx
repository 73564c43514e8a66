// DOM. Case notes, newest first, filterable by kind; the author edits their own (earlier texts stay
// readable under "earlier versions"). Below them, the documents attached to the case.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '@shared/cases/contract';
import { noteKinds, type Note, type NoteKind } from '@shared/notes/contract';
import { call } from '../../api';
import { useSession } from '../../app/session';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FieldErrorNamespace, SelectField } from '../../ui/form/fields';
import { useDayFormat } from '../../ui/format';
import { Badge, Card, ErrorAlert, Loading } from '../../ui/misc';
import { networkKeys } from '../family/kit';
import { DocumentsPanel } from './DocumentsPanel';
import { NoteForm } from './NoteForm';
import '../family/network.css';
import { useResumeOnUnlock } from '../../ui/useResumeOnUnlock';
import { UserText } from '../../ui/UserText';

const PAGE = 50;

function useNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language);
    return (value) => format.format(value);
  }, [language]);
}

function NoteItem({ note, canEdit, onEdit }: { note: Note; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation('notes');
  const day = useDayFormat();
  const number = useNumber();
  const titleId = useId();
  return (
    <li className="network-item" aria-labelledby={titleId}>
      <div className="network-item__head">
        <h4 className="network-item__title" id={titleId}>
          {t(`kinds.${note.kind}`)} · {day(note.date)}
          {note.history.length > 0 ? (
            <span className="network-badges">
              <Badge>{t('edited')}</Badge>
            </span>
          ) : null}
        </h4>
        {canEdit ? (
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={t('editNote', { kind: t(`kinds.${note.kind}`), date: day(note.date) })}>
            {t('edit')}
          </Button>
        ) : null}
      </div>
      <p className="network-item__meta">{t('writtenBy', { name: note.authorName ?? '—', date: day(note.createdAt) })}</p>
      <UserText as="p" className="network-note-text">{note.text}</UserText>
      {note.history.length > 0 ? (
        <details className="network-history">
          <summary>{t('history', { n: number(note.history.length) })}</summary>
          <ol>
            {note.history.map((revision) => (
              <li key={revision.replacedAt}>
                <span className="network-item__meta">
                  {t('replaced', { name: revision.replacedByName ?? '—', date: day(revision.replacedAt) })} · {t(`kinds.${revision.kind}`)} · {day(revision.date)}
                </span>
                <UserText as="p" className="network-note-text">{revision.text}</UserText>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

export default function NotesTab({ caseFile }: { caseFile: CaseFile }) {
  const { t } = useTranslation('notes');
  const { session } = useSession();
  const headingId = useId();
  const number = useNumber();
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [editing, setEditing] = useState<Note | 'new' | null>(null);
  useResumeOnUnlock(`case:${caseFile.id}:notes:new`, () => setEditing('new'));
  const filter = { kind: kind || undefined };
  const notes = useInfiniteQuery({
    queryKey: networkKeys.notes(caseFile.id, filter),
    initialPageParam: 0,
    queryFn: ({ pageParam }) => call('notes.list', { caseId: caseFile.id, ...filter, offset: pageParam, limit: PAGE }),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.notes.length, 0);
      return last.notes.length === PAGE && loaded < last.total ? loaded : undefined;
    },
    placeholderData: (previous) => previous,
  });
  const shown = notes.data?.pages.flatMap((page) => page.notes) ?? [];
  const total = notes.data?.pages[notes.data.pages.length - 1]?.total ?? 0;

  return (
    <FieldErrorNamespace ns="notes">
      <div className="stack">
        <Card
          title={<span id={headingId}>{t('title')}</span>}
          actions={
            caseFile.canWrite ? (
              <Button variant="primary" onClick={() => setEditing('new')}>
                {t('add')}
              </Button>
            ) : null
          }
        >
          <div className="network-toolbar">
            <SelectField
              label={t('filter')}
              value={kind}
              onChange={(e) => setKind(e.target.value as NoteKind | '')}
            >
              <option value="">{t('allKinds')}</option>
              {noteKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </SelectField>
          </div>
          {notes.isPending ? <Loading /> : null}
          <ErrorAlert error={notes.error} />
          {notes.data ? (
            <section className="network-section" aria-labelledby={headingId} aria-busy={notes.isFetching || undefined}>
              <p className="muted" role="status">
                {t('showing', { shown: number(shown.length), total: number(total) })}
              </p>
              {shown.length === 0 ? (
                <p className="muted">{t('empty')}</p>
              ) : (
                <ul className="network-list stacked-list">
                  {shown.map((note) => (
                    <NoteItem key={note.id} note={note} canEdit={caseFile.canWrite && note.authorId === session?.userId} onEdit={() => setEditing(note)} />
                  ))}
                </ul>
              )}
              {notes.hasNextPage ? (
                <div>
                  <Button onClick={() => void notes.fetchNextPage()} busy={notes.isFetchingNextPage}>
                    {t('more')}
                  </Button>
                </div>
              ) : null}
            </section>
          ) : null}
        </Card>
        <DocumentsPanel caseFile={caseFile} />
        <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('add') : t('edit')}>
          {editing !== null ? <NoteForm caseFile={caseFile} note={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
        </Dialog>
      </div>
    </FieldErrorNamespace>
  );
}
