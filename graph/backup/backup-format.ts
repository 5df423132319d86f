import { JsonValue } from './value-codec';

/**
 * The backup file: JSON lines. A header, every node, every relationship, then a trailer whose
 * counts let a reader tell a complete file from a truncated one.
 *
 * {"format":"maillage-graph-backup","version":1,"createdAt":"…","migrations":[1,2,…]}
 * {"n":0,"labels":["Actor"],"props":{"id":"…","location":{"$point":{…}}}}
 * {"r":0,"type":"OFFERS","from":0,"to":1,"props":{}}
 * {"end":true,"nodes":2,"relationships":1}
 */
export const BACKUP_FORMAT = 'maillage-graph-backup';
export const BACKUP_VERSION = 1;

/** Schema bookkeeping the restore recreates itself instead of copying. */
export const MIGRATION_LABEL = '__Migration';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migration versions applied in the source database. */
  migrations: number[];
}

export interface NodeLine {
  n: number;
  labels: string[];
  props: Record<string, JsonValue>;
}

export interface RelationshipLine {
  r: number;
  type: string;
  from: number;
  to: number;
  props: Record<string, JsonValue>;
}

export interface TrailerLine {
  end: true;
  nodes: number;
  relationships: number;
}

export type BackupLine = NodeLine | RelationshipLine | TrailerLine;
