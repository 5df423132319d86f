import { registerEnumType } from 'type-graphql';
import { GEO_LAYERS } from '../../domain/geo/geojson';

export const GeoLayerEnum = Object.fromEntries(GEO_LAYERS.map((layer) => [layer, layer])) as { [K in (typeof GEO_LAYERS)[number]]: K };

registerEnumType(GeoLayerEnum, {
  name: 'GeoLayer',
  description: 'A layer of the GeoJSON export; every feature names its layer in `properties.layer`.',
  valuesConfig: {
    ACTORS: { description: 'Actors as Points, with the number of offers and needs the caller may see.' },
    FLOWS: { description: "Offers and needs the caller may see, as Points at their actor's location." },
    SYNERGIES: { description: "Substitution candidates, best first, as LineStrings from the offer's actor to the need's actor." },
    TRACKED_SYNERGIES: { description: 'Tracked synergies (authenticated callers only): LineString for a substitution, MultiLineString from the centroid to each member for a mutualisation.' },
  },
});
