/**
 * The frame of a page about one record (a letter, a commitment, a district, an agency, a deputy):
 * the way back to its list, the heading with its actions and notes, then the page's own sections.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentStatus } from '../../shared/commitments';
import { DemoProgressNotice } from './demo-progress-notice';
import { QueryBoundary } from './query-state';
import { StatusCounts } from './status-counts';

interface FrameProps {
  /** the list this record belongs to */
  back: string;
  backLabel: ReactNode;
  title: ReactNode;
  subtitle?: ReactNode;
  /** buttons beside the heading (print) */
  actions?: ReactNode;
  /** what the header shows under the heading: status, quote, metadata */
  header?: ReactNode;
}

export function RecordPage({
  back,
  backLabel,
  title,
  subtitle,
  actions,
  header,
  children,
}: FrameProps & { children: ReactNode }) {
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

/**
 * The view of one district or agency: its commitments counted by status (demo progress marked)
 * once the query is there, then the page's own sections; `after` shows whatever the query's state.
 */
export function StatusViewPage<T extends { counts: Record<CommitmentStatus, number> }>({
  area,
  name,
  query,
  extra,
  after,
  children,
}: {
  /** the list the view opens from, also naming its texts (districts.back, agencies.pageSubtitle) */
  area: 'districts' | 'agencies';
  name: string;
  query: UseQueryResult<T, unknown>;
  /** further figures beside the counts, e.g. the kept rate */
  extra?: (data: T) => { label: string; value: string }[];
  after?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <RecordPage
      back={`/${area}`}
      backLabel={t(`${area}.back`)}
      title={name}
      subtitle={t(`${area}.pageSubtitle`)}
    >
      <QueryBoundary query={query}>
        {(data) => (
          <>
            <DemoProgressNotice />
            <StatusCounts counts={data.counts} extra={extra?.(data)} />
            {children(data)}
          </>
        )}
      </QueryBoundary>
      {after}
    </RecordPage>
  );
}
