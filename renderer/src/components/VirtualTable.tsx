/**
 * A table that renders only the rows in view, so lists of thousands stay fast. One scroll container in both
 * directions: the header stays on top, `sticky` columns (rank, title) stay on the left while the rest scrolls
 * sideways, so every column can be reached at any width. Header labels wrap between words, and no column is
 * narrower than its longest word. Sortable headers are buttons. Keyboard: arrows and Enter on the rows.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  /** The least width in pixels (the label's longest word is respected too). */
  width?: number;
  /** Share of the remaining width (fr); 0 keeps the column at its least width. */
  grow?: number;
  /** Stays in view while the table scrolls sideways (rank, title). */
  sticky?: boolean;
  /** A click on the header sorts by this column. */
  sortable?: boolean;
  render: (row: T, index: number) => ReactNode;
}

const ROW_HEIGHT = 34;
const OVERSCAN = 8;
const GAP = 8;
const PAD = 12;
/** About the width of the widest character of the header font, for the least width of a label's longest word. */
const CHAR_PX = 7.6;

function minWidth<T>(c: Column<T>): number {
  const word = Math.max(...c.label.split(/\s+/).map((w) => w.length));
  return Math.max(c.width ?? (c.numeric ? 84 : 120), Math.ceil(word * CHAR_PX + (c.sortable ? 16 : 4)));
}

export function VirtualTable<T>({
  columns,
  rows,
  height,
  onRowClick,
  rowTestId,
  label,
  sortKey,
  onSort,
}: {
  columns: Column<T>[];
  rows: T[];
  /** Fixed height of the table; by default it fills the window below its top. */
  height?: number;
  onRowClick?: (row: T) => void;
  rowTestId?: (row: T, index: number) => string;
  label: string;
  sortKey?: string;
  onSort?: (key: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [focused, setFocused] = useState(0);
  const [fill, setFill] = useState(480);

  useEffect(() => {
    if (height !== undefined) return;
    const measure = () => {
      const top = box.current?.getBoundingClientRect().top ?? 0;
      setFill(Math.max(240, window.innerHeight - top - 56));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [height]);

  const mins = columns.map(minWidth);
  const template = columns
    .map((c, i) => (c.sticky ? `${mins[i]}px` : `minmax(${mins[i]}px, ${c.grow ?? (c.numeric ? 1 : 2)}fr)`))
    .join(' ');
  const tableWidth = mins.reduce((a, b) => a + b, 0) + GAP * (columns.length - 1) + 2 * PAD;
  const lefts = columns.map((_, i) => PAD + mins.slice(0, i).reduce((a, b) => a + b + GAP, 0));
  const bodyHeight = Math.min(height ?? fill, rows.length * ROW_HEIGHT + 48);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + bodyHeight) / ROW_HEIGHT) + OVERSCAN);
  // A sticky cell also paints the padding or gap to its left, so nothing scrolled under it shows through.
  const firstSticky = columns.findIndex((c) => c.sticky);
  const stickyStyle = (i: number) =>
    columns[i]?.sticky
      ? {
          position: 'sticky' as const,
          left: lefts[i],
          zIndex: 1,
          boxShadow: `-${i === firstSticky ? PAD : GAP}px 0 0 var(--sticky-bg, var(--panel))`,
        }
      : undefined;
  const cellClass = (c: Column<T>) => `${c.numeric ? 'num' : ''}${c.sticky ? ' sticky' : ''}`;

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown') setFocused((f) => Math.min(rows.length - 1, f + 1));
    else if (e.key === 'ArrowUp') setFocused((f) => Math.max(0, f - 1));
    else if (e.key === 'Enter' && rows[focused] && onRowClick) onRowClick(rows[focused]);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={box}
      className="vtable"
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      style={{ height: bodyHeight }}
      onKeyDown={onKey}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div className="vtable-inner" style={{ minWidth: tableWidth }}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
          {columns.map((c, i) => {
            const sorted = sortKey === c.key;
            return (
              <div
                key={c.key}
                role="columnheader"
                className={cellClass(c)}
                style={stickyStyle(i)}
                aria-sort={c.sortable ? (sorted ? 'descending' : 'none') : undefined}
                data-testid={`col-${c.key}`}
              >
                {c.sortable && onSort ? (
                  <button type="button" className={`sort-header${sorted ? ' sorted' : ''}`} onClick={() => onSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sorted ? ' ▼' : ''}</span>
                  </button>
                ) : (
                  c.label
                )}
              </div>
            );
          })}
        </div>
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((row, i) => {
            const index = first + i;
            return (
              <div
                key={index}
                role="row"
                data-testid={rowTestId?.(row, index)}
                className={`vtable-row${onRowClick ? ' clickable' : ''}${index === focused ? ' focused' : ''}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT, gridTemplateColumns: template }}
                onClick={() => {
                  setFocused(index);
                  onRowClick?.(row);
                }}
              >
                {columns.map((c, k) => (
                  <div key={c.key} role="cell" className={cellClass(c)} style={stickyStyle(k)}>
                    {c.render(row, index)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
