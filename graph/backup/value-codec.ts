import neo4j, { Integer } from 'neo4j-driver';

/**
 * Neo4j property values ⇄ JSON, without loss: JSON has no integers beyond 2^53, points or
 * temporal types, so those become one-key objects (`{"$int": "42"}`, `{"$point": {...}}`).
 * Plain JSON numbers are floats, as the driver sends JavaScript numbers.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

type Numeric = number | bigint | Integer;
const num = (v: Numeric): number => (neo4j.isInt(v) ? (v as Integer).toNumber() : Number(v));

export function encodeValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $float: String(value) };
  if (neo4j.isInt(value)) return { $int: (value as Integer).toString() };
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value instanceof Int8Array || value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (neo4j.isPoint(value)) {
    const p = value as InstanceType<typeof neo4j.types.Point>;
    return { $point: p.z === undefined ? { srid: num(p.srid), x: p.x, y: p.y } : { srid: num(p.srid), x: p.x, y: p.y, z: p.z } };
  }
  if (neo4j.isDateTime(value)) {
    const t = value as InstanceType<typeof neo4j.types.DateTime>;
    return {
      $datetime: {
        ...dateFields(t), ...timeFields(t),
        ...(t.timeZoneOffsetSeconds !== undefined && t.timeZoneOffsetSeconds !== null ? { offsetSeconds: num(t.timeZoneOffsetSeconds) } : {}),
        ...(t.timeZoneId ? { zone: t.timeZoneId } : {}),
      },
    };
  }
  if (neo4j.isLocalDateTime(value)) return { $localdatetime: { ...dateFields(value as never), ...timeFields(value as never) } };
  if (neo4j.isDate(value)) return { $date: dateFields(value as never) };
  if (neo4j.isTime(value)) {
    const t = value as InstanceType<typeof neo4j.types.Time>;
    return { $time: { ...timeFields(t), offsetSeconds: num(t.timeZoneOffsetSeconds) } };
  }
  if (neo4j.isLocalTime(value)) return { $localtime: timeFields(value as never) };
  if (neo4j.isDuration(value)) {
    const d = value as InstanceType<typeof neo4j.types.Duration>;
    return { $duration: { months: num(d.months), days: num(d.days), seconds: num(d.seconds), nanoseconds: num(d.nanoseconds) } };
  }
  throw new Error(`Cannot back up a property value of type ${Object.prototype.toString.call(value)}.`);
}

export function encodeProperties(props: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(props).sort()) out[key] = encodeValue(props[key]);
  return out;
}

export function decodeValue(value: JsonValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(decodeValue);
  const keys = Object.keys(value);
  if (keys.length !== 1 || !keys[0].startsWith('$')) throw new BackupFormatError(`unexpected object value ${JSON.stringify(value).slice(0, 80)}`);
  const v = value[keys[0]] as Record<string, number | string>;
  switch (keys[0]) {
    case '$int': return neo4j.int(String(value.$int));
    case '$float': return Number(value.$float);
    case '$bytes': return new Int8Array(Buffer.from(String(value.$bytes), 'base64'));
    case '$point': return v.z === undefined ? new neo4j.types.Point(+v.srid, +v.x, +v.y) : new neo4j.types.Point(+v.srid, +v.x, +v.y, +v.z);
    case '$datetime':
      return new neo4j.types.DateTime(+v.year, +v.month, +v.day, +v.hour, +v.minute, +v.second, +v.nanosecond,
        v.offsetSeconds === undefined ? undefined : +v.offsetSeconds, v.zone === undefined ? undefined : String(v.zone));
    case '$localdatetime': return new neo4j.types.LocalDateTime(+v.year, +v.month, +v.day, +v.hour, +v.minute, +v.second, +v.nanosecond);
    case '$date': return new neo4j.types.Date(+v.year, +v.month, +v.day);
    case '$time': return new neo4j.types.Time(+v.hour, +v.minute, +v.second, +v.nanosecond, +v.offsetSeconds);
    case '$localtime': return new neo4j.types.LocalTime(+v.hour, +v.minute, +v.second, +v.nanosecond);
    case '$duration': return new neo4j.types.Duration(+v.months, +v.days, +v.seconds, +v.nanoseconds);
    default: throw new BackupFormatError(`unknown value type ${keys[0]}`);
  }
}

export function decodeProperties(props: Record<string, JsonValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = decodeValue(value);
  return out;
}

/** A backup file that cannot be read back; names the line when known. */
export class BackupFormatError extends Error {}

function dateFields(t: { year: Numeric; month: Numeric; day: Numeric }) {
  return { year: num(t.year), month: num(t.month), day: num(t.day) };
}

function timeFields(t: { hour: Numeric; minute: Numeric; second: Numeric; nanosecond: Numeric }) {
  return { hour: num(t.hour), minute: num(t.minute), second: num(t.second), nanosecond: num(t.nanosecond) };
}
