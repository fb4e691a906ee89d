import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AdminUnitResolver } from '../modules/admin-units/admin-unit.resolver.ts';
import { AssessmentStatusResolver, StatusResolver, UnitStatusResolver } from '../modules/status/status.resolver.ts';
import { RecognitionUnitResolver, UnitFactsResolver } from '../modules/assessments/unit-facts.resolver.ts';
import { CriteriaSetResolver, CriterionResolver } from '../modules/criteria/criteria.resolver.ts';
import { DataQualityResolver } from '../modules/data-quality/data-quality.resolver.ts';
import { AssessmentMutationResolver } from '../modules/assessments/assessment-mutation.resolver.ts';
import { AuthResolver } from '../modules/auth/auth.resolver.ts';
import { AuditTrailResolver } from '../modules/audit/audit-trail.resolver.ts';
import { AssessmentImportResolver } from '../modules/assessment-imports/import.resolver.ts';

export const resolvers = [
  AdminUnitResolver,
  StatusResolver,
  UnitStatusResolver,
  UnitFactsResolver,
  RecognitionUnitResolver,
  AssessmentStatusResolver,
  CriteriaSetResolver,
  CriterionResolver,
  DataQualityResolver,
  AssessmentMutationResolver,
  AuthResolver,
  AuditTrailResolver,
  AssessmentImportResolver,
] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
  });
}
