/** A table in its scrolling wrapper with one header row: the frame every record table repeated. */
import type { ReactNode } from 'react';

/** A header cell: its text, right-aligned for figures. */
export type Column = ReactNode | { label: ReactNode; num: true };

export function DataTable({
  columns,
  children,
  className = 'table',
  testId,
}: {
  columns: Column[];
  /** the body rows */
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div className="table-wrap">
      <table className={className} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column, index) =>
              column !== null && typeof column === 'object' && 'num' in column ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
                <th key={index} className="num">
                  {column.label}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for a table
                <th key={index}>{column}</th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
