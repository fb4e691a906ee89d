import { useEffect, useId, useState } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql, type ResultOf } from '../graphql/graphql.ts';

const searchQuery = graphql(`
  query SearchUnits($search: String!) {
    units(filter: { search: $search, includeFormer: true }, first: 8) {
      nodes { code codeList name level validTo parent { shortName parent { shortName } } }
    }
  }
`);

type Hit = ResultOf<typeof searchQuery>['units']['nodes'][number];

/**
 * Name search as a combobox (arrows, Enter, Escape). The API ignores case, tone marks and đ/d,
 * so "song van" finds Xã Song Vân.
 */
export function SearchBox({ onPick }: { onPick(code: string, codeList: string): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const listId = useId();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const search = text.trim();
    if (search.length < 2) return setHits([]);
    let current = true;
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      void client
        .query(searchQuery, { search })
        .toPromise()
        .then((result) => {
          if (!current) return;
          setHits(result.data?.units.nodes ?? []);
          setActive(0);
          setOpen(true);
        });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, text]);

  const pick = (hit: Hit) => {
    setOpen(false);
    setText('');
    // A code means a unit only in its code list (codes were re-used in 2025).
    onPick(hit.code, hit.codeList);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && hits[active]) pick(hits[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  const where = (hit: Hit) => [hit.parent?.shortName, hit.parent?.parent?.shortName].filter(Boolean).join(', ');
  const expanded = open && text.trim().length >= 2;
  return (
    <div className="search" role="search">
      <input
        type="search"
        role="combobox"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && hits[active] ? `${listId}-${hits[active].codeList}-${hits[active].code}` : undefined}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search"
      />
      {expanded && (
        <ul id={listId} role="listbox" className="search-hits">
          {hits.length === 0 ? (
            <li className="muted">{t('search.none')}</li>
          ) : (
            hits.map((hit, i) => (
              <li
                key={`${hit.codeList}-${hit.code}`}
                id={`${listId}-${hit.codeList}-${hit.code}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(hit)}
              >
                <strong>{hit.name}</strong> <span className="muted">{where(hit)}</span>
                {hit.validTo && <span className="badge">{t('search.former', { date: hit.validTo })}</span>}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
