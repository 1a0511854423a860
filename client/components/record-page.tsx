/**
 * The frame of a page about one record (a letter, a commitment, a district, an agency, a deputy):
 * the way back to its list, the heading with its actions and notes, then the page's own sections.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function RecordPage({
  back,
  backLabel,
  title,
  subtitle,
  actions,
  header,
  children,
}: {
  /** the list this record belongs to */
  back: string;
  backLabel: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  /** buttons beside the heading (print) */
  actions?: ReactNode;
  /** what the header shows under the heading: status, quote, metadata */
  header?: ReactNode;
  children: ReactNode;
}) {
  const heading = <h1>{title}</h1>;
  return (
    <section className="page">
      <Link to={back} className="back-link">
        {backLabel}
      </Link>
      <header className="page-header">
        {actions ? (
          <div className="card-header">
            {heading}
            <div className="page-actions">{actions}</div>
          </div>
        ) : (
          heading
        )}
        {subtitle && <p className="muted">{subtitle}</p>}
        {header}
      </header>
      {children}
    </section>
  );
}
