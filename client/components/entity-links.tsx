/** Names that open their own view: districts, responding agencies, deputies. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function DistrictLink({ name }: { name: string | null }) {
  const { t } = useTranslation();
  if (!name) return <>{t('common.cityLevel')}</>;
  return <Link to={`/districts/${encodeURIComponent(name)}`}>{name}</Link>;
}

export function AgencyLink({ name }: { name: string | null }) {
  const { t } = useTranslation();
  if (!name) return <>{t('common.none')}</>;
  return <Link to={`/agencies/${encodeURIComponent(name)}`}>{name}</Link>;
}

/** A letter names its deputies as written, 苏辉明、王五 or 苏辉明,王五: each becomes a link. */
export function DeputyLinks({ names }: { names: string | null }) {
  const { t } = useTranslation();
  const each = (names ?? '')
    .split(/[、,,;;\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  if (each.length === 0) return <>{t('common.none')}</>;
  return (
    <>
      {each.map((name, index) => (
        <Fragment key={name}>
          {index > 0 && '、'}
          <Link to={`/deputies/${encodeURIComponent(name)}`}>{name}</Link>
        </Fragment>
      ))}
    </>
  );
}

/** The districts as a row of links, under a chart that names them. */
export function DistrictLinks({ names }: { names: (string | null)[] }) {
  const real = names.filter((n): n is string => Boolean(n));
  if (real.length === 0) return null;
  return (
    <p className="small district-links">
      {real.map((name, index) => (
        <Fragment key={name}>
          {index > 0 && ' · '}
          <DistrictLink name={name} />
        </Fragment>
      ))}
    </p>
  );
}
