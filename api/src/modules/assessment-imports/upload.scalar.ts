import { GraphQLError, GraphQLScalarType } from 'graphql';
import Upload, { type FileUpload } from 'graphql-upload/Upload.mjs';

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
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError('Upload value invalid: send the file in a multipart request', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral() {
    throw new GraphQLError('Upload literal unsupported: send the file as a variable', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  serialize() {
    throw new GraphQLError('Upload serialization unsupported');
  },
});
