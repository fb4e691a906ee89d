import { GraphQLError, GraphQLScalarType } from 'graphql';
import Upload, { type FileUpload } from 'graphql-upload/Upload.mjs';
import { MalformedRequestError } from '../../errors/domain-errors.ts';

export type { FileUpload };

/**
 * The multipart-request Upload scalar. graphql-upload's own GraphQLUpload imports graphql's ESM
 * build, a second copy of graphql that the schema (built on the CommonJS entry) rejects; this is
 * the same scalar on our copy. graphqlUploadExpress puts an Upload in the variables.
 */
export const UploadScalar = new GraphQLScalarType<Promise<FileUpload>, never>({
  name: 'Upload',
  description: 'A file sent in a GraphQL multipart request (send the header Apollo-Require-Preflight: true)',
  parseValue(value) {
    // A part the multipart parser cannot read (a file name with a NUL, a header of 50,000 characters)
    // rejects the upload; type-graphql awaits arguments before the resolver runs, so it is mapped here.
    if (value instanceof Upload) {
      const upload = value.promise.catch((error: unknown) => {
        throw new MalformedRequestError(`The upload could not be read: ${error instanceof Error ? error.message : error}`);
      });
      // Variables are also coerced where nobody awaits them (the cost estimate); as graphql-upload does
      // for its own promise, a rejection nobody waits for must not become an unhandled one.
      upload.catch(() => {});
      return upload;
    }
    throw new GraphQLError('Upload value invalid: send the file in a multipart request', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral() {
    throw new GraphQLError('Upload literal unsupported: send the file as a variable', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  serialize() {
    throw new GraphQLError('Upload serialization unsupported');
  },
});
