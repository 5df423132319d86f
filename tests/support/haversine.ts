/**
 * Independent great-circle distance used by tests as a reference for the product's distances:
 * the haversine formula on the IUGG mean Earth radius (6371.0088 km).
 */
export const MEAN_EARTH_RADIUS_KM = 6371.0088;

export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The point at `distanceKm` from `origin` along the initial bearing `bearingDeg` (0 = north,
 * 90 = east), on the same sphere: the direct geodesic problem, so tests can place actors at an
 * exact distance.
 */
export function destination(origin: { lat: number; lon: number }, bearingDeg: number, distanceKm: number): { lat: number; lon: number } {
  const rad = (d: number) => (d * Math.PI) / 180;
  const deg = (r: number) => (r * 180) / Math.PI;
  const delta = distanceKm / MEAN_EARTH_RADIUS_KM;
  const theta = rad(bearingDeg);
  const phi1 = rad(origin.lat);
  const lambda1 = rad(origin.lon);
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(delta) + Math.cos(phi1) * Math.sin(delta) * Math.cos(theta));
  const lambda2 = lambda1 + Math.atan2(Math.sin(theta) * Math.sin(delta) * Math.cos(phi1), Math.cos(delta) - Math.sin(phi1) * Math.sin(phi2));
  return { lat: deg(phi2), lon: ((deg(lambda2) + 540) % 360) - 180 };
}
