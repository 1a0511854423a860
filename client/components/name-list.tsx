/** The list of names on the deputies and agencies pages; each opens its own view. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function NameList({
  items,
  basePath,
  testId,
}: {
  items: { name: string; note: ReactNode }[];
  basePath: string;
  testId: string;
}) {
  return (
    <ul className="name-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.name}>
          <Link to={`${basePath}/${encodeURIComponent(item.name)}`}>
            <span>{item.name}</span>
            <span className="muted small">{item.note}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
