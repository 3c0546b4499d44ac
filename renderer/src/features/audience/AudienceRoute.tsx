import { lazy, Suspense } from 'react';
import { LoadingState } from '../../ui/StatusStates';

// AG Grid is most of this screen's weight: loaded when the screen is first opened, not at start-up.
const AudiencePage = lazy(() => import('./AudiencePage').then((m) => ({ default: m.AudiencePage })));

export function AudienceRoute() {
  return (
    <Suspense fallback={<LoadingState label="Opening Audience…" />}>
      <AudiencePage />
    </Suspense>
  );
}
