import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema, getNamedType } from 'graphql';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { createSchema, SCHEMA_FILE } from '../../server/graphql/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

function fieldsOf(typeName: string): Record<string, string> {
  const type = schema.getType(typeName) as GraphQLObjectType | GraphQLInputObjectType;
  expect(type).toBeDefined();
  return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
}

function argsOf(typeName: 'Query' | 'Mutation', field: string): Record<string, string> {
  const root = typeName === 'Query' ? schema.getQueryType()! : schema.getMutationType()!;
  const f = root.getFields()[field];
  expect(f).toBeDefined();
  return Object.fromEntries(f.args.map((a) => [a.name, String(a.type)]));
}

describe('the public API contract (shared/API.md)', () => {
  it('keeps the core operations with their exact argument names and types', () => {
    expect(argsOf('Query', 'nearbyActors')).toEqual({ near: 'GeoPointInput!', radiusKm: 'Float!', first: 'Int' });
    expect(argsOf('Query', 'categorize')).toEqual({ text: 'String!' });
    expect(argsOf('Mutation', 'login')).toEqual({ email: 'String!', password: 'String!' });
    expect(argsOf('Mutation', 'createActor')).toEqual({ input: 'CreateActorInput!' });
    expect(argsOf('Mutation', 'addFlow')).toEqual({ input: 'AddFlowInput!' });
    expect(String(schema.getQueryType()!.getFields().nearbyActors.type)).toBe('[NearbyActor!]!');
    expect(fieldsOf('AuthPayload').token).toBe('String!');
    expect(fieldsOf('NearbyActor')).toMatchObject({ actor: 'Actor!', distanceKm: 'Float!' });
    expect(fieldsOf('CategorySuggestion')).toMatchObject({ category: 'ResourceCategory!', confidence: 'Float!' });
  });

  it('keeps the input fields of CreateActorInput and AddFlowInput', () => {
    expect(fieldsOf('GeoPointInput')).toEqual({ lat: 'Float!', lon: 'Float!' });
    expect(fieldsOf('CreateActorInput')).toMatchObject({
      externalId: 'String', name: 'String!', kind: 'ActorKind!', economy: 'Economy!', legalForm: 'String', nafCode: 'String',
      location: 'GeoPointInput!', address: 'String', description: 'String', employees: 'Int', activities: 'String', publics: '[Public!]',
    });
    expect(fieldsOf('AddFlowInput')).toMatchObject({
      actorId: 'ID!', direction: 'FlowDirection!', description: 'String!', categoryCode: 'String', quantity: 'Float', unit: 'String',
      temperatureC: 'Float', availableMonths: '[Int!]', confidentiality: 'Confidentiality',
    });
  });

  it('exposes the fields clients read on Actor, Flow and ResourceCategory', () => {
    expect(fieldsOf('Actor')).toMatchObject({ id: 'ID!', name: 'String!', kind: 'ActorKind!', economy: 'Economy!', location: 'GeoPoint!' });
    expect(fieldsOf('GeoPoint')).toEqual({ lat: 'Float!', lon: 'Float!' });
    expect(fieldsOf('Flow')).toMatchObject({ id: 'ID!', direction: 'FlowDirection!', description: 'String!', category: 'ResourceCategory', actor: 'Actor!' });
    expect(fieldsOf('ResourceCategory')).toMatchObject({ code: 'String!', name: 'String!', family: 'ResourceFamily!' });
  });

  it.each([
    ['ActorKind', ['COMPANY', 'ESS_STRUCTURE', 'LOCAL_AUTHORITY', 'RESEARCH_EDUCATION', 'SUPPORT_NETWORK', 'CITIZEN_GROUP']],
    ['Economy', ['CLASSIC', 'ESS', 'PUBLIC']],
    ['FlowDirection', ['OFFER', 'NEED']],
    ['ResourceFamily', ['ENERGY', 'WATER', 'MATERIAL', 'EQUIPMENT', 'SERVICE', 'EXPERTISE', 'LOGISTICS']],
    ['Confidentiality', ['PUBLIC', 'MEMBERS', 'FACILITATORS', 'PRIVATE']],
    ['Public', ['GENERAL_PUBLIC', 'COMPANIES', 'LOCAL_AUTHORITIES', 'PEOPLE_IN_INSERTION', 'PEOPLE_IN_PRECARITY', 'YOUNG_PEOPLE', 'SENIORS', 'DISABLED_PEOPLE']],
  ])('keeps the values of enum %s', (name, values) => {
    const type = schema.getType(name) as GraphQLEnumType;
    expect(type.getValues().map((v) => v.name)).toEqual(values);
  });

  it('matches the committed schema.graphql (regenerate with `npm run schema` and review the diff)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-schema-'));
    try {
      const emitted = path.join(dir, 'schema.graphql');
      await emitSchemaDefinitionFile(emitted, schema);
      expect(fs.readFileSync(emitted, 'utf8')).toBe(fs.readFileSync(SCHEMA_FILE, 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(getNamedType(schema.getQueryType()!.getFields().actors.type).name).toBe('ActorConnection');
  });
});
