import type { Readable } from 'node:stream';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.ts';
import { FileTooLargeError, MalformedRequestError } from '../../errors/domain-errors.ts';
import { createProgress } from '../../import-progress.ts';
import { AssessmentImportBatch } from './import-batch.entity.ts';
import { AssessmentImportService } from './import.service.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { ImportReportType } from './import.type.ts';
import { UploadScalar, type FileUpload } from './upload.scalar.ts';

@Resolver()
export class AssessmentImportResolver {
  @Mutation(() => ImportReportType, {
    description:
      'Import assessments from the XLSX/CSV template (see README). All-or-nothing unless allOrNothing is false; ' +
      'a dry run writes nothing. Rows that change nothing are not written. Needs write access.',
  })
  async importAssessments(
    @Arg('file', () => UploadScalar) file: Promise<FileUpload>,
    @Arg('dryRun', () => Boolean, { defaultValue: false }) dryRun: boolean,
    @Arg('allOrNothing', () => Boolean, { defaultValue: true }) allOrNothing: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReportType> {
    const service = new AssessmentImportService(ctx.em, ctx.access);
    const actor = ctx.access.actor;
    // Refused callers (and editors importing outside their unit) are logged in the audit trail.
    return auditedWrite(ctx.em, actor, { action: 'importAssessments', entity: 'assessment' }, async () => {
      // Refused callers are turned away before their upload is read.
      service.authorize();
      const upload = await file;
      const data = await readUpload(upload, ctx.importLimits.maxBytes);
      const progress = createProgress(false, (line) => console.log(`Assessment import of ${upload.filename}: ${line}`));
      return service.run({ fileName: upload.filename, data, actor: actor.username, dryRun, allOrNothing, limits: ctx.importLimits, progress });
    });
  }

  @Query(() => [AssessmentImportBatch], { description: 'The latest assessment imports, newest first; needs write access' })
  assessmentImportBatches(@Arg('last', () => Int, { defaultValue: 20 }) last: number, @Ctx() ctx: RequestContext): Promise<AssessmentImportBatch[]> {
    ctx.access.requireWriter();
    return ctx.em.find(AssessmentImportBatch, {}, { orderBy: { id: 'desc' }, limit: Math.min(Math.max(last, 1), 100) });
  }
}

/** The upload stream stops (and errors) past the byte limit: graphqlUploadExpress gets limit + 1. */
async function readUpload(upload: FileUpload, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of upload.createReadStream() as Readable) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new FileTooLargeError(`The file is larger than the limit of ${maxBytes} bytes`, { limit: maxBytes });
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FileTooLargeError) throw error;
    if ((error as { status?: number }).status === 413)
      throw new FileTooLargeError(`The file is larger than the limit of ${maxBytes} bytes`, { limit: maxBytes });
    // The multipart parser's errors (a malformed part) arrive here, from createReadStream or the stream.
    throw new MalformedRequestError(`The upload could not be read: ${error instanceof Error ? error.message : error}`);
  }
  return Buffer.concat(chunks);
}
