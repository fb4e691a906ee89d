import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UnitLink } from '../admin-units/unit-link.type.ts';
import { Assessment } from '../assessments/assessment.entity.ts';
import { UnitStatus } from './unit-status.type.ts';
import { Summary } from './summary.type.ts';

@ObjectType({ description: 'One predecessor in a roll-up: its own last record before the reform, never a record of the new unit' })
export class RollUpEntry {
  @Field(() => UnitLink, { description: 'The predecessor, with part and area share' })
  link!: UnitLink;

  @Field(() => Float, { description: 'Weight in the roll-up: 1 for a full part, the area share for a partial one (0 when unknown)' })
  weight!: number;

  @Field(() => Int, { nullable: true, description: 'Year of its last recorded status (actual, not a plan); null when none' })
  year?: number;

  @Field(() => UnitStatus, { nullable: true, description: 'Its status that year (items give the criteria); synthetic says whether it is demo data' })
  status?: UnitStatus;

  @Field(() => Assessment, { nullable: true, description: 'The assessment the status comes from, with its source document and place in it' })
  assessment?: Assessment;

  @Field(() => Summary, {
    nullable: true,
    description: 'For a province: the figures of its communes in its last year in force (the year before the reform took effect)',
  })
  summary?: Summary;
}

@ObjectType({
  description:
    'DERIVED, not an assessment: what the units a new unit was formed from had recorded before the reform. ' +
    'Never to be shown or counted as the status of the new unit.',
})
export class RollUp {
  @Field(() => Boolean, { description: 'Always true: a roll-up is derived from the predecessors’ records' })
  derived!: boolean;

  @Field(() => String, { description: 'One line, e.g. "Formed from 4 communes: 2 recognised NTM, 1 at 15/19, 1 without data"' })
  summaryText!: string;

  @Field(() => Int, { description: 'Latest year read from the predecessors' })
  upToYear!: number;

  @Field(() => [RollUpEntry])
  predecessors!: RollUpEntry[];
}
