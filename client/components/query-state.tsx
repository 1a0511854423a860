/** Loading and error states shared by every page, so no page is ever blank. */
import { type UseQueryResult, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {t('common.loading')}
    </div>
  );
}

export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof TRPCClientError && typeof error.message === 'string' && error.message)
    return error.message;
  return fallback;
}

/** Someone else changed the record since this page read it (optimistic concurrency, issue 12). */
function isStaleEdit(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return (
    typeof data === 'object' && data !== null && 'domainKey' in data && data.domainKey === 'commitment.stale'
  );
}

/**
 * A write's refusal under its form. A stale edit says who changed the record (the server's
 * message) and offers a reload: the page reads the record again, and the form, keyed by the
 * record's version, starts over from what is stored now.
 */
export function WriteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <div className="form-error" role="alert">
      <span>{errorMessage(error, t('errors.generic'))}</span>
      {isStaleEdit(error) && (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => void queryClient.invalidateQueries()}
        >
          {t('errors.reload')}
        </button>
      )}
    </div>
  );
}

/** With PUBLIC_READ=0 anonymous reads are refused: the way forward is signing in, not retrying. */
function needsSignIn(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  return typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHORIZED';
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (needsSignIn(error)) {
    const from = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <div className="state state-error" role="alert">
        <span>{errorMessage(error, t('errors.network'))}</span>
        <Link className="button" to={`/sign-in?from=${from}`}>
          {t('auth.signInToView')}
        </Link>
      </div>
    );
  }
  return (
    <div className="state state-error" role="alert">
      <strong>{t('common.loadFailed')}</strong>
      <span>{errorMessage(error, t('errors.network'))}</span>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function DemoBadge() {
  const { t } = useTranslation();
  return <span className="badge badge-demo">{t('common.demo')}</span>;
}

/**
 * A query's loading and error states, and its data once there: the scaffolding every view page
 * repeats. `children` renders the data.
 */
export function QueryBoundary<T, E>({
  query,
  children,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
