import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AssessmentKind } from '../assessments/assessment.entity.ts';
import { Tier } from '../assessments/recognition.entity.ts';
import { CriterionRef, UnitStatus } from './unit-status.type.ts';
import { ReportedAggregate } from '../data-quality/reported-aggregate.entity.ts';

@ObjectType('BandCount')
export class BandCount {
  @Field(() => String)
  band!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('CriterionCount', { description: 'How many communes meet one criterion' })
export class CriterionCount extends CriterionRef {
  @Field(() => Int)
  met!: number;
}

@ObjectType('TierCount')
export class TierCount {
  @Field(() => Tier)
  tier!: Tier;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ReportedComparison', { description: 'A figure a document reports beside the one computed from unit-level data' })
export class ReportedComparison {
  @Field(() => ReportedAggregate)
  reported!: ReportedAggregate;

  @Field(() => Float, {
    nullable: true,
    description:
      'Computed from the documented communes for the same year (never from demo data); null when the metric has no computed counterpart, the figure is a plan, or no commune is documented',
  })
  computed?: number;

  @Field(() => Float, { nullable: true, description: 'reported − computed' })
  difference?: number;

  @Field(() => Int, { description: 'How many communes the computed figure is computed from: the documented ones (for the number of communes: all)' })
  coveredCount!: number;

  @Field(() => Int, { description: 'Communes of the unit that year: coverage reads “computed from coveredCount of ofCount communes”' })
  ofCount!: number;

  @Field(() => Boolean, {
    description: 'True when the demo data was generated to match this figure: demo values that agree with it confirm nothing (and never enter `computed`)',
  })
  demoFitted!: boolean;
}

@ObjectType('Summary', { description: 'The communes below a unit in a year, and the unit’s own criteria where it has a set' })
export class Summary {
  @Field(() => Int)
  year!: number;

  @Field(() => AssessmentKind)
  kind!: AssessmentKind;

  @Field(() => String, { description: 'Criteria set of the communes' })
  criteriaSet!: string;

  @Field(() => Int, { description: 'Rural communes (xã) below the unit, plus any other commune-level unit with an assessment' })
  communeCount!: number;

  @Field(() => Int, { description: 'Communes with an assessment that year' })
  assessedCount!: number;

  @Field(() => Boolean, { description: 'Whether the figures count demo data (the includeDemo argument or the server’s default)' })
  includesDemo!: boolean;

  @Field(() => Int, { description: 'Of the assessed, how many are synthetic (demo data)' })
  syntheticCount!: number;

  @Field(() => Int, { description: 'Of the assessed, how many are documented or user-entered' })
  documentedCount!: number;

  @Field(() => [BandCount])
  bandCounts!: BandCount[];

  @Field(() => Float, { nullable: true, description: 'Average criteria met per assessed commune' })
  averageCriteria?: number;

  @Field(() => Int, { description: 'Criteria met, summed over the assessed communes' })
  totalCriteria!: number;

  @Field(() => [CriterionCount])
  perCriterion!: CriterionCount[];

  @Field(() => [TierCount], { description: 'Communes recognised by a decision on record by that year, by highest tier' })
  recognisedCounts!: TierCount[];

  @Field(() => Int, { description: 'Communes a document says are recognised, with no decision number or date on record (not counted as recognised)' })
  recognisedWithoutDecision!: number;

  @Field(() => UnitStatus, { nullable: true, description: 'The unit’s own assessment (e.g. a district against the district criteria)' })
  ownStatus?: UnitStatus;

  @Field(() => [ReportedComparison])
  reported!: ReportedComparison[];
}
