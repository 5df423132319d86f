import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupHeader, NodeLine, RelationshipLine, TrailerLine } from './backup-format';
import { BackupFormatError } from './value-codec';

/** The lines of a backup file, parsed, with their line numbers (1-based). */
export async function* readBackupLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  let input: NodeJS.ReadableStream = fs.createReadStream(file);
  if (file.endsWith('.gz')) input = input.pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (!text.trim()) continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch {
      throw new BackupFormatError(`${file}, line ${line}: not valid JSON.`);
    }
  }
}

export function parseHeader(value: unknown, file: string): BackupHeader {
  const h = value as Partial<BackupHeader> | null;
  if (!h || h.format !== BACKUP_FORMAT) throw new BackupFormatError(`${file} is not a Maillage graph backup (its first line has no "format": "${BACKUP_FORMAT}").`);
  if (h.version !== BACKUP_VERSION) throw new BackupFormatError(`${file} is a backup of format version ${h.version}; this version reads version ${BACKUP_VERSION}.`);
  if (!Array.isArray(h.migrations) || h.migrations.some((v) => !Number.isInteger(v))) throw new BackupFormatError(`${file}: the header's "migrations" must list integers.`);
  return h as BackupHeader;
}

export type ParsedLine = { kind: 'node'; value: NodeLine } | { kind: 'relationship'; value: RelationshipLine } | { kind: 'end'; value: TrailerLine };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Checks one body line's shape; the message names the line. */
export function parseBodyLine(value: unknown, line: number, file: string): ParsedLine {
  const v = value as Partial<NodeLine & RelationshipLine & TrailerLine> | null;
  const fail = (why: string) => new BackupFormatError(`${file}, line ${line}: ${why}`);
  if (!v || typeof v !== 'object') throw fail('expected an object.');
  const props = (p: unknown) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) throw fail('"props" must be an object.');
  };
  if (typeof v.n === 'number') {
    if (!Array.isArray(v.labels) || v.labels.some((l) => typeof l !== 'string' || !IDENTIFIER.test(l))) throw fail('"labels" must be a list of label names.');
    props(v.props);
    return { kind: 'node', value: v as NodeLine };
  }
  if (typeof v.r === 'number') {
    if (typeof v.type !== 'string' || !IDENTIFIER.test(v.type)) throw fail('"type" must be a relationship type name.');
    if (!Number.isInteger(v.from) || !Number.isInteger(v.to)) throw fail('"from" and "to" must be node numbers.');
    props(v.props);
    return { kind: 'relationship', value: v as RelationshipLine };
  }
  if (v.end === true) {
    if (!Number.isInteger(v.nodes) || !Number.isInteger(v.relationships)) throw fail('the trailer must count "nodes" and "relationships".');
    return { kind: 'end', value: v as TrailerLine };
  }
  throw fail('neither a node ("n"), a relationship ("r") nor the trailer ("end").');
}
