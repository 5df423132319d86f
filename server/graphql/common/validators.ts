import { ArrayMaxSize, IsInt, IsOptional, IsPositive, Length, Matches, Max, Min } from 'class-validator';

/**
 * The validation rules shared by several inputs, named after what they check, so that a rule
 * (a NAF code's shape, the range of months) is written once.
 */

/** NAF rev.2 class ("35.11") or sub-class ("35.11Z"). */
export const NAF_CODE_PATTERN = /^\d{2}\.\d{2}[A-Z]?$/;
const COMMUNE_CODE_PATTERN = /^(\d{5}|2[AB]\d{3})$/;
// Cryogenic to furnace exhaust; beyond is a typo.
const MIN_TEMPERATURE_C = -200;
const MAX_TEMPERATURE_C = 1500;

function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** An optional text of `min`..`max` characters. */
export const OptionalText = (min: number, max: number) => all(IsOptional(), Length(min, max));

export const OptionalNafCode = () => all(IsOptional(), Matches(NAF_CODE_PATTERN, { message: 'must look like "35.11Z" or "35.11" (NAF rev.2)' }));

export const OptionalCommuneCode = () =>
  all(IsOptional(), Matches(COMMUNE_CODE_PATTERN, { message: 'must be a 5-character INSEE commune code such as "94081"' }));

export const OptionalEmployeeCount = () => all(IsOptional(), IsInt(), Min(0), Max(1_000_000));

export const OptionalPositive = () => all(IsOptional(), IsPositive({ message: 'must be a positive number' }));

export const OptionalTemperature = () => all(IsOptional(), Min(MIN_TEMPERATURE_C), Max(MAX_TEMPERATURE_C));

export const OptionalMonths = () =>
  all(
    IsOptional(),
    ArrayMaxSize(12),
    IsInt({ each: true }),
    Min(1, { each: true, message: 'months must be between 1 and 12' }),
    Max(12, { each: true, message: 'months must be between 1 and 12' }),
  );

export const OptionalPublics = () => all(IsOptional(), ArrayMaxSize(8));
