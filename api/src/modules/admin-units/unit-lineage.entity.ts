import type { Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AdminUnit } from './admin-unit.entity.ts';

export enum LineageKind {
  MERGE = 'merge',
  SPLIT = 'split',
  RENAME = 'rename',
  TRANSFER = 'transfer',
}

/** Predecessor → successor links from reforms (the 2019–2020 and 2025 mergers, splits, renames). */
@Entity({ tableName: 'unit_lineage' })
export class UnitLineage {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'unit_lineage_predecessor_index' })
  predecessor!: Rel<AdminUnit>;

  @ManyToOne(() => AdminUnit, { deleteRule: 'cascade', index: 'unit_lineage_successor_index' })
  successor!: Rel<AdminUnit>;

  @Property({ type: 'date' })
  effectiveDate!: string;

  @Enum({ items: () => LineageKind, nativeEnumName: 'lineage_kind' })
  kind!: LineageKind;

  /** True when only part of the predecessor's territory went to this successor. */
  @Property({ type: 'boolean', default: false })
  partial = false;

  /**
   * For a partial link, the share (0–1) of the predecessor's area that went into this successor,
   * computed from the polygons (see geo/lineage-2025.sql); null when not computed (full links, or no polygon).
   */
  @Property({ type: 'double', nullable: true })
  areaShare?: number;

  @Property({ type: 'text' })
  source!: string;
}
