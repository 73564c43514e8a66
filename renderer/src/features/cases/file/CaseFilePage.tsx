// DOM. One child's case file: header, "what's next", the case-level actions (move back, halt,
// resume, reassign) and the tabs. The file refreshes after any change made anywhere in the app,
// so gates fixed in another feature's tab show at once.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseFile } from '@shared/cases/contract';
import { stageIndex } from '@shared/cases/stages';
import { isApiError } from '../../../api';
import { useReadySession } from '../../../app/session';
import { Button } from '../../../ui/Button';
import { ErrorAlert, Loading } from '../../../ui/misc';
import { childName, useDocumentTitle } from '../format';
import { caseKeys, useCaseFile } from '../queries';
import { CaseDialogs, type CaseDialog } from './CaseDialogs';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { NextPanel } from './NextPanel';
import { CaseTasks } from '../../tasks/CaseTasks';

/** Re-reads the case file (gates, stage) and timeline whenever any mutation succeeds. */
function useRefreshAfterChanges(caseId: string) {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'success') return;
        const key = event.mutation.options.mutationKey;
        // Our own case mutations already put the fresh file in the cache.
        if (Array.isArray(key) && key[0] === 'cases') return;
        void queryClient.invalidateQueries({ queryKey: caseKeys.file(caseId) });
        void queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) });
      }),
    [queryClient, caseId],
  );
}

function CaseActions({ caseFile, open }: { caseFile: CaseFile; open: (dialog: CaseDialog) => void }) {
  const { t } = useTranslation('cases');
  const session = useReadySession();
  const canAssign = session.permissions.includes('case.assign') && caseFile.status !== 'closed';
  const { t: tr } = useTranslation('reports');
  return (
    <>
      <Button size="sm" onClick={() => open('summary')}>
        {tr('summaryDialog.action')}
      </Button>
      {caseFile.canWrite && caseFile.status === 'open' && stageIndex(caseFile.stage) > 0 ? (
        <Button size="sm" onClick={() => open('back')}>
          {t('back.action')}
        </Button>
      ) : null}
      {caseFile.canWrite && caseFile.status === 'open' ? (
        <Button size="sm" className="btn--danger-text" variant="ghost" onClick={() => open('halt')}>
          {t('halt.action')}
        </Button>
      ) : null}
      {caseFile.canWrite && caseFile.status === 'halted' ? (
        <Button size="sm" variant="primary" onClick={() => open('resume')}>
          {t('resume.action')}
        </Button>
      ) : null}
      {canAssign ? (
        <Button size="sm" onClick={() => open('assign')}>
          {t('assign.action')}
        </Button>
      ) : null}
    </>
  );
}

function CaseFileView({ caseFile }: { caseFile: CaseFile }) {
  const [dialog, setDialog] = useState<CaseDialog>(null);
  // Halting swaps the "Halt" button for "Resume": when the button that opened a dialog is gone,
  // focus goes to the child's name rather than being lost.
  // The dialog hands focus back to its opener, which may vanish a moment later when the refreshed
  // case file replaces it (Halt becomes Resume). Watch for a few seconds: if focus falls to the
  // page, put it on the child's name rather than leave a keyboard user nowhere (three seconds: on a
  // busy office PC the refreshed case file, with its exceptions, can take longer than one).
  // And once more when the refreshed case file arrives, however long that takes: that render is the
  // one that removes the opener.
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current) return;
    const active = document.activeElement;
    if (active === null || active === document.body || !active.isConnected) {
      refocus.current = false;
      document.getElementById('case-name')?.focus();
    }
  }, [caseFile]);
  const closeDialog = () => {
    setDialog(null);
    refocus.current = true;
    let frames = 0;
    const settle = () => {
      const active = document.activeElement;
      if (active === null || active === document.body || !active.isConnected) {
        document.getElementById('case-name')?.focus();
        return;
      }
      frames += 1;
      if (frames < 180) window.requestAnimationFrame(settle);
    };
    window.requestAnimationFrame(settle);
  };
  useDocumentTitle(`${childName(caseFile.child)} (${caseFile.number})`);
  useRefreshAfterChanges(caseFile.id);
  return (
    <div className="case-file">
      <CaseHeader caseFile={caseFile} actions={<CaseActions caseFile={caseFile} open={setDialog} />} />
      <NextPanel caseFile={caseFile} />
      <CaseTasks caseFile={caseFile} />
      <CaseTabs caseFile={caseFile} />
      <CaseDialogs open={dialog} caseFile={caseFile} onClose={closeDialog} />
    </div>
  );
}

export function CaseFilePage() {
  const { t } = useTranslation('cases');
  const { caseId = '' } = useParams();
  const file = useCaseFile(caseId);
  if (file.isPending) return <Loading />;
  if (file.error && !file.data) {
    const missing = isApiError(file.error, 'NOT_FOUND') || isApiError(file.error, 'OUT_OF_SCOPE') || isApiError(file.error, 'VALIDATION');
    return (
      <div className="stack">
        <h1>{missing ? t('file.unavailableTitle') : t('file.errorTitle')}</h1>
        <ErrorAlert error={file.error} />
        <p>
          <Link to="/cases">{t('file.backToList')}</Link>
        </p>
      </div>
    );
  }
  return file.data ? <CaseFileView caseFile={file.data} /> : null;
}
