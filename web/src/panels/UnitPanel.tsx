import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../layers/admin-units.loader.ts';
import type { Level } from '../graphql/codes.ts';

interface UnitPanelProps {
  selected: UnitSummary | null;
  listLevel: Level | null;
  units: UnitSummary[];
  loading: boolean;
  /** Status and legend, between the unit card and the list. */
  children?: ReactNode;
  onSelect(unit: UnitSummary): void;
}

/** The selected unit's facts and, for keyboard users and lists, every unit drawn on the map. */
export function UnitPanel({ selected, listLevel, units, loading, children, onSelect }: UnitPanelProps) {
  const { t, i18n } = useTranslation();
  // "Chi Lăng" is both a thị trấn and a xã of Chi Lăng district: repeated short names get their type.
  const shortNames = units.map((u) => u.shortName);
  const label = (unit: UnitSummary) => (shortNames.indexOf(unit.shortName) !== shortNames.lastIndexOf(unit.shortName) ? unit.name : unit.shortName);
  const number = new Intl.NumberFormat(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  // A choice in the list redraws the list the focus was in: keyboard users land on the chosen unit's name.
  const heading = useRef<HTMLHeadingElement>(null);
  const chosenFromList = useRef(false);
  const selectedCode = selected?.code;
  useEffect(() => {
    if (selectedCode && chosenFromList.current) {
      chosenFromList.current = false;
      heading.current?.focus();
    }
  }, [selectedCode]);
  return (
    <aside className="panel" aria-live="polite">
      {selected && (
        <section className="unit-card" data-testid="unit-card">
          <h2 ref={heading} tabIndex={-1}>
            {selected.name}
          </h2>
          <dl>
            <dt>{t('unit.code')}</dt>
            <dd>{selected.code}</dd>
            <dt>{t('unit.kind')}</dt>
            <dd>{t(`unitKind.${selected.kind}`, { defaultValue: selected.kind })}</dd>
            <dt>{t('unit.area')}</dt>
            <dd>{selected.areaKm2 === null ? t('unit.noPolygon') : t('unit.areaValue', { value: number.format(selected.areaKm2) })}</dd>
          </dl>
          {selected.geomMatch && selected.geomMatch !== 'exact' && <p className="note">{t('unit.approximate', { match: selected.geomMatch })}</p>}
        </section>
      )}
      {children}
      {listLevel && (
        <section className="unit-list-section">
          <h3>{t('list.heading', { level: t(`level.${listLevel}`), count: units.length })}</h3>
          {loading ? (
            <p role="status">{t('map.loading')}</p>
          ) : units.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <ul className="unit-list">
              {units.map((unit) => (
                <li key={unit.code}>
                  <button
                    type="button"
                    onClick={() => {
                      chosenFromList.current = true;
                      onSelect(unit);
                    }}
                    aria-pressed={unit.code === selected?.code}
                  >
                    {label(unit)}
                    {!unit.hasGeometry && <span className="badge">{t('unit.noPolygon')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  );
}
