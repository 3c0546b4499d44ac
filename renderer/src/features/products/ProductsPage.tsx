import { Button, CloseButton, Group, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFilter, IconPlus, IconSearch } from '@tabler/icons-react';
import { CatalogSyncPanel } from '../catalog-sync/CatalogSyncPanel';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { EmptyCatalog } from './EmptyCatalog';
import { ImportWizard } from './ImportWizard';
import { formatCount } from './money';
import { DeleteProductModal, ImageModal } from './ProductDialogs';
import { ProductFormModal } from './ProductFormModal';
import { ProductGrid } from './ProductGrid';
import { SearchSummary } from './SearchSummary';
import { UnsavedEdits } from './UnsavedEdits';
import { useProductsScreen } from './useProductsScreen';

export function ProductsPage() {
  const { list, search, saves, dialog, setDialog, quickFilter, setQuickFilter, timeZone, rows } = useProductsScreen();
  const close = () => setDialog(null);
  const total = list.products?.length ?? 0;
  const hideGrid = search.active && search.result !== undefined && search.result.results.length === 0;

  let body;
  if (list.products === undefined) {
    body = list.error ? <ErrorState error={list.error} onRetry={list.reload} title="The catalog could not be loaded" /> : <LoadingState label="Loading the catalog…" />;
  } else if (total === 0) {
    body = <EmptyCatalog onImport={() => setDialog({ kind: 'import' })} onAdd={() => setDialog({ kind: 'add' })} />;
  } else {
    body = (
      <>
        <CatalogSyncPanel timeZone={timeZone} />
        <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
          <TextInput
            flex="2 1 360px"
            label="Search like a shopper"
            placeholder="gold bangles under 50k, 22 carat jhumka, SJ-RNG-0001…"
            leftSection={<IconSearch size={16} />}
            value={search.query}
            onChange={(e) => search.setQuery(e.currentTarget.value)}
            rightSection={search.query ? <CloseButton aria-label="Clear the search" onClick={search.clear} /> : null}
          />
          <TextInput
            flex="1 1 220px"
            label="Filter the grid"
            placeholder="Any text in any column"
            leftSection={<IconFilter size={16} />}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.currentTarget.value)}
          />
        </Group>
        {search.active ? <SearchSummary query={search.query} result={search.result} searching={search.searching} error={search.error} /> : null}
        <UnsavedEdits problems={saves.problems} onDismiss={saves.dismiss} />
        {hideGrid ? null : (
          <ProductGrid rows={rows} quickFilter={quickFilter} timeZone={timeZone} errors={saves.errors} onEdit={(row, field, value) => void saves.saveCell(row, field, value)} onAction={(kind, product) => setDialog({ kind, product })} />
        )}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Products"
        description={total ? `${formatCount(total)} ${total === 1 ? 'product' : 'products'} · double-click a cell to change it` : 'Your catalog: what the assistant can offer shoppers.'}
        extra={
          <>
            <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => setDialog({ kind: 'add' })}>
              Add product
            </Button>
            <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => setDialog({ kind: 'import' })}>
              Import spreadsheet
            </Button>
          </>
        }
      />
      {body}
      {dialog?.kind === 'import' ? <ImportWizard onClose={close} onFinished={list.reload} /> : null}
      {dialog?.kind === 'add' ? <ProductFormModal onClose={close} onSaved={list.upsert} /> : null}
      {dialog?.kind === 'edit' ? <ProductFormModal product={dialog.product} onClose={close} onSaved={list.upsert} /> : null}
      {dialog?.kind === 'image' ? <ImageModal product={dialog.product} onClose={close} onChanged={(p) => { list.upsert(p); setDialog({ kind: 'image', product: p }); }} /> : null}
      {dialog?.kind === 'delete' ? <DeleteProductModal product={dialog.product} onClose={close} onDeleted={list.remove} /> : null}
    </>
  );
}
