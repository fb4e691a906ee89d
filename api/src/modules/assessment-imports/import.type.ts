import { Field, Int, ObjectType } from 'type-graphql';
import { ImportStatus } from './import-batch.entity.ts';

@ObjectType('ImportRejection', { description: 'A row (or, at row 1, a header) the import refused, and why' })
export class ImportRejectionType {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (the header is row 1)' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'Column header as written in the file; null when the whole row is at fault' })
  column!: string | null;

  @Field(() => String, {
    description:
      'unknown-unit, ambiguous-unit, unknown-set, criterion-outside-set, invalid-value, invalid-year, year-outside-validity, level-mismatch, duplicate-row, unknown-indicator, unreadable-cell, unknown-column, duplicate-column, missing-column',
  })
  reason!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportCellChange', { description: 'A cell whose value differs from what was stored, in the template’s words' })
export class ImportCellChangeType {
  @Field(() => String, { description: 'TC5, CT 17.1…' })
  column!: string;

  @Field(() => String, { description: '"Đạt", "Chưa đạt", an indicator value, or "" (unknown / none)' })
  before!: string;

  @Field(() => String)
  after!: string;
}

@ObjectType('ImportRowChange')
export class ImportRowChangeType {
  @Field(() => Int)
  row!: number;

  @Field(() => String)
  unitCode!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  set!: string;

  @Field(() => Boolean, { description: 'The unit had no assessment of this set and year before' })
  created!: boolean;

  @Field(() => [ImportCellChangeType])
  cells!: ImportCellChangeType[];
}

@ObjectType('AssessmentImportReport', { description: 'What an import did, or (dry run, rejected) would have done' })
export class ImportReportType {
  @Field(() => Int)
  batchId!: number;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file, hex' })
  checksum!: string;

  @Field(() => String)
  format!: string;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => ImportStatus)
  status!: ImportStatus;

  @Field(() => Int)
  rowsRead!: number;

  @Field(() => Int)
  rowsChanged!: number;

  @Field(() => Int)
  rowsUnchanged!: number;

  @Field(() => Int)
  rowsRejected!: number;

  @Field(() => Int)
  cellsChanged!: number;

  @Field(() => [ImportRejectionType])
  rejections!: ImportRejectionType[];

  @Field(() => [ImportRowChangeType])
  changes!: ImportRowChangeType[];
}
