import { Confidentiality, CONFIDENTIALITIES, FlowRecord } from '../model';

/** The caller as far as access rules care. */
export interface Viewer {
  role: string;
}

/**
 * Which flows a caller may see. Companies hesitate to disclose waste data, so anything but a
 * PUBLIC flow stays hidden from anonymous callers. Today the only account is the admin, who
 * sees everything; member and facilitator roles will narrow MEMBERS / FACILITATORS / PRIVATE.
 *
 * @param viewer the authenticated caller, or null
 * @returns the confidentiality levels the caller may read
 * @example visibleConfidentialities(null) // ['PUBLIC']
 */
export function visibleConfidentialities(viewer: Viewer | null): Confidentiality[] {
  if (!viewer) return ['PUBLIC'];
  return viewer.role === 'ADMIN' ? [...CONFIDENTIALITIES] : ['PUBLIC', 'MEMBERS'];
}

/** Whether a caller may see a flow of the given confidentiality. */
export function canSee(viewer: Viewer | null, confidentiality: Confidentiality): boolean {
  return visibleConfidentialities(viewer).includes(confidentiality);
}

/**
 * What a viewer who may not see a flow learns of it: that it exists, its direction and kind of
 * resource (category), not its details. Used wherever a confidential flow takes part in a result
 * (synergies, mutualisations).
 *
 * @example redactFlow(flow).description // 'Flux confidentiel'
 */
export function redactFlow(flow: FlowRecord): FlowRecord {
  return { ...flow, externalId: null, description: 'Flux confidentiel', quantity: null, unit: null, temperatureC: null, availableMonths: [] };
}
