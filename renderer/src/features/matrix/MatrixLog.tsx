import { Box, Button } from '@mantine/core';
import { IconArrowDown } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { OpsEvent } from '../../api/contracts';
import { EVENT_COLORS, MATRIX_BACKGROUND, MATRIX_FONT, matrixTime } from './eventStyle';

export const ROW_HEIGHT = 22;
/** Within this of the bottom counts as "at the bottom": auto-scroll stays on. */
const BOTTOM_SLACK = ROW_HEIGHT * 2;

/** Hover and keyboard focus on the dark log (inline styles cannot say :hover). */
const ROW_CSS = '.matrix-row[tabindex]:hover{background:#161b22}.matrix-row:focus{outline:none}.matrix-row:focus-visible{background:#1f2937;box-shadow:inset 2px 0 0 #58a6ff}';

const cell = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

const Row = memo(function Row({ event, timeZone, top, onOpen }: { event: OpsEvent; timeZone: string; top: number; onOpen: (event: OpsEvent) => void }) {
  const color = EVENT_COLORS[event.type];
  const opens = event.contactId !== null;
  return (
    <div
      role="row"
      data-cursor={event.cursor}
      data-type={event.type}
      tabIndex={opens ? 0 : undefined}
      title={opens ? `Open the conversation with ${event.contact ?? 'this shopper'}` : undefined}
      onClick={opens ? () => onOpen(event) : undefined}
      onKeyDown={opens ? (e) => e.key === 'Enter' && onOpen(event) : undefined}
      className="matrix-row"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        display: 'grid',
        gridTemplateColumns: '146px 120px 92px minmax(0, 1fr)',
        gap: 12,
        alignItems: 'center',
        padding: '0 12px',
        cursor: opens ? 'pointer' : 'default',
        color: '#c9d1d9',
      }}
    >
      <span role="cell" style={{ ...cell, color: '#6e7681' }}>
        [{matrixTime(event.time, timeZone)}]
      </span>
      <span role="cell" style={{ ...cell, color: '#d2a8ff' }}>
        [{event.agent ?? 'system'}]
      </span>
      <span role="cell" data-type-cell={event.type} style={{ ...cell, color, fontWeight: 700 }}>
        [{event.type}]
      </span>
      <span role="cell" style={{ ...cell, color: event.type === 'ERROR' ? color : undefined }}>
        {event.contact ? <span style={{ color: '#79c0ff' }}>{event.contact} · </span> : null}
        {event.detail}
      </span>
    </div>
  );
});

/**
 * The terminal-style log, virtualised: only the rows in view (plus a few) are in the page, so
 * 50,000 rows scroll like 50. It follows new rows while the reader is at the bottom; scrolling up
 * stops that, and "Jump to latest" resumes it.
 */
export function MatrixLog({
  rows,
  version,
  timeZone,
  onOpen,
  height = 'clamp(320px, calc(100vh - 300px), 2000px)',
}: {
  rows: readonly OpsEvent[];
  /** Changes whenever `rows` (a mutable array) does. */
  version: number;
  timeZone: string;
  onOpen: (event: OpsEvent) => void;
  height?: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const following = useRef(true);
  /** The newest cursor when the reader scrolled away: rows after it are "new". */
  const [mark, setMark] = useState(0);
  const count = rows.length;
  // TanStack Virtual is not React-Compiler-safe; this component is left unmemoised (its rows are memo'd).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.cursor ?? index,
  });

  // Follow the newest row while following; one scroll per batch (per frame), not per event.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && el) el.scrollTop = count * ROW_HEIGHT;
  }, [follow, count, version]);

  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK;
    if (following.current && !atBottom) setMark(rows.at(-1)?.cursor ?? 0);
    following.current = atBottom;
    setFollow(atBottom);
  }, [rows]);

  let fresh = 0;
  if (!follow) for (let i = count - 1; i >= 0 && rows[i]!.cursor > mark; i--) fresh++;

  return (
    <Box pos="relative">
      <style>{ROW_CSS}</style>
      <div
        ref={scroller}
        onScroll={onScroll}
        role="table"
        aria-label="Event log"
        aria-rowcount={count}
        style={{ height, overflowY: 'auto', background: MATRIX_BACKGROUND, fontFamily: MATRIX_FONT, fontSize: 12.5, lineHeight: `${ROW_HEIGHT}px`, borderRadius: 8 }}
      >
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = rows[item.index];
            return event ? <Row key={item.key} event={event} timeZone={timeZone} top={item.start} onOpen={onOpen} /> : null;
          })}
        </div>
      </div>
      {!follow ? (
        <Button
          pos="absolute"
          bottom={16}
          right={24}
          size="xs"
          radius="xl"
          color="teal"
          leftSection={<IconArrowDown size={14} />}
          onClick={() => {
            following.current = true;
            setFollow(true);
            setMark(0);
          }}
        >
          {fresh > 0 ? `Jump to latest (${fresh.toLocaleString('en-IN')} new)` : 'Jump to latest'}
        </Button>
      ) : null}
    </Box>
  );
}
