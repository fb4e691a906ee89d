import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { Assessment } from './assessment.entity.ts';
import { AssessmentInput } from './assessment.input.ts';
import { AssessmentService } from './assessment.service.ts';

@Resolver(() => Assessment)
export class AssessmentMutationResolver {
  @Mutation(() => Assessment, { description: 'Record (or replace) a unit’s assessment for a year; needs write access' })
  recordAssessment(@Arg('input', () => AssessmentInput) input: AssessmentInput, @Ctx() ctx: RequestContext): Promise<Assessment> {
    ctx.access.requireWriter();
    return new AssessmentService(ctx.em).record(input);
  }
}
