import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { Assessment } from './assessment.entity.ts';
import { AssessmentInput, RecognitionInput, TargetInput } from './assessment.input.ts';
import { AssessmentService } from './assessment.service.ts';
import { Recognition } from './recognition.entity.ts';
import { RecognitionService } from './recognition.service.ts';
import { Target } from './target.entity.ts';
import { TargetService } from './target.service.ts';

/** Writes: an editor within their unit's subtree, or an admin; each write is audited, refusals too. */
@Resolver(() => Assessment)
export class AssessmentMutationResolver {
  @Mutation(() => Assessment, {
    description: 'Record (or replace) a unit’s assessment for a year, with indicator values; editors of the unit or above, admins',
  })
  recordAssessment(@Arg('input', () => AssessmentInput) input: AssessmentInput, @Ctx() ctx: RequestContext): Promise<Assessment> {
    const attempt = { action: 'recordAssessment', entity: 'assessment', unitCode: input.unitCode, year: input.year };
    return auditedWrite(ctx.em, ctx.access.actor, attempt, () => new AssessmentService(ctx.em, ctx.access).record(input));
  }

  @Mutation(() => Recognition, { description: 'Record a recognition step: tier, decision number and date; editors of the unit or above, admins' })
  recordRecognition(@Arg('input', () => RecognitionInput) input: RecognitionInput, @Ctx() ctx: RequestContext): Promise<Recognition> {
    const attempt = { action: 'recordRecognition', entity: 'recognition', unitCode: input.unitCode, year: input.year };
    return auditedWrite(ctx.em, ctx.access.actor, attempt, () => new RecognitionService(ctx.em, ctx.access).record(input));
  }

  @Mutation(() => Target, { description: 'Set a unit’s plan for a year (criteria, number of criteria or tier); editors of the unit or above, admins' })
  setTarget(@Arg('input', () => TargetInput) input: TargetInput, @Ctx() ctx: RequestContext): Promise<Target> {
    const attempt = { action: 'setTarget', entity: 'target', unitCode: input.unitCode, year: input.year };
    return auditedWrite(ctx.em, ctx.access.actor, attempt, () => new TargetService(ctx.em, ctx.access).set(input));
  }
}
