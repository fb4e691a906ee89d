import { Collection, type Rel } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, OneToMany, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** One completed import of a boundary/code-list dataset; the checksum makes re-imports idempotent. */
@Entity({ tableName: 'geo_import' })
export class GeoImport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'text' })
  dataset!: string;

  /** sha256 over the dataset's files, in a fixed order. */
  @Property({ type: 'text' })
  checksum!: string;

  @Property({ type: 'text' })
  sourceDir!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  importedAt!: Date;

  @Property({ type: 'jsonb' })
  stats!: Record<string, number>;

  @OneToMany(
    () => GeoImportIssue,
    (issue) => issue.geoImport,
  )
  issues = new Collection<GeoImportIssue>(this);
}

export enum GeoImportIssueKind {
  NO_POLYGON = 'no-polygon',
  REPAIRED = 'repaired',
  UNKNOWN_CODE = 'unknown-code',
  PROVINCE_EXTENDED = 'province-extended',
}

/** What an import could load only with a caveat; shown to GIS users, never hidden. */
@Entity({ tableName: 'geo_import_issue' })
export class GeoImportIssue {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @ManyToOne(() => GeoImport, { deleteRule: 'cascade', index: 'geo_import_issue_import_index' })
  geoImport!: Rel<GeoImport>;

  @Enum({ items: () => GeoImportIssueKind, nativeEnumName: 'geo_import_issue_kind' })
  kind!: GeoImportIssueKind;

  @Property({ type: 'text' })
  unitCode!: string;

  @Property({ type: 'text', nullable: true })
  file?: string;

  @Property({ type: 'text' })
  detail!: string;
}
