/** A table that renders only the rows in view, so lists of thousands stay fast. Keyboard: arrows and Enter. */
import { useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  numeric?: boolean;
  width?: string;
  render: (row: T, index: number) => ReactNode;
}

const ROW_HEIGHT = 34;
const OVERSCAN = 8;

export function VirtualTable<T>({
  columns,
  rows,
  height = 480,
  onRowClick,
  rowTestId,
  label,
}: {
  columns: Column<T>[];
  rows: T[];
  height?: number;
  onRowClick?: (row: T) => void;
  rowTestId?: (row: T, index: number) => string;
  label: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const [focused, setFocused] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const template = columns.map((c) => c.width ?? (c.numeric ? 'minmax(72px, 1fr)' : 'minmax(120px, 2fr)')).join(' ');

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowDown') setFocused((f) => Math.min(rows.length - 1, f + 1));
    else if (e.key === 'ArrowUp') setFocused((f) => Math.max(0, f - 1));
    else if (e.key === 'Enter' && rows[focused] && onRowClick) onRowClick(rows[focused]!);
    else return;
    e.preventDefault();
  };

  return (
    <div className="vtable" role="table" aria-label={label} aria-rowcount={rows.length}>
      <div className="vtable-head" role="row" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" className={c.numeric ? 'num' : ''}>
            {c.label}
          </div>
        ))}
      </div>
      <div className="vtable-body" style={{ height: Math.min(height, rows.length * ROW_HEIGHT + 2) }} tabIndex={0} onKeyDown={onKey} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
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
                {columns.map((c) => (
                  <div key={c.key} role="cell" className={c.numeric ? 'num' : ''}>
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
