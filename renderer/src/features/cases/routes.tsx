// DOM. The cases section's routes (/cases, /cases/new, /cases/:caseId) and the "my work" page,
// for the app frame to mount.
import { Route, Routes } from 'react-router-dom';
import { ForbiddenPage, NotFoundPage } from '../../app/pages';
import { useReadySession } from '../../app/session';
import { CaseFilePage } from './file/CaseFilePage';
import { CaseListPage } from './list/CaseListPage';
import { RegisterCasePage } from './register/RegisterCasePage';
import { MyWorkPage } from './work/MyWorkPage';
import './cases.css';

function NeedsWrite({ children }: { children: React.ReactNode }) {
  const session = useReadySession();
  return session.permissions.includes('case.write') ? <>{children}</> : <ForbiddenPage />;
}

export function CasesRoutes() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route
        path="new"
        element={
          <NeedsWrite>
            <RegisterCasePage />
          </NeedsWrite>
        }
      />
      <Route path=":caseId" element={<CaseFilePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export { MyWorkPage };
