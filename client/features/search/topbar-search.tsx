/** The search box in the top bar: any page is one step from /search?q=…. */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function TopbarSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = q.trim();
    if (term) void navigate(`/search?q=${encodeURIComponent(term)}`);
  };
  return (
    <search className="topbar-search">
      <form onSubmit={submit}>
        <input
          type="search"
          aria-label={t('search.label')}
          placeholder={t('nav.search')}
          maxLength={100}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </form>
    </search>
  );
}
