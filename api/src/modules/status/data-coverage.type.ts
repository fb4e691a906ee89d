import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProvinceCoverage', { description: 'A province with statuses in a year: how many units are documented and how many demo data' })
export class ProvinceCoverage {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Units with a documented (or user-entered) status that year' })
  documentedUnits!: number;

  @Field(() => Int, { description: 'Units with a generated demo status that year' })
  demoUnits!: number;
}
