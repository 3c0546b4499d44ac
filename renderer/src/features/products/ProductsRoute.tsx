import { lazy, Suspense } from 'react';
import { LoadingState } from '../../ui/StatusStates';

// AG Grid is most of this screen's weight: loaded when the screen is first opened, not at start-up.
const ProductsPage = lazy(() => import('./ProductsPage').then((m) => ({ default: m.ProductsPage })));

export function ProductsRoute() {
  return (
    <Suspense fallback={<LoadingState label="Opening Products…" />}>
      <ProductsPage />
    </Suspense>
  );
}
