import { Button, Group, Switch, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFilter, IconSend, IconTags, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useLiveMessages } from '../../api/LiveContext';
import type { Segment } from '../../api/contracts';
import { queryString } from '../../api/client';
import { useApi } from '../../api/useApi';
import { DEFAULT_TIME_ZONE } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/StatusStates';
import { formatCount } from '../products/money';
import { BroadcastModal } from './BroadcastModal';
import { BulkTagBar } from './BulkTagBar';
import { useContactSaves } from './contactEdits';
import { ContactDrawer } from './ContactDrawer';
import { ContactGrid, type ContactGridView } from './ContactGrid';
import { ContactImportWizard } from './ContactImportWizard';
import { EmptyAudience } from './EmptyAudience';
import { ExportContacts } from './ExportContacts';
import { NewContactModal } from './NewContactModal';
import { SegmentEditor } from './SegmentEditor';
import { SegmentsPanel } from './SegmentsPanel';
import { TagsManager } from './TagsManager';
import { listQuery, useContactList } from './useContactList';

type Dialog =
  | { kind: 'import' }
  | { kind: 'tags' }
  | { kind: 'segment'; segment: Segment | null }
  | { kind: 'broadcast'; segment: Segment | null }
  | { kind: 'contact'; id: number }
  | { kind: 'new' }
  | null;

/** Everyone the store knows: the grid, segments beside it, imports, tags and broadcasts. */
export function AudiencePage() {
  const [segment, setSegment] = useState<number | null>(null);
  const [test, setTest] = useState(false);
  const list = useContactList({ segment, test });
  const saves = useContactSaves(list);
  const segments = useApi('listSegments');
  const store = useApi('getStore');
  const timeZone = store.data?.timeZone ?? DEFAULT_TIME_ZONE;
  const [quickFilter, setQuickFilter] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [selectionKey, setSelectionKey] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [view, setView] = useState<ContactGridView>();
  const close = () => setDialog(null);

  // Counts follow the contacts: any change to them may move someone in or out of a segment.
  useLiveMessages((m) => {
    if (m.type === 'crm.contacts') segments.reload();
  });

  const refresh = () => {
    list.reload();
    segments.reload();
  };
  const exportUrl = `/api/contacts/export.csv${queryString({ ...listQuery({ segment, test }), ...(quickFilter.trim() ? { q: quickFilter.trim() } : {}) })}`;
  const current = useMemo(() => segments.data?.segments.find((s) => s.id === segment), [segments.data, segment]);
  const rows = list.contacts ?? [];
  const allEmpty = list.contacts !== undefined && list.total === 0 && segment === null;

  let body;
  if (list.contacts === undefined) {
    body = list.error ? <ErrorState error={list.error} onRetry={list.reload} title="The contacts could not be loaded" /> : <LoadingState label="Loading the contacts…" />;
  } else if (allEmpty) {
    body = <EmptyAudience onImport={() => setDialog({ kind: 'import' })} showingTests={test} />;
  } else {
    body = (
      <>
        <BulkTagBar
          ids={selected}
          onDone={() => {
            setSelected([]);
            setSelectionKey((k) => k + 1);
            refresh();
          }}
        />
        <ContactGrid
          rows={rows}
          quickFilter={quickFilter}
          timeZone={timeZone}
          errors={saves.errors}
          onEdit={(row, field, value) => void saves.saveCell(row, field, value)}
          onOpen={(c) => setDialog({ kind: 'contact', id: c.id })}
          onSelection={setSelected}
          selectionKey={selectionKey}
          // A new view only when what the button says changes (the ids are read when it is pressed).
          onView={(v) => setView((old) => (old && old.columnFilters === v.columnFilters && old.shown === v.shown ? old : v))}
        />
      </>
    );
  }

  const shown = list.contacts ? `${formatCount(list.total)} ${list.total === 1 ? 'contact' : 'contacts'}${current ? ` in ${current.name}` : ''}` : '';
  const loading = list.contacts && !list.complete && !list.error ? ` · loading ${formatCount(rows.length)} of ${formatCount(list.total)}…` : '';

  return (
    <>
      <PageHeader
        title="Audience"
        description={shown ? `${shown}${loading} · double-click a name, city, tags or notes to change them` : 'Everyone the store knows on WhatsApp and from its customer lists.'}
        extra={
          <>
            <Button variant="default" leftSection={<IconTags size={18} />} onClick={() => setDialog({ kind: 'tags' })}>
              Tags
            </Button>
            <Button variant="default" leftSection={<IconUserPlus size={18} />} onClick={() => setDialog({ kind: 'new' })}>
              Add contact
            </Button>
            <Button variant="default" leftSection={<IconSend size={18} />} onClick={() => setDialog({ kind: 'broadcast', segment: null })}>
              Broadcasts
            </Button>
            <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => setDialog({ kind: 'import' })}>
              Import customers
            </Button>
          </>
        }
      />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <SegmentsPanel
          segments={segments.data?.segments}
          error={segments.error}
          selected={segment}
          total={list.allTotal}
          onSelect={(id) => {
            setSegment(id);
            setSelected([]);
          }}
          onEdit={(s) => setDialog({ kind: 'segment', segment: s })}
          onNew={() => setDialog({ kind: 'segment', segment: null })}
          onSend={(s) => setDialog({ kind: 'broadcast', segment: s })}
        />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
            <TextInput
              flex="1 1 260px"
              label="Filter the grid"
              placeholder="Name, phone, city, #tag, notes…"
              leftSection={<IconFilter size={16} />}
              value={quickFilter}
              onChange={(e) => setQuickFilter(e.currentTarget.value)}
            />
            <Switch label="Show test shoppers" checked={test} onChange={(e) => setTest(e.currentTarget.checked)} mb={8} />
            <ExportContacts url={exportUrl} view={view} />
          </Group>
          {body}
        </div>
      </Group>
      {dialog?.kind === 'import' ? <ContactImportWizard onClose={close} onFinished={refresh} /> : null}
      {dialog?.kind === 'tags' ? <TagsManager onClose={close} onChanged={refresh} /> : null}
      {dialog?.kind === 'segment' ? (
        <SegmentEditor
          segment={dialog.segment}
          onClose={close}
          onSaved={(saved) => {
            close();
            segments.reload();
            if (saved) setSegment(saved.id);
            else if (dialog.segment?.id === segment) setSegment(null);
            list.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'broadcast' ? <BroadcastModal segment={dialog.segment} timeZone={timeZone} onClose={close} /> : null}
      <NewContactModal
        opened={dialog?.kind === 'new'}
        onClose={close}
        onCreated={(c) => {
          refresh();
          setDialog({ kind: 'contact', id: c.id });
        }}
      />
      {dialog?.kind === 'contact' ? <ContactDrawer contactId={dialog.id} timeZone={timeZone} onClose={close} /> : null}
    </>
  );
}
