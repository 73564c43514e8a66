// DOM. The follow-up section's pages, mounted by the app frame under /followup: the worker's
// calendar and the office protocol (supervisors).
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../app/pages';
import { CalendarPage } from './CalendarPage';
import { ProtocolPage } from './ProtocolPage';

export function FollowupRoutes() {
  return (
    <Routes>
      <Route path="calendar" element={<CalendarPage />} />
      <Route path="protocol" element={<ProtocolPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
