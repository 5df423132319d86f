import 'reflect-metadata';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { createSchema, SCHEMA_FILE } from './graphql/schema';

/** `npm run schema`: writes schema.graphql, committed so that API changes show in review. */
createSchema()
  .then((schema) => emitSchemaDefinitionFile(SCHEMA_FILE, schema))
  .then(() => console.log(`Wrote ${SCHEMA_FILE}`))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
